import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// The working-day calendar (工作日历) through the API: the shipped years listed as 待核对, a year's special days
// replaced together and audited, and a list with any bad row refused naming each row, with nothing saved.
// The tests write 2031, a year no window of another test reaches, and remove it afterwards.

type Headers = Record<string, string>;
type Day = { date: string; kind: 'holiday' | 'workday'; name: string; checked: boolean; updatedBy?: string; updatedAt?: string };
type Year = { year: number; days: Day[]; unchecked: number };

const YEAR = 2031;
const valid: Day[] = [
  { date: '2031-01-01', kind: 'holiday', name: '元旦', checked: true },
  { date: '2031-01-04', kind: 'workday', name: '元旦调休', checked: true },
  { date: '2031-10-01', kind: 'holiday', name: '国庆节', checked: false },
];

describe('the working-day calendar API', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let province: Headers;
  let officer: string;
  let administrator: Headers;
  const put = (days: unknown, year: number | string = YEAR, headers = province) => web.app.inject({ method: 'PUT', url: `/api/working-days/${year}`, headers, payload: { days } });
  const stored = async () => (await web.db.query(
    "SELECT to_char(day, 'YYYY-MM-DD') AS date, kind, name, checked, updated_by, updated_at FROM special_day WHERE extract(year FROM day) = $1 ORDER BY day", [YEAR])).rows;
  const audits = async () => (await web.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'working-days.replaced' AND subject = $1", [`working-days:${YEAR}`])).rows[0]!.n;

  beforeAll(async () => {
    web = await testApp();
    const account = await createTestAccount(web.db, 'province-officer');
    officer = account.username;
    province = await signIn(web.app, account);
    administrator = await signIn(web.app, await createTestAccount(web.db, 'administrator'));
  }, 120_000);
  afterAll(async () => {
    await web.db.query('DELETE FROM special_day WHERE extract(year FROM day) = $1', [YEAR]);
    await web.close();
  });

  it('lists the shipped 2026 days as to be checked, holidays on weekdays and 调休 on weekends, for the officer and the administrator', async () => {
    for (const headers of [province, administrator]) {
      const response = await web.app.inject({ method: 'GET', url: '/api/working-days?year=2026', headers });
      expect(response.statusCode, response.body).toBe(200);
      const answer = response.json() as Year;
      expect(answer.days.length).toBeGreaterThan(20);
      expect(answer.unchecked).toBe(answer.days.length);
      expect(answer.days.find((d) => d.date === '2026-10-10')).toMatchObject({ kind: 'workday', name: '国庆节调休', checked: false, updatedBy: 'migration' });
      expect(answer.days.map((d) => d.date)).toEqual([...answer.days.map((d) => d.date)].sort());
    }
    expect(((await web.app.inject({ method: 'GET', url: '/api/working-days?year=2027', headers: province })).json() as Year).days.length).toBeGreaterThan(20);
  });

  it('replaces a year’s days together, audited, records who changed each row, and keeps an unchanged row as it was', async () => {
    // when: the officer saves the year
    const saved = await put(valid);
    // then
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as Year)).toMatchObject({ year: YEAR, unchecked: 1, days: valid.map((d) => ({ ...d, updatedBy: officer })) });
    const first = await stored();
    expect(first.map((r) => [r.date, r.kind, r.name, r.checked, r.updated_by])).toEqual(valid.map((d) => [d.date, d.kind, d.name, d.checked, officer]));
    expect(await audits()).toBe(1);

    // when: one row is left out and one checked, under a second officer
    const other = await createTestAccount(web.db, 'province-officer');
    const again = await put([valid[0], { ...valid[2], checked: true }], YEAR, await signIn(web.app, other));
    // then
    expect(again.statusCode, again.body).toBe(200);
    const second = await stored();
    expect(second.map((r) => [r.date, r.checked, r.updated_by])).toEqual([['2031-01-01', true, officer], ['2031-10-01', true, other.username]]);
    expect(second[0]!.updated_at).toEqual(first[0]!.updated_at);
    expect(await audits()).toBe(2);
    const [entry] = (await web.db.query("SELECT actor, detail FROM audit_log WHERE subject = $1 ORDER BY id DESC LIMIT 1", [`working-days:${YEAR}`])).rows;
    expect(entry.actor).toBe(other.username);
    expect(entry.detail.before).toHaveLength(3);
    expect(entry.detail.after).toHaveLength(2);
  });

  it('refuses a list with a 调休 on a weekday, a holiday on a weekend, a day of another year or a duplicate, naming each row, and saves nothing', async () => {
    // given
    await put(valid);
    const before = await stored();
    const auditsBefore = await audits();
    // when
    const refused = await put([
      ...valid,
      { date: '2031-10-08', kind: 'workday', name: '国庆节调休', checked: true },
      { date: '2031-10-04', kind: 'holiday', name: '国庆节', checked: true },
      { date: '2032-01-01', kind: 'holiday', name: '元旦', checked: true },
      { date: '2031-01-01', kind: 'holiday', name: '元旦', checked: true },
    ]);
    // then
    expect(refused.statusCode).toBe(400);
    const body = refused.json() as { code: string; message: string; fields: { path: string; message: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toContain('4 处问题，未保存任何修改');
    expect(body.fields).toEqual([
      { path: 'body.days.3.kind', message: '第 4 行（2031-10-08 国庆节调休）：星期三本来就上班，不能列为调休上班日（调休上班日只能是周六或周日）' },
      { path: 'body.days.4.kind', message: '第 5 行（2031-10-04 国庆节）：星期六本来就休息，不必列为节假日（只列在工作日放假的日期）' },
      { path: 'body.days.5.date', message: '第 6 行（2032-01-01 元旦）：日期不在 2031 年内' },
      { path: 'body.days.6.date', message: '第 7 行（2031-01-01 元旦）：与第 1 行日期重复' },
    ]);
    expect(await stored()).toEqual(before);
    expect(await audits()).toBe(auditsBefore);
  });

  it('refuses a malformed row or year with a message per field, and the administrator’s change', async () => {
    const before = await stored();
    const malformed = await put([{ date: '2031-02-30', kind: 'holiday', name: ' ', checked: true }, { date: '2031-1-6', kind: 'rest', name: '元旦', checked: true }]);
    expect(malformed.statusCode).toBe(400);
    const fields = (malformed.json() as { fields: { path: string; message: string }[] }).fields;
    expect(fields).toEqual(expect.arrayContaining([
      { path: 'body.days.0.date', message: '没有这一天' },
      { path: 'body.days.0.name', message: '请填写名称（如 春节）' },
      { path: 'body.days.1.date', message: '日期格式应为 YYYY-MM-DD' },
      { path: 'body.days.1.kind', message: '类型须为节假日或调休上班' },
    ]));
    const badYear = await put(valid, 'abc');
    expect(badYear.statusCode).toBe(400);
    expect((badYear.json() as { fields: { path: string }[] }).fields[0]!.path).toBe('params.year');
    expect((await web.app.inject({ method: 'GET', url: '/api/working-days?year=1999', headers: province })).statusCode).toBe(400);
    expect((await put([], YEAR, administrator)).statusCode).toBe(403);
    expect(await stored()).toEqual(before);
  });
});
