import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../domain/call.js';
import { usccCharset } from '../../domain/uscc.js';
import { createDraft, newApplicant, openTestCall, pdfBytes, randomUscc, upload, validModeData } from '../support/declaration.js';
import { testApp } from '../support/web.js';

// Malformed input is answered at once with a 4xx and field messages, and leaves no partial record.

describe('malformed submissions', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let call: Call;
  beforeAll(async () => {
    web = await testApp();
    call = await openTestCall(web.db);
  });
  afterAll(() => web.close());

  /** What a refused request must leave as it was. */
  async function footprint(id: string) {
    const application = await web.db.query('SELECT status, data, application_number, process_instance_id, unit_id FROM application WHERE id = $1', [id]);
    const events = await web.db.query('SELECT count(*)::int AS n FROM application_status_event WHERE application_id = $1', [id]);
    const sequence = await web.db.query('SELECT coalesce(sum(last), 0)::int AS n FROM application_number_sequence WHERE year = $1', [call.year]);
    return { application: application.rows[0], events: events.rows[0].n, sequence: sequence.rows[0].n };
  }

  const badCheck = (uscc: string) => uscc.slice(0, 17) + usccCharset[(usccCharset.indexOf(uscc.at(-1)!) + 1) % usccCharset.length];

  it.each([
    ['a number given as text', { totalInvestment: '一千二百' }, 'data.totalInvestment'],
    ['a missing required field', { projectName: undefined }, 'data.projectName'],
    ['over-long text', { enterpriseName: '企'.repeat(101) }, 'data.enterpriseName'],
    ['an impossible date', { periodStart: '2021-02-30' }, 'data.periodStart'],
    ['a period that ends before it starts', { periodStart: '2022-01-01', periodEnd: '2021-01-01' }, 'data.periodEnd'],
    ['a negative amount', { completedInvestment: -5 }, 'data.completedInvestment'],
    ['an absurd amount', { totalInvestment: 1e12 }, 'data.totalInvestment'],
    ['more completed than in total', { totalInvestment: 100, completedInvestment: 200 }, 'data.completedInvestment'],
    ['a unit that does not exist', { declaredUnit: '139999' }, 'data.declaredUnit'],
    ['an attachment reference to no upload', { businessLicense: { id: '00000000-0000-4000-8000-000000000000', fileName: 'x.pdf', sha256: 'a'.repeat(64) } }, 'data.businessLicense'],
    ['another enterprise’s USCC', { uscc: randomUscc() }, 'data.uscc'],
  ])('refuses %s at %s and writes nothing', async (_case, overrides, path) => {
    // given
    const applicant = await newApplicant(web.app, web.db);
    const id = await createDraft(web.app, applicant.headers, call.id);
    const data = await validModeData(web.app, applicant.headers, applicant.uscc, overrides as Record<string, unknown>);
    const before = await footprint(id);
    // when
    const response = await web.app.inject({ method: 'POST', url: `/api/applications/${id}/submit`, headers: applicant.headers, payload: { data } });
    // then
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().fields.map((f: { path: string }) => f.path)).toContain(path);
    expect(await footprint(id)).toEqual(before);
  });

  it('refuses a USCC with a wrong check character unless confirmed as printed', async () => {
    const uscc = badCheck(randomUscc());
    const applicant = await newApplicant(web.app, web.db, uscc);
    const id = await createDraft(web.app, applicant.headers, call.id);
    const before = await footprint(id);
    const data = await validModeData(web.app, applicant.headers, uscc);
    const refused = await web.app.inject({ method: 'POST', url: `/api/applications/${id}/submit`, headers: applicant.headers, payload: { data } });
    expect(refused.statusCode).toBe(400);
    const field = refused.json().fields.find((f: { path: string }) => f.path === 'data.uscc');
    expect(field.message).toContain('校验位');
    expect(await footprint(id)).toEqual(before);
    const confirmed = await web.app.inject({ method: 'POST', url: `/api/applications/${id}/submit`, headers: applicant.headers, payload: { data: { ...data, usccConfirmedAsPrinted: true } } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
  });

  it('keeps text exactly as typed, markup included', async () => {
    const applicant = await newApplicant(web.app, web.db);
    const id = await createDraft(web.app, applicant.headers, call.id);
    const typed = '<script>alert("x")</script> 项目 & <b>粗体</b>';
    const saved = await web.app.inject({ method: 'PUT', url: `/api/applications/${id}/draft`, headers: applicant.headers, payload: { data: { projectName: typed } } });
    expect(saved.statusCode).toBe(200);
    const read = await web.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: applicant.headers });
    expect(read.json().data.projectName).toBe(typed);
    expect(read.headers['content-type']).toContain('application/json');
  });

  it('answers 404 for another enterprise’s application, and changes nothing', async () => {
    const owner = await newApplicant(web.app, web.db);
    const id = await createDraft(web.app, owner.headers, call.id);
    const before = await footprint(id);
    const intruder = await newApplicant(web.app, web.db);
    for (const request of [
      { method: 'GET' as const, url: `/api/applications/${id}` },
      { method: 'PUT' as const, url: `/api/applications/${id}/draft`, payload: { data: { projectName: 'mine now' } } },
      { method: 'POST' as const, url: `/api/applications/${id}/submit`, payload: { data: {} } },
      { method: 'GET' as const, url: `/api/applications/${id}/status` },
    ]) {
      const response = await web.app.inject({ ...request, headers: intruder.headers });
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
    }
    expect(await footprint(id)).toEqual(before);
  });
});

