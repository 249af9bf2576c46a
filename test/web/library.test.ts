import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call2021 } from '../../domain/call.js';
import { manualClock } from '../../platform/clock.js';
import type { Role } from '../../web/server/identity/roles.js';
import { openTestCall } from '../support/declaration.js';
import { inkInBoxOf, pdfText } from '../support/documents.js';
import { seedProjects, type SeededProject } from '../support/library-projects.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// The provincial library's lists over HTTP: the province's roles filter the whole library by call, unit, direction,
// category and status, in project-number order, and export it as Excel (read back by cells, formula-like text
// quoted) and as PDF (text, CJK ink, the same bytes for the same time); a city reviewer sees its own unit's projects
// only; applicants, experts and administrators see nothing; unknown filters answer 400 in Chinese.

type Row = { projectId: string; projectNumber: string; projectName: string; enterpriseName: string; uscc: string; call: { id: string; title: string }; unit: { id: string; name: string };
  direction: { code: string; label: string }; category: { code: string; label: string }; status: string; statusLabel: string; createdAt: string; admittedAt: string | null };
type List = { total: number; rows: Row[]; directions: { code: string; label: string }[] };

describe('the provincial library’s lists', () => {
  const clock = manualClock(new Date());
  let web: Awaited<ReturnType<typeof testApp>>;
  const as = {} as Record<Role | 'otherReviewer', Record<string, string>>;
  const seen = {} as { callId: string; callTitle: string; otherCallId: string; shijiazhuang: SeededProject[]; tangshan: SeededProject[]; later: SeededProject[] };

  beforeAll(async () => {
    web = await testApp({ clock });
    // given: a call whose 数字化管理 is relabelled, with 石家庄's four projects and 唐山's two; a second call with one more of 石家庄's
    const directions = call2021.directions.map((d) => (d.code === 'mode-digital-management' ? { ...d, label: '数字化管理（本批）' } : d));
    const call = await openTestCall(web.db, new Date(), { directions });
    seen.callId = call.id;
    seen.callTitle = call.title;
    seen.shijiazhuang = await seedProjects(web.db, { callId: call.id, unitId: '130100', projects: [
      { projectName: '智能排产示范项目', direction: 'mode-intelligent-manufacturing', template: 'mode-application', status: 'admitted' },
      { projectName: '=HYPERLINK("http://evil.example","x")', direction: 'mode-digital-management', template: 'mode-application', status: 'received' },
      { projectName: '钢铁行业平台', direction: 'industry-platform', template: 'industry-platform', status: 'exited' },
      { projectName: '体验中心建设', direction: 'experience-center', template: 'experience-center', status: 'not-admitted' },
    ] });
    seen.tangshan = await seedProjects(web.db, { callId: call.id, unitId: '130200', projects: [
      { projectName: '唐山港口协同平台', direction: 'mode-networked-collaboration', template: 'mode-application', status: 'admitted' },
      { projectName: '唐山城市综合平台', direction: 'city-platform', template: 'industry-platform', status: 'returned' },
    ] });
    const other = await openTestCall(web.db);
    seen.otherCallId = other.id;
    seen.later = await seedProjects(web.db, { callId: other.id, unitId: '130100', projects: [{ projectName: '次年示范项目', direction: 'mode-intelligent-manufacturing', template: 'mode-application', status: 'admitted' }] });
    for (const role of ['province-officer', 'division-head', 'finance', 'leadership', 'expert', 'administrator'] as const) as[role] = await signIn(web.app, await createTestAccount(web.db, role));
    // the enterprise of one of the listed projects: its projects are on its own status pages, not in the library's lists
    as.applicant = await signIn(web.app, await createTestAccount(web.db, 'applicant', { enterpriseUscc: seen.shijiazhuang[0]!.uscc }));
    as['city-reviewer'] = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '130100' }));
    as.otherReviewer = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '130200' }));
  });
  afterAll(() => web.close());

  const get = (url: string, who: keyof typeof as) => web.app.inject({ method: 'GET', url, headers: as[who] });
  const list = async (url: string, who: keyof typeof as = 'province-officer'): Promise<List> => {
    const response = await get(url, who);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as List;
  };
  const names = (answer: List) => answer.rows.map((r) => r.projectName);

  it('lists a call’s projects of every unit in project-number order, each with its unit, labels, status and times', async () => {
    // when
    const answer = await list(`/api/library?callId=${seen.callId}`);
    // then
    const all = [...seen.shijiazhuang, ...seen.tangshan];
    expect(answer.total).toBe(6);
    expect(answer.rows.map((r) => r.projectNumber)).toEqual(all.map((p) => p.projectNumber).sort());
    const first = answer.rows.find((r) => r.projectId === seen.shijiazhuang[0]!.projectId)!;
    expect(first).toEqual({
      projectId: seen.shijiazhuang[0]!.projectId, projectNumber: seen.shijiazhuang[0]!.projectNumber, projectName: '智能排产示范项目',
      enterpriseName: seen.shijiazhuang[0]!.enterpriseName, uscc: seen.shijiazhuang[0]!.uscc, call: { id: seen.callId, title: seen.callTitle },
      unit: { id: '130100', name: '石家庄市' }, direction: { code: 'mode-intelligent-manufacturing', label: '智能化制造' },
      category: { code: 'mode-application', label: '模式应用类' }, status: 'admitted', statusLabel: '在库', createdAt: expect.any(String), admittedAt: expect.any(String),
    });
    // the direction is labelled by the project's own call
    expect(answer.rows.find((r) => r.projectId === seen.shijiazhuang[1]!.projectId)).toMatchObject({ direction: { label: '数字化管理（本批）' }, status: 'received', statusLabel: '待形式审查', admittedAt: null });
    expect(answer.rows.find((r) => r.projectId === seen.tangshan[1]!.projectId)).toMatchObject({ unit: { name: '唐山市' }, category: { label: '行业（区域）级工业互联网平台类' }, statusLabel: '退回市局' });
    expect(answer.directions).toContainEqual({ code: 'mode-digital-management', label: '数字化管理（本批）' });
    // and every province role sees the same list
    for (const role of ['division-head', 'finance', 'leadership'] as const) expect((await list(`/api/library?callId=${seen.callId}`, role)).rows).toEqual(answer.rows);
  });

  it('narrows the list by unit, direction, category and one or more statuses', async () => {
    const q = `/api/library?callId=${seen.callId}`;
    expect(names(await list(`${q}&unitId=130200`))).toEqual(['唐山港口协同平台', '唐山城市综合平台']);
    expect(names(await list(`${q}&direction=industry-platform`))).toEqual(['钢铁行业平台']);
    expect(names(await list(`${q}&template=industry-platform`))).toEqual(['钢铁行业平台', '唐山城市综合平台']);
    expect(names(await list(`${q}&template=experience-center`))).toEqual(['体验中心建设']);
    expect(names(await list(`${q}&status=admitted`))).toEqual(['智能排产示范项目', '唐山港口协同平台']);
    expect(names(await list(`${q}&status=exited,not-admitted`))).toEqual(['钢铁行业平台', '体验中心建设']);
    expect(names(await list(`${q}&status=received&status=returned`))).toEqual(['=HYPERLINK("http://evil.example","x")', '唐山城市综合平台']);
    expect(names(await list(`${q}&unitId=130100&template=mode-application&status=admitted,received`))).toEqual(['智能排产示范项目', '=HYPERLINK("http://evil.example","x")']);
    // without a call: every call's projects of the unit
    const unit = await list('/api/library?unitId=130100&direction=mode-intelligent-manufacturing');
    expect(unit.rows.map((r) => r.projectId)).toEqual(expect.arrayContaining([seen.shijiazhuang[0]!.projectId, seen.later[0]!.projectId]));
    expect(unit.rows.every((r) => r.unit.id === '130100' && r.direction.code === 'mode-intelligent-manufacturing')).toBe(true);
    expect(unit.rows.map((r) => r.projectNumber)).toEqual(unit.rows.map((r) => r.projectNumber).sort());
  });

  it('refuses an unknown call, unit, direction, category or status with a Chinese message, for the list and its exports', async () => {
    const cases: [query: string, path: string, message: RegExp][] = [
      ['unitId=999999', 'querystring.unitId', /没有这个推荐单位/],
      ['status=admitted,lost', 'querystring.status', /没有这个项目状态/],
      ['template=platform', 'querystring.template', /没有这个申报类别/],
      ['direction=Not_A_Code', 'querystring.direction', /申报方向编码/],
      ['direction=no-such-direction', 'querystring.direction', /没有这个申报方向/],
      [`callId=${seen.callId}&direction=retired-long-ago`, 'querystring.direction', /没有这个申报方向/],
      ['callId=no-such-call', 'querystring.callId', /没有这个申报批次/],
    ];
    for (const [query, path, message] of cases) {
      for (const url of [`/api/library?${query}`, `/api/library.xlsx?${query}`, `/api/library.pdf?${query}`]) {
        const response = await get(url, 'province-officer');
        expect(response.statusCode, url).toBe(400);
        const body = response.json() as { code: string; message: string; fields: { path: string; message: string }[] };
        expect(body.code).toBe('VALIDATION_FAILED');
        expect(body.message).toMatch(/[\u4e00-\u9fff]/);
        expect(body.fields.find((f) => f.path.startsWith(path))?.message, url).toMatch(message);
      }
    }
    // the unit's list refuses the same, its unit aside
    expect((await get('/api/my-unit/projects?status=lost', 'city-reviewer')).statusCode).toBe(400);
  });

  it('shows a city reviewer its own unit’s projects only, whatever unit it asks for, and not the province’s list', async () => {
    // when: 石家庄's reviewer lists its projects of the call, once asking for 唐山's
    const own = await list(`/api/my-unit/projects?callId=${seen.callId}`, 'city-reviewer');
    const asked = await list(`/api/my-unit/projects?callId=${seen.callId}&unitId=130200`, 'city-reviewer');
    // then: its four, in number order, the same both times
    expect(own.rows.map((r) => r.projectId)).toEqual(seen.shijiazhuang.map((p) => p.projectId));
    expect(asked.rows).toEqual(own.rows);
    expect(names(await list(`/api/my-unit/projects?callId=${seen.callId}&status=admitted`, 'city-reviewer'))).toEqual(['智能排产示范项目']);
    // every call's, without one
    const everyCall = await list('/api/my-unit/projects', 'city-reviewer');
    expect(everyCall.rows.every((r) => r.unit.id === '130100')).toBe(true);
    expect(everyCall.rows.map((r) => r.projectId)).toEqual(expect.arrayContaining([...seen.shijiazhuang, ...seen.later].map((p) => p.projectId)));
    // 唐山's reviewer sees its two and none of 石家庄's
    const tangshan = await list(`/api/my-unit/projects?callId=${seen.callId}`, 'otherReviewer');
    expect(tangshan.rows.map((r) => r.projectId)).toEqual(seen.tangshan.map((p) => p.projectId));
    // the province's list and exports are not the unit's
    for (const url of ['/api/library', '/api/library.xlsx', '/api/library.pdf']) expect((await get(url, 'city-reviewer')).statusCode, url).toBe(403);
  });

  it('shows applicants, experts and administrators nothing of the library', async () => {
    for (const who of ['applicant', 'expert', 'administrator'] as const) {
      for (const url of ['/api/library', '/api/library.xlsx', '/api/library.pdf', '/api/my-unit/projects', '/api/my-unit/projects.xlsx']) {
        const response = await get(`${url}?callId=${seen.callId}`, who);
        expect(response.statusCode, `${who} ${url}`).toBe(403);
        expect(response.body).not.toContain(seen.shijiazhuang[0]!.projectNumber);
      }
    }
    expect((await web.app.inject({ method: 'GET', url: '/api/library' })).statusCode).toBe(401);
  });

  it('exports the filtered list as Excel: a header, one text row per project in order, a formula-like name quoted, the filters', async () => {
    // when
    const response = await get(`/api/library.xlsx?callId=${seen.callId}&unitId=130100`, 'division-head');
    // then
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toMatch(/filename\*=UTF-8''省级重点项目库名单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as never);
    const sheet = book.getWorksheet('省级重点项目库')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('项目编号');
    expect(sheet.rowCount).toBe(1 + seen.shijiazhuang.length);
    const cells = (n: number) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => sheet.getRow(n).getCell(c).value);
    const [first, formula, steel] = seen.shijiazhuang;
    expect(cells(2)).toEqual([first!.projectNumber, '智能排产示范项目', first!.enterpriseName, first!.uscc, '石家庄市', seen.callTitle, '智能化制造', '模式应用类', '在库']);
    expect(cells(3)).toEqual([formula!.projectNumber, `'=HYPERLINK("http://evil.example","x")`, formula!.enterpriseName, formula!.uscc, '石家庄市', seen.callTitle, '数字化管理（本批）', '模式应用类', '待形式审查']);
    expect(sheet.getRow(3).getCell(2).formula).toBeUndefined();
    expect(cells(4)).toEqual([steel!.projectNumber, '钢铁行业平台', steel!.enterpriseName, steel!.uscc, '石家庄市', seen.callTitle, '行业（区域）级工业互联网平台', '行业（区域）级工业互联网平台类', '退库']);
    expect(String(sheet.getRow(2).getCell(11).value)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(sheet.getRow(3).getCell(11).value).toBe('');
    const filters = book.getWorksheet('筛选条件')!;
    expect([1, 2, 3].map((n) => filters.getRow(n).values)).toEqual([[undefined, '申报批次', seen.callTitle], [undefined, '推荐单位', '石家庄市'], [undefined, '项目数', '4']]);
  });

  it('exports the filtered list as a PDF with its filters, the time made and every project, drawn in the CJK font, the same bytes for the same time', async () => {
    // when
    const url = `/api/library.pdf?callId=${seen.callId}&status=admitted,returned`;
    const response = await get(url, 'leadership');
    // then
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toMatch(/省级重点项目库名单-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = response.rawPayload;
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    const beijing = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(clock.now());
    for (const expected of ['省级重点项目库名单', `申报批次：${seen.callTitle}`, '项目状态：在库、退回市局', `生成时间（北京时间）：${beijing}`, '共3个项目',
      '智能排产示范项目', '唐山港口协同平台', '唐山城市综合平台', seen.tangshan[1]!.projectNumber, '退回市局']) expect(text).toContain(expected.replace(/\s+/g, ''));
    expect(text).not.toContain('钢铁行业平台');
    const ink = await inkInBoxOf(pdf, '唐山港口协同平台');
    expect(ink.dark / ink.area).toBeGreaterThan(0.05);
    expect((await get(url, 'leadership')).rawPayload.equals(pdf)).toBe(true);
  });

  it('exports a unit’s own projects as Excel, its unit fixed', async () => {
    const response = await get(`/api/my-unit/projects.xlsx?callId=${seen.callId}&unitId=130100`, 'otherReviewer');
    expect(response.statusCode).toBe(200);
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toMatch(/唐山市入库项目-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as never);
    const sheet = book.getWorksheet('唐山市入库项目')!;
    expect([2, 3].map((n) => [sheet.getRow(n).getCell(1).value, sheet.getRow(n).getCell(2).value, sheet.getRow(n).getCell(5).value])).toEqual(
      seen.tangshan.map((p) => [p.projectNumber, p.projectName, '唐山市']));
    expect(sheet.rowCount).toBe(3);
  });
});
