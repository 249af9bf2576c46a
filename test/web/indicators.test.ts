import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../domain/call.js';
import { openTestCall } from '../support/declaration.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// The indicators (附件1) of a call as one table: saved together, exported and imported as the Excel sheet (a sheet
// with any bad row is refused naming each row, and nothing changes), and seen by the unit on its own dashboard.

type Headers = Record<string, string>;
type Table = { provinceFloor: number; totalTarget: number; units: { unitId: string; unitName: string; target: number | null; isCap: boolean; recommended: number }[] };

async function exported(app: FastifyInstance, callId: string, headers: Headers): Promise<ExcelJS.Workbook> {
  const response = await app.inject({ method: 'GET', url: `/api/calls/${callId}/indicators.xlsx`, headers });
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  expect(response.headers['content-disposition']).toContain(encodeURIComponent('附件1'));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as never);
  return book;
}

async function imported(app: FastifyInstance, callId: string, headers: Headers, book: ExcelJS.Workbook) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(await book.xlsx.writeBuffer())]), '附件1.xlsx');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return app.inject({ method: 'POST', url: `/api/calls/${callId}/indicators.xlsx`, headers: { ...headers, 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
}

/** A sheet with the given rows under the 附件1 header. */
function sheetOf(rows: unknown[][], header = ['序号', '推荐单位', '培育指标（项）', '指标性质']): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('附件1 指标分配表');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return book;
}

describe('the indicators table and the 附件1 sheet', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let call: Call;
  let province: Headers;
  let tangshan: Headers;
  const table = async () => (await web.app.inject({ method: 'GET', url: `/api/calls/${call.id}/indicators`, headers: province })).json() as Table;
  const audits = async () => (await web.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'indicators.replaced' AND subject = $1", [`call:${call.id}`])).rows[0]!.n;

  beforeAll(async () => {
    web = await testApp();
    call = await openTestCall(web.db);
    province = await signIn(web.app, await createTestAccount(web.db, 'province-officer'));
    tangshan = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '130200' }));
  }, 120_000);
  afterAll(() => web.close());

  it('saves every unit at once, audited, and shows the sum of targets against the province floor', async () => {
    // when
    const saved = await web.app.inject({ method: 'PUT', url: `/api/calls/${call.id}/indicators`, headers: province, payload: { indicators: [{ unitId: '130100', target: 150, isCap: false }, { unitId: '130200', target: 60, isCap: true }] } });
    // then
    expect(saved.statusCode, saved.body).toBe(200);
    const answer = saved.json() as Table;
    expect(answer.provinceFloor).toBe(200);
    expect(answer.totalTarget).toBe(210);
    expect(answer.units).toHaveLength(14);
    expect(answer.units.slice(0, 3).map((u) => [u.unitName, u.target, u.isCap, u.recommended])).toEqual([['石家庄市', 150, false, 0], ['唐山市', 60, true, 0], ['秦皇岛市', null, false, 0]]);
    expect(await audits()).toBe(1);
  });

  it('refuses a table naming a unit twice, and keeps the indicators', async () => {
    const before = await table();
    const refused = await web.app.inject({ method: 'PUT', url: `/api/calls/${call.id}/indicators`, headers: province, payload: { indicators: [{ unitId: '130100', target: 1, isCap: false }, { unitId: '130100', target: 2, isCap: false }] } });
    expect(refused.statusCode).toBe(400);
    expect(await table()).toEqual(before);
  });

  it('exports the sheet, imports it edited (one unit to a cap), and the unit sees it on its dashboard', async () => {
    // given: the exported sheet, 唐山市 changed to a cap of 5 and 秦皇岛市 given a target
    const book = await exported(web.app, call.id, province);
    const sheet = book.getWorksheet('附件1 指标分配表')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '推荐单位', '培育指标（项）', '指标性质', '已推荐（项）']);
    expect(sheet.getRow(3).values).toEqual([undefined, 2, '唐山市', 60, '上限', 0]);
    expect(sheet.rowCount).toBe(15);
    sheet.getRow(3).getCell(3).value = 5;
    sheet.getRow(4).getCell(3).value = 12;
    sheet.getRow(4).getCell(4).value = '目标';
    // when
    const answer = await imported(web.app, call.id, province, book);
    // then
    expect(answer.statusCode, answer.body).toBe(200);
    const after = answer.json() as Table;
    expect(after.units.slice(0, 3).map((u) => [u.target, u.isCap])).toEqual([[150, false], [5, true], [12, false]]);
    expect(after.totalTarget).toBe(167);
    expect(await audits()).toBe(2);
    const own = await web.app.inject({ method: 'GET', url: `/api/calls/${call.id}/my-unit/dashboard`, headers: tangshan });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ callId: call.id, figures: { unitId: '130200', unitName: '唐山市', target: 5, isCap: true, recommended: 0 }, batch: { state: 'not-started', submittedAt: null }, deadlines: { cityDeadline: call.cityDeadline.toISOString(), unitEnterpriseDeadline: null, reopenedUntil: null } });
  });

  it('refuses a sheet with bad rows, naming each row and its reason, and saves nothing', async () => {
    // given
    const before = await table();
    const auditsBefore = await audits();
    const bad = sheetOf([
      [1, '石家庄市', 20, '目标'],
      [2, '北京市', 10, '目标'],
      [3, '唐山市', -1, '上限'],
      [4, '秦皇岛市', 2.5, '目标'],
      [5, '石家庄市', 3, '目标'],
      [6, '邯郸市', 3, '限额'],
    ]);
    // when
    const answer = await imported(web.app, call.id, province, bad);
    // then
    expect(answer.statusCode).toBe(400);
    expect(answer.json().message).toMatch(/5 处问题，未导入任何指标/);
    expect(answer.json().fields).toEqual([
      { path: 'row.3', message: '第 3 行：未知的推荐单位「北京市」' },
      { path: 'row.4', message: '第 4 行：培育指标不能为负数' },
      { path: 'row.5', message: '第 5 行：培育指标须为整数' },
      { path: 'row.6', message: '第 6 行：推荐单位「石家庄市」重复（与第 2 行）' },
      { path: 'row.7', message: '第 7 行：指标性质须为「目标」或「上限」' },
    ]);
    expect(await table()).toEqual(before);
    expect(await audits()).toBe(auditsBefore);
  });

  it('refuses a sheet without the 指标性质 column, and a file that is no workbook', async () => {
    const before = await table();
    const missing = await imported(web.app, call.id, province, sheetOf([[1, '石家庄市', 20]], ['序号', '推荐单位', '培育指标（项）']));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toEqual([{ path: 'row.1', message: '第 1 行：缺少「指标性质」列' }]);
    const form = new FormData();
    form.set('file', new Blob([new TextEncoder().encode('not a workbook')]), '附件1.xlsx');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const garbage = await web.app.inject({ method: 'POST', url: `/api/calls/${call.id}/indicators.xlsx`, headers: { ...province, 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().fields).toEqual([{ path: 'file', message: expect.stringContaining('无法读取该文件') }]);
    expect(await table()).toEqual(before);
  });
});