describe('malformed uploads', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    web = await testApp({ attachmentMaxBytes: 64 * 1024 });
  });
  afterAll(() => web.close());

  const count = async () => (await web.db.query('SELECT count(*)::int AS n FROM attachment')).rows[0].n as number;

  it.each([
    ['a text file named .pdf', '申报书.pdf', Buffer.from('not a pdf at all'), 400, '文件内容与扩展名 .pdf 不符'],
    ['a PDF named .png', 'scan.png', pdfBytes, 400, '文件内容与扩展名 .png 不符'],
    ['an empty file', 'empty.pdf', Buffer.alloc(0), 400, '文件为空'],
    ['an executable', 'tool.exe', Buffer.from('MZ\x90\x00'), 400, '只能上传'],
    ['a file over the limit', 'big.pdf', Buffer.concat([pdfBytes, Buffer.alloc(70 * 1024)]), 413, ''],
  ])('refuses %s and stores nothing', async (_case, fileName, content, status, message) => {
    const applicant = await newApplicant(web.app, web.db);
    const before = await count();
    const response = await upload(web.app, applicant.headers, fileName, content);
    expect(response.statusCode).toBe(status);
    if (message) expect(response.json().message).toContain(message);
    expect(await count()).toBe(before);
  });

  it('stores a real PDF with its hash, lets its owner download it, and no other enterprise', async () => {
    const owner = await newApplicant(web.app, web.db);
    const response = await upload(web.app, owner.headers, '营业执照.pdf', pdfBytes);
    expect(response.statusCode).toBe(201);
    const { id, sha256, mediaType } = response.json();
    expect(sha256).toBe((await import('node:crypto')).createHash('sha256').update(pdfBytes).digest('hex'));
    expect(mediaType).toBe('application/pdf');
    const download = await web.app.inject({ method: 'GET', url: `/api/attachments/${id}`, headers: owner.headers });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdfBytes)).toBe(true);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('营业执照.pdf'));
    const other = await newApplicant(web.app, web.db);
    expect((await web.app.inject({ method: 'GET', url: `/api/attachments/${id}`, headers: other.headers })).statusCode).toBe(404);
  });

  it('keeps the old version when a correction replaces a file', async () => {
    const owner = await newApplicant(web.app, web.db);
    const first = (await upload(web.app, owner.headers, 'v1.pdf', pdfBytes)).json();
    const second = await upload(web.app, owner.headers, 'v2.pdf', Buffer.concat([pdfBytes, Buffer.from('% v2\n')]), { replaces: first.id });
    expect(second.statusCode).toBe(201);
    const rows = await web.db.query('SELECT id, replaces FROM attachment WHERE id = ANY($1::uuid[]) ORDER BY created_at', [[first.id, second.json().id]]);
    expect(rows.rows).toEqual([{ id: first.id, replaces: null }, { id: second.json().id, replaces: first.id }]);
    expect((await web.app.inject({ method: 'GET', url: `/api/attachments/${first.id}`, headers: owner.headers })).statusCode).toBe(200);
  });
});
