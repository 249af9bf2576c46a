import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAuditEntry } from '../../store/audit-log-repository.js';
import { findAccountByUsername } from '../../web/server/identity/account-repository.js';
import { cityReviewTaskOf } from '../support/city-review.js';
import { draftAndSubmit, openTestCall, randomUscc, sealAndSend, validModeData } from '../support/declaration.js';
import { testEngine } from '../support/engine.js';
import { seedLibrary } from '../support/library.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// 操作日志 through the API: actions done in the test (working days, indicators, unit groups, a submission, a claimed
// review) are listed with actor and time and found by each filter; bad filters are refused naming them; the Excel
// export reads back by cells with the same rows and no formulas; an application's own trail hides other actors'
// user names from its applicant and is another enterprise's 404.

type Headers = Record<string, string>;
interface Row { id: string; at: string; actor: string; actorName: string | null; actorRole: string; action: string; actionLabel: string; subject: string; callId: string | null; unitId: string | null; unitName: string | null; applicationId: string | null; applicationNumber: string | null; detail: Record<string, unknown> }
interface Page { rows: Row[]; total: number; page: number; pageSize: number }
interface TrailEvent { at: string; kind: 'status' | 'action'; code: string; label: string; actor: string; reason: string | null; detail: Record<string, unknown> | null }

const YEAR = 2033;

