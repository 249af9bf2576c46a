import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByUsername } from '../../web/server/identity/account-repository.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// 单位分组 over the API: the administrator lists each unit's city reviewers and puts one in its unit's 分管领导;
// the reviewer's candidate groups follow at once; another unit's group, a made-up group or an account that is no
// city reviewer is refused, per field in Chinese, and changes nothing.

describe('unit groups', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let admin: Record<string, string>;
  let reviewer: { username: string; password: string };
  let reviewerId: number;
  const groupsInDb = async () => (await web.db.query('SELECT group_id FROM account_group WHERE account_id = $1 ORDER BY group_id', [reviewerId])).rows.map((r) => r.group_id as string);
  const put = (accountId: number | string, groups: unknown) => web.app.inject({ method: 'PUT', url: `/api/unit-groups/accounts/${accountId}`, headers: admin, payload: { groups } });

  beforeAll(async () => {
    web = await testApp();
    admin = await signIn(web.app, await createTestAccount(web.db, 'administrator'));
    reviewer = await createTestAccount(web.db, 'city-reviewer', { unitId: '130100' });
    reviewerId = (await findAccountByUsername(web.db, reviewer.username))!.account.id;
  });
  afterAll(() => web.close());

  it('lists every unit with its 分管领导 group and its reviewers', async () => {
    const answer = await web.app.inject({ method: 'GET', url: '/api/unit-groups', headers: admin });
    expect(answer.statusCode).toBe(200);
    const { units } = answer.json() as { units: { unitId: string; unitName: string; groups: unknown[]; reviewers: { username: string; groups: string[] }[] }[] };
    expect(units).toHaveLength(14);
    const shijiazhuang = units.find((u) => u.unitId === '130100')!;
    expect(shijiazhuang).toMatchObject({ unitName: '石家庄市', groups: [{ groupId: 'city130100leader', label: '分管领导' }] });
    expect(shijiazhuang.reviewers).toContainEqual(expect.objectContaining({ username: reviewer.username, groups: [] }));
    expect(units.find((u) => u.unitId === '130200')!.reviewers.map((r) => r.username)).not.toContain(reviewer.username);
  });

  it('puts a reviewer in its unit’s 分管领导: stored, audited, and among its candidate groups at once', async () => {
    const session = await signIn(web.app, reviewer);
    // when
    const answer = await put(reviewerId, ['city130100leader']);
    // then
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ accountId: reviewerId, username: reviewer.username, groups: ['city130100leader'] });
    expect(await groupsInDb()).toEqual(['city130100leader']);
    const me = await web.app.inject({ method: 'GET', url: '/api/session', headers: session });
    expect(me.json().account).toMatchObject({ groups: ['city130100leader'], candidateGroups: ['city130100', 'city130100leader'] });
    const audit = await web.db.query("SELECT detail FROM audit_log WHERE action = 'unit-groups.replaced' AND subject = $1 ORDER BY id", [`account:${reviewer.username}`]);
    expect(audit.rows.at(-1)!.detail).toEqual({ unitId: '130100', from: [], to: ['city130100leader'] });
  });

  it.each<[string, unknown, { path: string; message: string }[]]>([
    ['another unit’s group', ['city130200leader'], [{ path: 'body.groups.0', message: '只能加入本人所属单位的分组' }]],
    ['a group no unit has', ['city130100', 'province'], [
      { path: 'body.groups.0', message: '“city130100”不是单位分组' }, { path: 'body.groups.1', message: '“province”不是单位分组' },
    ]],
    ['the same group twice', ['city130100leader', 'city130100leader'], [{ path: 'body.groups.1', message: '分组重复' }]],
  ])('refuses %s and changes nothing', async (_case, groups, fields) => {
    const before = await groupsInDb();
    const answer = await put(reviewerId, groups);
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields });
    expect(await groupsInDb()).toEqual(before);
  });

  it('gives a reviewer no other unit’s group as a candidate group, even one stored by raw SQL', async () => {
    // given: a 唐山市 reviewer with 石家庄市's 分管领导 written into the table past the route's check
    const other = await createTestAccount(web.db, 'city-reviewer', { unitId: '130200' });
    const otherId = (await findAccountByUsername(web.db, other.username))!.account.id;
    await web.db.query("INSERT INTO account_group (account_id, group_id, added_by) VALUES ($1, 'city130100leader', 'sql')", [otherId]);
    // when
    const me = await web.app.inject({ method: 'GET', url: '/api/session', headers: await signIn(web.app, other) });
    // then
    expect(me.json().account.candidateGroups).toEqual(['city130200']);
  });

  it('answers 404 for an account that is no city reviewer, and takes a reviewer out of every group with []', async () => {
    const officer = await createTestAccount(web.db, 'province-officer');
    const officerId = (await findAccountByUsername(web.db, officer.username))!.account.id;
    expect((await put(officerId, ['city130100leader'])).statusCode).toBe(404);
    expect((await put(999_999_999, [])).statusCode).toBe(404);
    expect((await web.db.query('SELECT 1 FROM account_group WHERE account_id = $1', [officerId])).rowCount).toBe(0);
    // when
    const answer = await put(reviewerId, []);
    // then
    expect(answer.statusCode).toBe(200);
    expect(await groupsInDb()).toEqual([]);
  });
});
