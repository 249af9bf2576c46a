import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../platform/clock.js';
import { newReviewer, openTestCall, upload, uploadPdf } from '../support/declaration.js';
import { docxText, inkInBoxOf, pdfFonts, pdfText } from '../support/documents.js';
import { testEngine, waitFor } from '../support/engine.js';
import { seedLibrary } from '../support/library.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

const DAY = 86_400_000;

describe('a unit’s batch to the province', () => {
  const clock = manualClock(new Date());
  let web: Awaited<ReturnType<typeof testApp>>;
  const { client } = testEngine();
  // Sessions expire on the same clock the tests move: sign in after moving it.
  const provinceOfficer = async () => signIn(web.app, await createTestAccount(web.db, 'province-officer'));
  beforeAll(async () => {
    web = await testApp({ clock });
  });
  afterAll(() => web.close());

  const get = (url: string, headers: Record<string, string>) => web.app.inject({ method: 'GET', url, headers });
  const post = (url: string, headers: Record<string, string>, payload?: object) => web.app.inject({ method: 'POST', url, headers, ...(payload === undefined ? {} : { payload }) });
  const recommendAll = async (headers: Record<string, string>, ids: string[]) => {
    for (const id of ids) expect((await post('/api/recommendations', headers, { applicationId: id, opinion: `推荐 ${id.slice(0, 4)}` })).statusCode).toBe(201);
  };
  const ready = (callId: string, headers: Record<string, string>) =>
    waitFor('the 推荐表', async () => {
      const batch = (await get(`/api/calls/${callId}/batch`, headers)).json();
      return batch.state === 'ready' ? batch : undefined;
    });

  it('renders the 推荐表 with one row per recommendation, takes only a current stamped scan, and submits once', async () => {
    // given: 廊坊 recommends two of its three library projects
    const call = await openTestCall(web.db, clock.now());
    const reviewer = await newReviewer(web.app, web.db, '131000');
    const library = await seedLibrary(web.db, { callId: call.id, unitId: '131000', count: 3, engine: client });
    await recommendAll(reviewer, [library[0]!.id, library[1]!.id]);
    // when: the table is rendered
    expect((await post(`/api/calls/${call.id}/batch`, reviewer)).statusCode).toBe(202);
    const batch = await ready(call.id, reviewer);
    // then: it reads back, in Chinese, with the CJK font embedded and drawn
    const pdf = (await get(`/api/attachments/${batch.tablePdfId}`, reviewer)).rawPayload;
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    expect(text).toContain('河北省工业互联网创新发展重点项目推荐表');
    expect(text).toContain('推荐单位：廊坊市');
    expect(text).toContain('共推荐2个项目');
    expect(text).toContain('推荐单位（公章）');
    expect((await pdfFonts(pdf)).some((f) => /CJK/.test(f.name) && f.embedded)).toBe(true);
    const ink = await inkInBoxOf(pdf, '推荐表');
    expect(ink.dark / ink.area).toBeGreaterThan(0.05);
    const docx = await docxText((await get(`/api/attachments/${batch.tableDocxId}`, reviewer)).rawPayload);
    expect(docx).toContain('河北省工业互联网创新发展重点项目推荐表');
    expect(docx).toContain('推荐 ');
    // when: a scan that is not a PDF or image, another unit's scan, then a recommendation made after rendering
    const wordScan = (await upload(web.app, reviewer, 'scan.docx', (await get(`/api/attachments/${batch.tableDocxId}`, reviewer)).rawPayload)).json();
    expect((await post(`/api/calls/${call.id}/batch/submit`, reviewer, { sealedTable: wordScan })).statusCode).toBe(400);
    const otherUnitScan = await uploadPdf(web.app, await newReviewer(web.app, web.db, '131100'), '衡水.pdf');
    expect((await post(`/api/calls/${call.id}/batch/submit`, reviewer, { sealedTable: otherUnitScan })).statusCode).toBe(400);
    expect((await post(`/api/calls/${call.id}/batch/submit`, reviewer, {})).statusCode).toBe(400);
    await recommendAll(reviewer, [library[2]!.id]);
    const scan = await uploadPdf(web.app, reviewer, '推荐表（盖章）.pdf');
    const stale = await post(`/api/calls/${call.id}/batch/submit`, reviewer, { sealedTable: scan });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('重新生成推荐表');
    expect((await get(`/api/calls/${call.id}/batch`, reviewer)).json().state).toBe('ready');
    // then: rendered again, it is submitted once
    expect((await post(`/api/calls/${call.id}/batch`, reviewer)).statusCode).toBe(202);
    await waitFor('the new 推荐表', async () => {
      const again = (await get(`/api/calls/${call.id}/batch`, reviewer)).json();
      return again.state === 'ready' && again.tablePdfId !== batch.tablePdfId ? again : undefined;
    });
    expect((await post(`/api/calls/${call.id}/batch/submit`, reviewer, { sealedTable: scan })).statusCode).toBe(204);
    expect((await get(`/api/calls/${call.id}/batch`, reviewer)).json()).toMatchObject({ state: 'submitted', sealedScanId: scan.id });
    expect((await post(`/api/calls/${call.id}/batch/submit`, reviewer, { sealedTable: scan })).statusCode).toBe(409);
    const submitted = await web.db.query('SELECT submitted_entries FROM unit_batch WHERE call_id = $1', [call.id]);
    expect(submitted.rows[0].submitted_entries).toHaveLength(3);
  });

  it('refuses a late batch until the province reopens the unit’s window, and records who and why', async () => {
    // given: a unit ready to submit, one day before the units' deadline
    const call = await openTestCall(web.db, clock.now(), { cityDeadline: new Date(clock.now().getTime() + DAY), enterpriseDeadline: new Date(clock.now().getTime() + DAY / 2) });
    const reviewerAccount = await createTestAccount(web.db, 'city-reviewer', { unitId: '130800' });
    let reviewer = await signIn(web.app, reviewerAccount);
    const library = await seedLibrary(web.db, { callId: call.id, unitId: '130800', count: 1, engine: client });
    await recommendAll(reviewer, [library[0]!.id]);
    await post(`/api/calls/${call.id}/batch`, reviewer);
    await ready(call.id, reviewer);
    const scan = await uploadPdf(web.app, reviewer, '推荐表（盖章）.pdf');
    // when: two days later
    clock.advance(2 * DAY);
    reviewer = await signIn(web.app, reviewerAccount);
    const province = await provinceOfficer();
    const late = await post(`/api/calls/${call.id}/batch/submit`, reviewer, { sealedTable: scan });
    // then
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('CALL_CLOSED');
    // when: the province reopens 承德 until tomorrow (a reviewer may not)
    const reopen = { openUntil: new Date(clock.now().getTime() + DAY).toISOString(), reason: '承德市因系统故障延误，经处领导同意延期一天。' };
    expect((await post(`/api/calls/${call.id}/units/130800/reopen`, reviewer, reopen)).statusCode).toBe(403);
    expect((await post(`/api/calls/${call.id}/units/130800/reopen`, province, reopen)).statusCode).toBe(204);
    // then
    expect((await get(`/api/calls/${call.id}/batch`, reviewer)).json().reopenedUntil).toBe(reopen.openUntil);
    expect((await post(`/api/calls/${call.id}/batch/submit`, reviewer, { sealedTable: scan })).statusCode).toBe(204);
    const audit = await web.db.query('SELECT action, detail FROM audit_log WHERE subject = $1', [`call:${call.id}:unit:130800`]);
    expect(audit.rows).toEqual([{ action: 'unit-window.reopened', detail: reopen }]);
    const reopening = await web.db.query('SELECT reopened_by, reason FROM unit_window_reopening WHERE call_id = $1', [call.id]);
    expect(reopening.rows[0].reason).toBe(reopen.reason);
    // and the unit's batch page is told who reopened it, why and until when
    expect((await get(`/api/calls/${call.id}/batch`, reviewer)).json().reopening).toEqual({
      openUntil: reopen.openUntil, reason: reopen.reason, by: reopening.rows[0].reopened_by, byName: '测试 province-officer', at: clock.now().toISOString(),
    });
    // and the overview marks it as submitted after the deadline
    const overview = new ExcelJS.Workbook();
    await overview.xlsx.load((await get(`/api/calls/${call.id}/overview.xlsx`, province)).rawPayload as never);
    const units = overview.getWorksheet('各市推荐情况')!;
    const chengde = units.getRows(2, 14)!.find((row) => row.getCell(1).value === '承德市')!;
    expect(chengde.getCell(7).value).toBe(1);
    expect(chengde.getCell(10).value).toBe('逾期（重新开放后）');
  });

  it('exports the unit’s batch and the province’s overview as Excel whose cells read back', async () => {
    const call = await openTestCall(web.db, clock.now());
    const province = await provinceOfficer();
    const reviewer = await newReviewer(web.app, web.db, '130500');
    const library = await seedLibrary(web.db, { callId: call.id, unitId: '130500', count: 2, engine: client });
    await recommendAll(reviewer, library.map((e) => e.id));
    const unitFile = await get(`/api/calls/${call.id}/batch.xlsx`, reviewer);
    expect(unitFile.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(unitFile.rawPayload as never);
    const sheet = workbook.getWorksheet('邢台市推荐项目')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('申报编号');
    expect(sheet.getRow(1).getCell(2).value).toBe('推荐排序');
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(3).getCell(1).value]).toEqual(library.map((e) => e.applicationNumber));
    expect(sheet.getRow(2).getCell(2).value).toBe(1);
    expect(sheet.rowCount).toBe(3);
    expect((await get(`/api/calls/${call.id}/overview.xlsx`, reviewer)).statusCode).toBe(403);
    const overview = new ExcelJS.Workbook();
    await overview.xlsx.load((await get(`/api/calls/${call.id}/overview.xlsx`, province)).rawPayload as never);
    const figures = overview.getWorksheet('各市推荐情况')!;
    expect(figures.rowCount).toBe(16); // header, 14 units, total
    expect(figures.getRow(16).getCell(7).value).toBe(2);
    const projects = overview.getWorksheet('推荐项目清单')!;
    expect(projects.getRow(2).getCell(1).value).toBe('邢台市');
  });
});
