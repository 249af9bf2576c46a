import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recommendationRow } from '../../documents/recommendation-rows.js';
import type { Call } from '../../domain/call.js';
import { findCall } from '../../store/call-repository.js';
import { createDraft, draftAndSubmit, newApplicant, openTestCall, validModeData, waitForStatus } from '../support/declaration.js';
import { pdfText } from '../support/documents.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// A call's directions edited by the province (GET/PUT /api/calls/:callId/directions): a direction added on 附件2
// reaches a new application's form as data, its submission is accepted, and its documents name it; a retired one is
// no longer offered; a duplicate name, a row without a template and removing a used direction change nothing.

type Headers = Record<string, string>;
type Row = { code?: string; label: string; subtypeOf: string | null; template: string | null; retired: boolean; applications?: number };
type View = { callId: string; directions: Required<Row>[]; cappedDirection: string | null };

describe('a call’s directions as data', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let call: Call;
  let province: Headers;
  const view = async () => (await web.app.inject({ method: 'GET', url: `/api/calls/${call.id}/directions`, headers: province })).json() as View;
  const put = (directions: Row[], cappedDirection: string | null = 'city-platform') =>
    web.app.inject({ method: 'PUT', url: `/api/calls/${call.id}/directions`, headers: province, payload: { directions, cappedDirection } });
  const edited = (rows: Required<Row>[]): Row[] => rows.map(({ applications: _n, ...row }) => row);
  const audits = async () => (await web.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'call.directions.replaced' AND subject = $1", [`call:${call.id}`])).rows[0]!.n;

  beforeAll(async () => {
    web = await testApp();
    call = await openTestCall(web.db);
    province = await signIn(web.app, await createTestAccount(web.db, 'province-officer'));
  }, 120_000);
  afterAll(() => web.close());

  it('adds 工业互联网+安全 on 附件2: a new application is offered it, may declare it, and its materials name it', async () => {
    // given
    const before = await view();
    expect(before.directions).toHaveLength(14);
    expect(before.cappedDirection).toBe('city-platform');
    // when
    const saved = await put([...edited(before.directions), { label: '工业互联网+安全', subtypeOf: null, template: 'mode-application', retired: false }]);
    // then
    expect(saved.statusCode, saved.body).toBe(200);
    const added = (saved.json() as View).directions.at(-1)!;
    expect(added).toMatchObject({ label: '工业互联网+安全', template: 'mode-application', retired: false, applications: 0 });
    expect(added.code).toMatch(/^d-[0-9a-f]{8}$/);
    expect(await audits()).toBe(1);
    const stored = (await findCall(web.db, call.id))!;
    expect(stored.directionTemplates[added.code]).toBe('mode-application');

    // when: an applicant opens a new application of the call on the mode form
    const { headers, uscc } = await newApplicant(web.app, web.db);
    const draftId = await createDraft(web.app, headers, call.id);
    const form = (await web.app.inject({ method: 'GET', url: `/api/applications/${draftId}/form`, headers })).json() as { directionOptions: { value: string; label: string }[] };
    // then: offered on 附件2, not on 附件3
    expect(form.directionOptions).toContainEqual({ value: added.code, label: '工业互联网+安全' });
    const platformDraft = await createDraft(web.app, headers, call.id, 'industry-platform');
    const platformForm = (await web.app.inject({ method: 'GET', url: `/api/applications/${platformDraft}/form`, headers })).json() as { directionOptions: { value: string }[] };
    expect(platformForm.directionOptions.map((o) => o.value)).toEqual(['industry-platform', 'city-platform']);

    // when: it is declared and submitted
    const submitted = await web.app.inject({ method: 'POST', url: `/api/applications/${draftId}/submit`, headers, payload: { data: await validModeData(web.app, headers, uscc, { direction: added.code }) } });
    // then: accepted, and the rendered materials name the direction as the call does
    expect(submitted.statusCode, submitted.body).toBe(200);
    await waitForStatus(web.db, draftId, 'awaiting-sealed-scans', 60_000);
    const documents = (await web.app.inject({ method: 'GET', url: `/api/applications/${draftId}/documents`, headers })).json() as { kind: string; format: string; attachmentId: string }[];
    const materials = documents.find((d) => d.kind === 'materials' && d.format === 'pdf')!;
    const pdf = await web.app.inject({ method: 'GET', url: `/api/attachments/${materials.attachmentId}`, headers });
    expect((await pdfText(pdf.rawPayload)).replace(/\s+/g, '')).toContain('申报方向工业互联网+安全');
    // and a row of the 推荐表 and the Excel exports names it from the call
    expect(recommendationRow({ rank: 1, opinion: '', template: 'mode-application', enterpriseUscc: uscc, data: { direction: added.code } }, stored).direction).toBe('工业互联网+安全');
    expect((await view()).directions.at(-1)!.applications).toBe(1);
  }, 120_000);

  it('refuses a duplicate name, a row without a template and removing a used direction, naming the row; nothing changes', async () => {
    // given: the call has an application declaring 智能化制造
    const { headers, uscc } = await newApplicant(web.app, web.db);
    const { response } = await draftAndSubmit(web.app, headers, call.id, await validModeData(web.app, headers, uscc));
    expect(response.statusCode, response.body).toBe(200);
    const before = await view();
    const auditsBefore = await audits();
    const rows = edited(before.directions);
    // when / then
    const cases: [Row[], { path: string; message: string }][] = [
      [[...rows, { label: '绿色制造', subtypeOf: null, template: 'mode-application', retired: false }], { path: `body.directions.${rows.length}.label`, message: `第${rows.length + 1}行：申报方向名称“绿色制造”与第12行重复` }],
      [[...rows, { label: '数据要素', subtypeOf: null, template: null, retired: false }], { path: `body.directions.${rows.length}.template`, message: `第${rows.length + 1}行：请为“数据要素”选择申报书类别（附件2–4）` }],
      [rows.filter((r) => r.code !== 'mode-intelligent-manufacturing'), { path: 'body.directions', message: '申报方向“智能化制造”已有 1 份申报使用，不能删除；如不再受理，请将其停用' }],
    ];
    for (const [directions, problem] of cases) {
      const refused = await put(directions);
      expect(refused.statusCode, refused.body).toBe(400);
      expect((refused.json() as { fields: unknown[] }).fields).toEqual([problem]);
    }
    expect(await view()).toEqual(before);
    expect(await audits()).toBe(auditsBefore);
  }, 120_000);

  it('retires a direction: a new application is not offered it and may not declare it', async () => {
    // given
    const rows = edited((await view()).directions).map((r) => (r.code === 'green-manufacturing' ? { ...r, retired: true } : r));
    expect((await put(rows)).statusCode).toBe(200);
    const { headers, uscc } = await newApplicant(web.app, web.db);
    const draftId = await createDraft(web.app, headers, call.id);
    // when
    const form = (await web.app.inject({ method: 'GET', url: `/api/applications/${draftId}/form`, headers })).json() as { directionOptions: { value: string }[] };
    const submitted = await web.app.inject({ method: 'POST', url: `/api/applications/${draftId}/submit`, headers, payload: { data: await validModeData(web.app, headers, uscc, { direction: 'green-manufacturing' }) } });
    // then
    expect(form.directionOptions.map((o) => o.value)).not.toContain('green-manufacturing');
    expect(submitted.statusCode).toBe(400);
    expect((submitted.json() as { fields: unknown[] }).fields).toEqual([{ path: 'data.direction', message: '该申报方向已停用，请选择其他申报方向' }]);
    expect((await view()).directions.find((d) => d.code === 'green-manufacturing')).toMatchObject({ label: '绿色制造', retired: true });
  }, 120_000);

  it('answers 404 for a call that does not exist', async () => {
    expect((await web.app.inject({ method: 'GET', url: '/api/calls/no-such-call/directions', headers: province })).statusCode).toBe(404);
    expect((await web.app.inject({ method: 'PUT', url: '/api/calls/no-such-call/directions', headers: province, payload: { directions: [{ label: '甲', subtypeOf: null, template: 'mode-application', retired: false }], cappedDirection: null } })).statusCode).toBe(404);
  });
});