describe('the audit log API', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  // given: who acted, and what they did (more actions may be added here; each test reads them by filter)
  const given = {} as {
    started: Date;
    callId: string;
    officer: { username: string; headers: Headers };
    admin: { username: string; headers: Headers };
    reviewer: { username: string; headers: Headers };
    regrouped: string;
    applicant: { username: string; uscc: string; headers: Headers };
    other: { headers: Headers };
    applicationId: string;
    applicationNumber: string;
    formulaAction: string;
    bulkAction: string;
  };
  const audit = async (query: string, headers = given.officer.headers) => {
    const response = await web.app.inject({ method: 'GET', url: `/api/audit?${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Page;
  };
  const actionsOf = (page: Page) => page.rows.map((r) => r.action);

  beforeAll(async () => {
    web = await testApp();
    given.started = new Date(Date.now() - 1000);
    const call = await openTestCall(web.db);
    given.callId = call.id;
    const account = async (role: 'province-officer' | 'administrator' | 'city-reviewer', scope = {}) => {
      const created = await createTestAccount(web.db, role, scope);
      return { username: created.username, headers: await signIn(web.app, created) };
    };
    given.officer = await account('province-officer');
    given.admin = await account('administrator');
    given.reviewer = await account('city-reviewer', { unitId: '130100' });
    const uscc = randomUscc();
    const applicantAccount = await createTestAccount(web.db, 'applicant', { enterpriseUscc: uscc });
    given.applicant = { username: applicantAccount.username, uscc, headers: await signIn(web.app, applicantAccount) };
    given.other = { headers: await signIn(web.app, await createTestAccount(web.db, 'applicant', { enterpriseUscc: randomUscc() })) };

    // the officer saves a year's working days and the call's indicators
    const days = await web.app.inject({ method: 'PUT', url: `/api/working-days/${YEAR}`, headers: given.officer.headers, payload: { days: [{ date: `${YEAR}-01-03`, kind: 'holiday', name: '元旦', checked: true }] } });
    expect(days.statusCode, days.body).toBe(200);
    const indicators = await web.app.inject({ method: 'PUT', url: `/api/calls/${call.id}/indicators`, headers: given.officer.headers, payload: { indicators: [{ unitId: '130100', target: 20, isCap: false }] } });
    expect(indicators.statusCode, indicators.body).toBe(200);
    // the administrator puts a 石家庄 reviewer in its unit's 分管领导 group
    const regrouped = await createTestAccount(web.db, 'city-reviewer', { unitId: '130100' });
    given.regrouped = regrouped.username;
    const regroupedId = (await findAccountByUsername(web.db, regrouped.username))!.account.id;
    const groups = await web.app.inject({ method: 'PUT', url: `/api/unit-groups/accounts/${regroupedId}`, headers: given.admin.headers, payload: { groups: ['city130100leader'] } });
    expect(groups.statusCode, groups.body).toBe(200);
    // the enterprise submits and seals; the city's reviewer claims the review
    const submitted = await draftAndSubmit(web.app, given.applicant.headers, call.id, await validModeData(web.app, given.applicant.headers, uscc));
    expect(submitted.response.statusCode, submitted.response.body).toBe(200);
    given.applicationId = submitted.id;
    given.applicationNumber = (submitted.response.json() as { applicationNumber: string }).applicationNumber;
    await sealAndSend(web.app, web.db, given.applicant.headers, submitted.id);
    const taskId = await cityReviewTaskOf(web.app, given.reviewer.headers, submitted.id);
    const claimed = await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/claim`, headers: given.reviewer.headers });
    expect(claimed.statusCode, claimed.body).toBeLessThan(300);
    // an entry whose subject a spreadsheet would read as a formula, and more entries than one export holds
    given.formulaAction = `test.formula-${randomBytes(3).toString('hex')}`;
    await insertAuditEntry(web.db, { actor: given.officer.username, action: given.formulaAction, subject: '=HYPERLINK("http://evil.example","x")', detail: { note: '+1' } });
    given.bulkAction = `test.bulk-${randomBytes(3).toString('hex')}`;
    await web.db.query("INSERT INTO audit_log (actor, action, subject, detail) SELECT 'system', $1, 'bulk:' || n, '{}'::jsonb FROM generate_series(1, 10001) AS n", [given.bulkAction]);
  }, 180_000);
  afterAll(async () => {
    await web.db.query('DELETE FROM special_day WHERE extract(year FROM day) = $1', [YEAR]);
    await web.db.query('DELETE FROM audit_log WHERE action = $1', [given.bulkAction]);
    await web.close();
  });

  it('lists the actions done, newest first, with actor, role, label and time', async () => {
    // when
    const page = await audit(`actor=${given.officer.username}`);
    // then
    expect(actionsOf(page)).toEqual([given.formulaAction, 'indicators.replaced', 'working-days.replaced']);
    const [, indicators, days] = page.rows;
    expect(indicators).toMatchObject({ actor: given.officer.username, actorName: '测试 province-officer', actorRole: '省工信厅', actionLabel: '保存培育指标', subject: `call:${given.callId}`, callId: given.callId });
    expect(days).toMatchObject({ actionLabel: '保存工作日历', subject: `working-days:${YEAR}`, callId: null });
    for (const row of [indicators!, days!]) {
      expect(new Date(row.at).getTime()).toBeGreaterThanOrEqual(given.started.getTime());
      expect(new Date(row.at).getTime()).toBeLessThanOrEqual(Date.now());
    }
    expect(page.rows[0]!.actionLabel).toBe(given.formulaAction); // an unknown action shows its code
    const groups = await audit(`actor=${given.admin.username}`);
    expect(groups.rows).toEqual([expect.objectContaining({ action: 'unit-groups.replaced', actorRole: '平台管理员', subject: `account:${given.regrouped}`, unitId: '130100', unitName: '石家庄市' })]);
  });

  it('finds the entries by call, unit, actor prefix, application id or number, actions and time', async () => {
    const ours = (page: Page) => page.rows.filter((r) => [given.officer.username, given.admin.username, given.reviewer.username, given.applicant.username].includes(r.actor)).map((r) => r.action);
    // by call: the indicators, the submission and its sealed scans
    expect(ours(await audit(`callId=${given.callId}`))).toEqual(['application.sealed-scans-submitted', 'application.submitted', 'indicators.replaced']);
    // by unit: the claim, the sealed scans, the submission and the groups (of 石家庄), newest first
    const unit = await audit(`unitId=130100&pageSize=200`);
    expect(ours(unit)).toEqual(expect.arrayContaining(['task.claimed', 'application.sealed-scans-submitted', 'application.submitted', 'unit-groups.replaced']));
    expect(unit.rows.every((r) => r.unitId === '130100')).toBe(true);
    // by actor's beginning: the officer's name less its last characters
    expect(actionsOf(await audit(`actor=${given.officer.username.slice(0, -2)}`))).toEqual(expect.arrayContaining(['indicators.replaced', 'working-days.replaced']));
    // by application, as id and as number
    const byId = await audit(`applicationId=${given.applicationId}`);
    expect(actionsOf(byId)).toEqual(['task.claimed', 'application.sealed-scans-submitted', 'application.submitted']);
    expect(byId.rows[0]).toMatchObject({ actor: given.reviewer.username, actorRole: '石家庄市工信局审核人', actionLabel: '认领任务', applicationNumber: given.applicationNumber });
    expect(await audit(`applicationId=${given.applicationNumber}`)).toEqual(byId);
    expect((await audit('applicationId=2021-130100-9999')).total).toBe(0);
    // by actions, repeated or comma-separated
    expect(actionsOf(await audit(`actor=${given.officer.username}&action=working-days.replaced&action=indicators.replaced`))).toEqual(['indicators.replaced', 'working-days.replaced']);
    expect(actionsOf(await audit(`actor=${given.officer.username}&action=working-days.replaced,${given.formulaAction}`))).toEqual([given.formulaAction, 'working-days.replaced']);
    // by time: nothing of the officer's before the test began, all of it since
    const before = encodeURIComponent(given.started.toISOString());
    expect((await audit(`actor=${given.officer.username}&to=${before}`)).total).toBe(0);
    expect((await audit(`actor=${given.officer.username}&from=${before}&to=${encodeURIComponent(new Date().toISOString())}`)).total).toBe(3);
    // paged
    const second = await audit(`actor=${given.officer.username}&page=2&pageSize=1`);
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(actionsOf(second)).toEqual(['indicators.replaced']);
    // the administrator reads it too
    expect((await audit(`actor=${given.officer.username}`, given.admin.headers)).total).toBe(3);
  });

  it('refuses bad filters naming each one', async () => {
    const response = await web.app.inject({
      method: 'GET',
      url: '/api/audit?applicationId=abc&unitId=999999&from=yesterday&actor=Zhang%20San&action=DROP%20TABLE&pageSize=500',
      headers: given.officer.headers,
    });
    expect(response.statusCode).toBe(400);
    const paths = (response.json() as { fields: { path: string; message: string }[] }).fields.map((f) => f.path);
    for (const name of ['applicationId', 'unitId', 'from', 'actor', 'action', 'pageSize']) expect(paths.some((p) => p.startsWith(`querystring.${name}`)), `${name} in ${paths.join(', ')}`).toBe(true);
    const excel = await web.app.inject({ method: 'GET', url: '/api/audit.xlsx?to=2021-13-40', headers: given.officer.headers });
    expect(excel.statusCode).toBe(400);
    expect(excel.json().fields[0].path).toBe('querystring.to');
  });

  it('exports the same rows as Excel, every cell text, a formula-like subject quoted', async () => {
    // when
    const response = await web.app.inject({ method: 'GET', url: `/api/audit.xlsx?actor=${given.officer.username}`, headers: given.officer.headers });
    // then
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('操作日志-'));
    const sheet = await sheetOf(response.rawPayload);
    expect(rowsOf(sheet)[0]).toEqual(['时间（北京时间）', '操作人', '角色', '操作', '对象', '批次', '单位', '申报编号', '详情']);
    const listed = (await audit(`actor=${given.officer.username}`)).rows;
    expect(rowsOf(sheet).slice(1).map((r) => [r[3], r[4]])).toEqual(listed.map((r) => [r.actionLabel, r.subject.startsWith('=') ? `'${r.subject}` : r.subject]));
    const beijing = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    expect(rowsOf(sheet)[2]).toEqual([beijing.format(new Date(listed[1]!.at)), `测试 province-officer（${given.officer.username}）`, '省工信厅', '保存培育指标', `call:${given.callId}`, expect.any(String), '', '', expect.stringContaining('"indicators"')]);
    const formula = sheet.getRow(2).getCell(5);
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.formula).toBeUndefined();
    expect(formula.value).toBe(`'=HYPERLINK("http://evil.example","x")`);
  });

  it('cuts an export at 10,000 rows and says so in its last row', async () => {
    const response = await web.app.inject({ method: 'GET', url: `/api/audit.xlsx?action=${given.bulkAction}`, headers: given.admin.headers });
    expect(response.statusCode).toBe(200);
    const rows = rowsOf(await sheetOf(response.rawPayload));
    expect(rows).toHaveLength(1 + 10_000 + 1);
    expect(rows[1]![4]).toBe('bulk:10001');
    expect(rows.at(-1)![0]).toBe('共 10001 条，仅导出最新的 10000 条；请缩小筛选范围后分次导出。');
  });

  it('records a unit’s recommendations, their ranking and its batch with the call and the unit', async () => {
    // given: two projects in 沧州's library, each at its recommendation step
    const cangzhou = await createTestAccount(web.db, 'city-reviewer', { unitId: '130900' });
    const headers = await signIn(web.app, cangzhou);
    const entries = await seedLibrary(web.db, { callId: given.callId, unitId: '130900', count: 2, engine: testEngine().client });
    // when: the reviewer recommends both, puts the second first, and renders the unit's 推荐表
    for (const entry of entries) {
      const recommended = await web.app.inject({ method: 'POST', url: '/api/recommendations', headers, payload: { applicationId: entry.id, opinion: '同意推荐。' } });
      expect(recommended.statusCode, recommended.body).toBe(201);
    }
    const order = [entries[1]!.id, entries[0]!.id];
    const ranked = await web.app.inject({ method: 'PUT', url: `/api/calls/${given.callId}/recommendations/ranking`, headers, payload: { applicationIds: order } });
    expect(ranked.statusCode, ranked.body).toBe(204);
    const started = await web.app.inject({ method: 'POST', url: `/api/calls/${given.callId}/batch`, headers });
    expect(started.statusCode, started.body).toBeLessThan(300);
    // then
    const page = await audit(`callId=${given.callId}&unitId=130900`);
    expect(page.rows.map((r) => [r.action, r.actor, r.applicationNumber])).toEqual([
      ['batch.started', cangzhou.username, null],
      ['recommendations.ranked', cangzhou.username, null],
      ['application.recommended', cangzhou.username, entries[1]!.applicationNumber],
      ['application.recommended', cangzhou.username, entries[0]!.applicationNumber],
    ]);
    expect(page.rows.map((r) => r.actionLabel)).toEqual(['生成推荐表', '调整推荐排序', '推荐项目', '推荐项目']);
    expect(page.rows[1]!.detail).toEqual({ applicationIds: order });
    // a refused ranking records nothing
    const refused = await web.app.inject({ method: 'PUT', url: `/api/calls/${given.callId}/recommendations/ranking`, headers, payload: { applicationIds: [entries[0]!.id] } });
    expect(refused.statusCode).toBe(400);
    expect((await audit(`callId=${given.callId}&unitId=130900&action=recommendations.ranked`)).total).toBe(1);
  });

  it('gives the application’s trail oldest first; to its applicant, other actors by role only', async () => {
    const trail = async (headers: Headers) => {
      const response = await web.app.inject({ method: 'GET', url: `/api/applications/${given.applicationId}/trail`, headers });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { events: TrailEvent[] }).events;
    };
    // when: the applicant reads it
    const own = await trail(given.applicant.headers);
    // then
    expect(own.map((e) => e.at)).toEqual([...own.map((e) => e.at)].sort());
    expect(own[0]).toMatchObject({ kind: 'action', code: 'application.submitted', label: '提交申报', actor: '测试 applicant', detail: null });
    expect(own).toContainEqual(expect.objectContaining({ kind: 'status', code: 'submitted', label: '已提交', actor: '测试 applicant' }));
    expect(own).toContainEqual(expect.objectContaining({ kind: 'status', code: 'checking', actor: '系统' }));
    expect(own.at(-1)).toMatchObject({ kind: 'action', code: 'task.claimed', label: '认领任务', actor: '石家庄市工信局审核人', detail: null });
    expect(JSON.stringify(own)).not.toContain(given.reviewer.username);
    expect(JSON.stringify(own)).not.toContain(given.applicant.username);
    // the province sees user names and details
    const province = await trail(given.officer.headers);
    expect(province.at(-1)).toMatchObject({ code: 'task.claimed', actor: `测试 city-reviewer（${given.reviewer.username}）`, detail: { stage: 'CityReview' } });
    expect(province.length).toBe(own.length);
    // and the unit's reviewer too
    expect((await trail(given.reviewer.headers)).length).toBe(own.length);
  });

  it('answers 404 to another enterprise’s or another unit’s trail', async () => {
    expect((await web.app.inject({ method: 'GET', url: `/api/applications/${given.applicationId}/trail`, headers: given.other.headers })).statusCode).toBe(404);
    const tangshan = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '130200' }));
    expect((await web.app.inject({ method: 'GET', url: `/api/applications/${given.applicationId}/trail`, headers: tangshan })).statusCode).toBe(404);
  });
});

// helpers

async function sheetOf(payload: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  return workbook.getWorksheet('操作日志')!;
}

function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1).value ?? '')));
  return rows;
}
