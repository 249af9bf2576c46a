import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call2021, type Call } from '../../domain/call.js';
import { shiftByYears } from '../../domain/call-calendar.js';
import { findCall } from '../../store/call-repository.js';
import { listIndicators, replaceIndicators } from '../../store/recommendation-repository.js';
import { createDraft, newApplicant, openTestCall, pdfBytes, validModeData } from '../support/declaration.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// The calls pages' API: the next year's call from a previous one (everything copied, the calendar a year on, a
// draft hidden from applicants until published), the calendar's rules (dates in order, no running window cut), a
// download uploaded and served, and a call closed early refusing a submission.

type Headers = Record<string, string>;
type Settings = {
  id: string; year: number; title: string; state: string; opensAt: string; enterpriseDeadline: string; cityDeadline: string;
  correctionDays: number; maxCorrectionRounds: number; sealDueDays: number; returnAnswerDays: number; contacts: unknown[]; links: unknown[];
  files: { id: string; title: string; fileName: string; url: string }[]; notes: string[];
};
const DAY = 86_400_000;

async function uploadDownload(app: FastifyInstance, headers: Headers, callId: string, title: string, fileName: string, content: Buffer) {
  const form = new FormData();
  form.set('title', title);
  form.set('file', new Blob([new Uint8Array(content)]), fileName);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return app.inject({ method: 'POST', url: `/api/calls/${callId}/downloads`, headers: { ...headers, 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
}

/** A year with no call, whose next year has none either. */
async function freeYear(db: Awaited<ReturnType<typeof testApp>>['db']): Promise<number> {
  const taken = new Set((await db.query<{ year: number }>('SELECT year FROM call')).rows.map((row) => row.year));
  for (let year = 2099; year > 2000; year--) if (!taken.has(year) && !taken.has(year + 1)) return year;
  throw new Error('no free year');
}

describe('calls as data: the next year, the calendar, downloads, open and close', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let province: Headers;
  let previous: Call;
  const calendarOf = (s: Settings) => ({ opensAt: s.opensAt, enterpriseDeadline: s.enterpriseDeadline, cityDeadline: s.cityDeadline, correctionDays: s.correctionDays, maxCorrectionRounds: s.maxCorrectionRounds, sealDueDays: s.sealDueDays, returnAnswerDays: s.returnAnswerDays });
  const settings = async (id: string) => (await web.app.inject({ method: 'GET', url: `/api/calls/${id}/settings`, headers: province })).json() as Settings;
  const callRows = async () => (await web.db.query('SELECT id, year FROM call ORDER BY id')).rows;

  beforeAll(async () => {
    web = await testApp();
    province = await signIn(web.app, await createTestAccount(web.db, 'province-officer'));
    // a previous year's call as 2021's, with its own texts, windows, floor, indicators and a capped direction
    const year = await freeYear(web.db);
    previous = await openTestCall(web.db, new Date(), {
      id: `y${year}-${Date.now() % 100000}`, year, title: `${year}年河北省工业互联网创新发展重点项目申报`,
      opensAt: new Date(`${year}-11-29T00:00:00+08:00`), enterpriseDeadline: new Date(`${year}-12-15T23:59:59+08:00`), cityDeadline: new Date(`${year}-12-20T23:59:59+08:00`),
      noticeTexts: { ...call2021.noticeTexts, footer: '河北省工信厅（测试页脚）' }, correctionDays: 7, maxCorrectionRounds: 1, sealDueDays: 4, returnAnswerDays: 8, provinceFloor: 180,
    });
    await replaceIndicators(web.db, previous.id, [{ unitId: '130100', target: 30, isCap: false }, { unitId: '130200', target: 5, isCap: true }], 'test');
    expect((await uploadDownload(web.app, province, previous.id, '附件1 指标分配表', '附件1.pdf', pdfBytes)).statusCode).toBe(201);
  }, 120_000);
  afterAll(() => web.close());

  it('creates the next year’s call from a previous one: a draft with every field, the indicators, the download and the calendar a year on', async () => {
    // when
    const created = await web.app.inject({ method: 'POST', url: '/api/calls', headers: province, payload: { fromCallId: previous.id } });
    // then
    expect(created.statusCode, created.body).toBe(201);
    const answer = created.json() as Settings;
    const year = previous.year + 1;
    expect(answer).toMatchObject({ id: String(year), year, title: `${year}年河北省工业互联网创新发展重点项目申报`, state: 'draft', correctionDays: 7, maxCorrectionRounds: 1, sealDueDays: 4, returnAnswerDays: 8 });
    expect(new Date(answer.opensAt).toISOString()).toBe(new Date(`${year}-11-29T00:00:00+08:00`).toISOString());
    expect(new Date(answer.enterpriseDeadline).toISOString()).toBe(shiftByYears(previous.enterpriseDeadline, 1).toISOString());
    expect(new Date(answer.cityDeadline).toISOString()).toBe(new Date(`${year}-12-20T23:59:59+08:00`).toISOString());
    const copy = (await findCall(web.db, String(year)))!;
    const same = (call: Call) => ({ guide: call.guide, directions: call.directions, directionTemplates: call.directionTemplates, capped: call.directionCappedAtOnePerUnit, noticeTexts: call.noticeTexts, contacts: call.contacts, downloads: call.downloads, provinceFloor: call.provinceFloor });
    expect(same(copy)).toEqual(same(previous));
    expect(await listIndicators(web.db, copy.id)).toEqual(await listIndicators(web.db, previous.id));
    expect(answer.files.map((f) => [f.title, f.fileName])).toEqual([['附件1 指标分配表', '附件1.pdf']]);
    // the copied file is the same bytes under a key of its own
    const file = await web.app.inject({ method: 'GET', url: answer.files[0]!.url, headers: province });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdfBytes)).toBe(true);
    expect((await web.db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'call.created' AND subject = $1", [`call:${year}`])).rows[0]!.n).toBe(1);
    // pinned to the latest releases, like every new call
    expect((await web.db.query('SELECT count(*)::int AS n FROM call_release WHERE call_id = $1', [copy.id])).rows[0]!.n).toBeGreaterThan(0);
    // a draft: not shown to an applicant, and no draft may be started in it
    const applicant = await newApplicant(web.app, web.db);
    const listed = (await web.app.inject({ method: 'GET', url: '/api/calls', headers: applicant.headers })).json() as { id: string }[];
    expect(listed.map((c) => c.id)).not.toContain(copy.id);
    expect((await web.app.inject({ method: 'GET', url: answer.files[0]!.url, headers: applicant.headers })).statusCode).toBe(404);
    expect((await web.app.inject({ method: 'POST', url: '/api/applications', headers: applicant.headers, payload: { callId: copy.id, template: 'mode-application' } })).statusCode).toBe(400);
    const officerList = (await web.app.inject({ method: 'GET', url: '/api/calls', headers: province })).json() as { id: string; state: string; open: boolean }[];
    expect(officerList.find((c) => c.id === copy.id)).toMatchObject({ state: 'draft', open: false });
  });

  it('refuses a year that already has a call, and creates nothing', async () => {
    const before = await callRows();
    const refused = await web.app.inject({ method: 'POST', url: '/api/calls', headers: province, payload: { fromCallId: previous.id } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual([{ path: 'body.year', message: `${previous.year + 1}年已有申报批次，不能重复创建` }]);
    const alsoRefused = await web.app.inject({ method: 'POST', url: '/api/calls', headers: province, payload: { fromCallId: previous.id, year: previous.year } });
    expect(alsoRefused.statusCode).toBe(400);
    expect(await callRows()).toEqual(before);
  });

  it('refuses a deadline before the opening, or a units’ deadline before the enterprises’, and changes nothing', async () => {
    const id = String(previous.year + 1);
    const before = await settings(id);
    const bad = await web.app.inject({ method: 'PUT', url: `/api/calls/${id}/calendar`, headers: province, payload: { ...calendarOf(before), enterpriseDeadline: new Date(new Date(before.opensAt).getTime() - DAY).toISOString() } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([{ path: 'body.enterpriseDeadline', message: '企业申报截止时间须晚于申报开始时间' }]);
    const alsoBad = await web.app.inject({ method: 'PUT', url: `/api/calls/${id}/calendar`, headers: province, payload: { ...calendarOf(before), cityDeadline: new Date(new Date(before.enterpriseDeadline).getTime() - DAY).toISOString() } });
    expect(alsoBad.json().fields).toEqual([{ path: 'body.cityDeadline', message: '各市报送截止时间不能早于企业申报截止时间' }]);
    expect(await settings(id)).toEqual(before);
    expect((await web.db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'call.calendar.changed' AND subject = $1", [`call:${id}`])).rows[0]!.n).toBe(0);
  });

  it('refuses return-answer days outside 1–30, and changes nothing', async () => {
    const id = String(previous.year + 1);
    const before = await settings(id);
    for (const returnAnswerDays of [0, 31, 2.5]) {
      const refused = await web.app.inject({ method: 'PUT', url: `/api/calls/${id}/calendar`, headers: province, payload: { ...calendarOf(before), returnAnswerDays } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields).toEqual([{ path: 'body.returnAnswerDays', message: returnAnswerDays === 2.5 ? '退回答复天数须为整数' : '退回答复天数（工作日）须在 1–30 之间' }]);
    }
    expect(await settings(id)).toEqual(before);
    expect((await findCall(web.db, id))!.returnAnswerDays).toBe(8);
  });

  it('moves the enterprise deadline, says the windows already opened keep their days, publishes, and the applicant sees it with its download', async () => {
    const id = String(previous.year + 1);
    const before = await settings(id);
    const later = new Date(new Date(before.enterpriseDeadline).getTime() + 2 * DAY).toISOString();
    const moved = await web.app.inject({ method: 'PUT', url: `/api/calls/${id}/calendar`, headers: province, payload: { ...calendarOf(before), enterpriseDeadline: later, correctionDays: 5 } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((moved.json() as Settings).notes).toEqual(['补正天数与轮次的修改只适用于此后发出的补正要求，已发出的补正期限不变。']);
    expect((await findCall(web.db, id))!.enterpriseDeadline.toISOString()).toBe(later);
    const returnDays = await web.app.inject({ method: 'PUT', url: `/api/calls/${id}/calendar`, headers: province, payload: { ...calendarOf(moved.json() as Settings), returnAnswerDays: 10 } });
    expect(returnDays.statusCode, returnDays.body).toBe(200);
    expect(returnDays.json() as Settings).toMatchObject({ returnAnswerDays: 10, notes: ['退回答复天数的修改只适用于此后省厅退回的申报，已退回的答复期限不变。'] });
    expect((await findCall(web.db, id))!.returnAnswerDays).toBe(10);
    expect((await web.db.query("SELECT detail->'calendar'->'returnAnswerDays' AS days FROM audit_log WHERE action = 'call.calendar.changed' AND subject = $1 ORDER BY id DESC LIMIT 1", [`call:${id}`])).rows).toEqual([{ days: 10 }]);
    const published = await web.app.inject({ method: 'POST', url: `/api/calls/${id}/open`, headers: province });
    expect((published.json() as Settings).state).toBe('published');
    expect((await web.app.inject({ method: 'POST', url: `/api/calls/${id}/open`, headers: province })).statusCode).toBe(409);
    const applicant = await newApplicant(web.app, web.db);
    const shown = ((await web.app.inject({ method: 'GET', url: '/api/calls', headers: applicant.headers })).json() as { id: string; state: string; enterpriseDeadline: string; downloads: { title: string; url: string }[] }[]).find((c) => c.id === id)!;
    expect(shown.state).toBe('published');
    expect(new Date(shown.enterpriseDeadline).toISOString()).toBe(later);
    const file = shown.downloads.find((d) => d.title === '附件1 指标分配表')!;
    const downloaded = await web.app.inject({ method: 'GET', url: file.url, headers: applicant.headers });
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('附件1.pdf')}`);
    expect(downloaded.rawPayload.equals(pdfBytes)).toBe(true);
  });

  it('refuses to cut a running window of a published call, with the reason', async () => {
    // given: a published call open now, with an application
    const call = await openTestCall(web.db);
    const applicant = await newApplicant(web.app, web.db);
    await createDraft(web.app, applicant.headers, call.id);
    const before = await settings(call.id);
    // when: the enterprise deadline moves to yesterday, or the opening to tomorrow
    const earlier = await web.app.inject({ method: 'PUT', url: `/api/calls/${call.id}/calendar`, headers: province, payload: { ...calendarOf(before), enterpriseDeadline: new Date(Date.now() - 12 * 3_600_000).toISOString() } });
    const postponed = await web.app.inject({ method: 'PUT', url: `/api/calls/${call.id}/calendar`, headers: province, payload: { ...calendarOf(before), opensAt: new Date(Date.now() + DAY).toISOString() } });
    // then
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().fields[0].message).toMatch(/会中断正在进行的申报/);
    expect(postponed.json().fields).toEqual([{ path: 'body.opensAt', message: '已有企业在本批次中申报，申报开始时间不能推迟到当前时间之后' }]);
    expect(await settings(call.id)).toEqual(before);
  });

  it('closes a call early: a submission is refused with the reason, and the portal shows it closed', async () => {
    // given: a draft in an open call
    const call = await openTestCall(web.db);
    const applicant = await newApplicant(web.app, web.db);
    const draftId = await createDraft(web.app, applicant.headers, call.id);
    const data = await validModeData(web.app, applicant.headers, applicant.uscc);
    // when
    expect((await web.app.inject({ method: 'POST', url: `/api/calls/${call.id}/close`, headers: province, payload: { reason: ' ' } })).statusCode).toBe(400);
    const closed = await web.app.inject({ method: 'POST', url: `/api/calls/${call.id}/close`, headers: province, payload: { reason: '申报数量已满足培育需要' } });
    expect((closed.json() as Settings).state).toBe('closed');
    // then
    const submitted = await web.app.inject({ method: 'POST', url: `/api/applications/${draftId}/submit`, headers: applicant.headers, payload: { data } });
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json().message).toBe('该申报批次已由省厅关闭，不再接受申报。');
    expect((await web.db.query('SELECT status, application_number FROM application WHERE id = $1', [draftId])).rows).toEqual([{ status: 'draft', application_number: null }]);
    const shown = ((await web.app.inject({ method: 'GET', url: '/api/calls', headers: applicant.headers })).json() as { id: string; state: string; open: boolean }[]).find((c) => c.id === call.id);
    expect(shown).toMatchObject({ state: 'closed', open: false });
    expect((await web.db.query("SELECT detail FROM audit_log WHERE action = 'call.closed' AND subject = $1", [`call:${call.id}`])).rows).toEqual([{ detail: { reason: '申报数量已满足培育需要' } }]);
  });

  it('uploads and removes a download; a file that is not what its name says is refused', async () => {
    const call = await openTestCall(web.db);
    const refused = await uploadDownload(web.app, province, call.id, '假文件', 'fake.pdf', Buffer.from('not a pdf'));
    expect(refused.statusCode).toBe(400);
    const added = (await uploadDownload(web.app, province, call.id, '附件5 推荐表', '附件5.pdf', pdfBytes)).json() as Settings;
    expect(added.files.map((f) => f.title)).toEqual(['附件5 推荐表']);
    const removed = await web.app.inject({ method: 'DELETE', url: added.files[0]!.url, headers: province });
    expect((removed.json() as Settings).files).toEqual([]);
    expect((await web.app.inject({ method: 'GET', url: added.files[0]!.url, headers: province })).statusCode).toBe(404);
  });
});
