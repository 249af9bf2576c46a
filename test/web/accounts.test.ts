import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAST_ADMINISTRATOR_MESSAGE } from '../../domain/account-rules.js';
import { findAccountByUsername } from '../../web/server/identity/account-repository.js';
import { createAccountToken } from '../../web/server/identity/account-token-repository.js';
import { randomUscc } from '../support/declaration.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// 账号管理 over the API: the administrator lists, creates and changes accounts; disabling ends the account's open
// sessions at once; the last active administrator can be neither disabled nor given another role, even by two
// concurrent changes; a unit administrator manages only its own unit's city reviewers. Refusals change nothing.

type Headers = Record<string, string>;

describe('account administration', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let admin: { username: string; password: string; id: number; headers: Headers };
  const tag = randomBytes(3).toString('hex');
  const name = (what: string) => `${what}.${tag}.${randomBytes(2).toString('hex')}`;
  const idOf = async (username: string) => (await findAccountByUsername(web.db, username))!.account.id;
  const sessionsOf = async (accountId: number) => Number((await web.db.query('SELECT count(*) AS n FROM session WHERE account_id = $1', [accountId])).rows[0].n);
  const rowsOf = async (ids: number[]) => (await web.db.query(
    'SELECT id, username, display_name, role, unit_id, email, unit_admin, disabled, password_hash, (SELECT count(*) FROM session s WHERE s.account_id = a.id) AS sessions FROM account a WHERE id = ANY($1) ORDER BY id', [ids])).rows;
  const auditOf = async (username: string) => (await web.db.query('SELECT actor, action, unit_id, detail FROM audit_log WHERE subject = $1 ORDER BY id', [`account:${username}`])).rows;
  const call = (headers: Headers, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) => web.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  const newReviewer = async (unitId: string, scope: { unitAdmin?: boolean } = {}) => {
    const credentials = await createTestAccount(web.db, 'city-reviewer', { unitId, ...scope });
    return { ...credentials, id: await idOf(credentials.username) };
  };

  beforeAll(async () => {
    web = await testApp();
    const credentials = await createTestAccount(web.db, 'administrator');
    admin = { ...credentials, id: await idOf(credentials.username), headers: await signIn(web.app, credentials) };
  });
  afterAll(() => web.close());

  it('creates a city reviewer with an initial password: it signs in, and the creation is audited without the password', async () => {
    // when
    const username = name('li');
    const created = await call(admin.headers, 'POST', '/api/accounts', { username, displayName: '李审核', email: `${username}@example.test`, password: 'initial-pass-1', role: 'city-reviewer', unitId: '130200', unitAdmin: true });
    // then
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ username, displayName: '李审核', role: 'city-reviewer', unitId: '130200', unitName: '唐山市', unitAdmin: true, disabled: false, email: `${username}@example.test` });
    const session = await signIn(web.app, { username, password: 'initial-pass-1' });
    const me = (await call(session, 'GET', '/api/session')).json();
    expect(me.account).toMatchObject({ role: 'city-reviewer', unitId: '130200', unitAdmin: true, candidateGroups: ['city130200'] });
    const audit = await auditOf(username);
    expect(audit).toEqual([{ actor: admin.username, action: 'account.created', unit_id: '130200', detail: { by: 'administrator', role: 'city-reviewer', displayName: '李审核', email: `${username}@example.test`, unitId: '130200', unitAdmin: true } }]);
    expect(JSON.stringify(audit)).not.toContain('initial-pass-1');
  });

  it.each<[string, Record<string, unknown>, { path: string; message: string }]>([
    ['a reviewer without a unit', { role: 'city-reviewer' }, { path: 'body.unitId', message: '市级审核人员须选择所属单位' }],
    ['an officer with a unit', { role: 'province-officer', unitId: '130100' }, { path: 'body.unitId', message: '只有市级审核人员有所属单位，请清除所属单位' }],
    ['an expert as unit administrator', { role: 'expert', unitAdmin: true }, { path: 'body.unitAdmin', message: '只有市级审核人员可以设为单位管理员' }],
    ['an unknown unit', { role: 'city-reviewer', unitId: '130000' }, { path: 'body.unitId', message: '没有编号为“130000”的单位' }],
    ['an enterprise’s account', { role: 'applicant' }, { path: 'body.role', message: '请选择角色（企业账号由企业注册产生）' }],
    ['a short initial password', { role: 'expert', password: 'short' }, { path: 'body.password', message: '初始密码至少 10 个字符' }],
    ['a malformed e-mail', { role: 'expert', email: 'no-at-sign' }, { path: 'body.email', message: '请填写有效的电子邮箱' }],
    ['a malformed user name', { role: 'expert', username: 'Has Space' }, { path: 'body.username', message: '用户名须为 3–64 位小写字母、数字或 . _ -' }],
  ])('refuses to create %s, naming the field, and creates nothing', async (_case, overrides, field) => {
    const username = name('refused');
    const answer = await call(admin.headers, 'POST', '/api/accounts', { username, displayName: '被拒账号', email: 'x@example.test', password: 'initial-pass-1', ...overrides });
    expect(answer.statusCode, answer.body).toBe(400);
    expect(answer.json().fields).toContainEqual(field);
    expect(await findAccountByUsername(web.db, username)).toBeUndefined();
    expect(await auditOf(username)).toEqual([]);
  });

  it('refuses a user name that is taken, and leaves its account as it was', async () => {
    const existing = await newReviewer('130100');
    const before = await rowsOf([existing.id]);
    const answer = await call(admin.headers, 'POST', '/api/accounts', { username: existing.username, displayName: '重名', email: 'x@example.test', password: 'initial-pass-1', role: 'expert' });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().fields).toEqual([{ path: 'body.username', message: `用户名“${existing.username}”已被使用，请换一个` }]);
    expect(await rowsOf([existing.id])).toEqual(before);
  });

  it('lists accounts by role, unit, name and state, a page at a time, without password hashes', async () => {
    // given: three finance accounts whose display names carry the tag, one disabled
    const marker = `财务${tag}`;
    for (const n of [1, 2, 3]) {
      const username = name(`fin${n}`);
      expect((await call(admin.headers, 'POST', '/api/accounts', { username, displayName: `${marker}-${n}`, email: `${username}@example.test`, password: 'initial-pass-1', role: 'finance' })).statusCode).toBe(201);
    }
    const third = (await call(admin.headers, 'GET', `/api/accounts?q=${encodeURIComponent(`${marker}-3`)}`)).json().accounts[0];
    expect((await call(admin.headers, 'PATCH', `/api/accounts/${third.id}`, { disabled: true })).statusCode).toBe(200);
    const list = async (query: string) => (await call(admin.headers, 'GET', `/api/accounts?q=${encodeURIComponent(marker)}&${query}`)).json();
    // then
    const all = await list('role=finance');
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(all.accounts.map((a: { displayName: string }) => a.displayName)).toEqual([`${marker}-1`, `${marker}-2`, `${marker}-3`]); // by user name
    expect(JSON.stringify(all)).not.toContain('scrypt');
    expect((await list('disabled=true')).accounts.map((a: { id: number }) => a.id)).toEqual([third.id]);
    expect((await list('disabled=false')).total).toBe(2);
    expect((await list('role=expert')).total).toBe(0);
    const first = await list('pageSize=2&page=1');
    const second = await list('pageSize=2&page=2');
    expect([first.accounts.length, second.accounts.length, first.total, second.total]).toEqual([2, 1, 3, 3]);
    expect(new Set([...first.accounts, ...second.accounts].map((a: { id: number }) => a.id)).size).toBe(3);
    expect((await list('pageSize=2&page=9')).accounts).toEqual([]);
    // by unit: a 唐山 reviewer is not in 石家庄's list
    const tangshan = await newReviewer('130200');
    const shijiazhuang = (await call(admin.headers, 'GET', '/api/accounts?unitId=130100&pageSize=100&q=cityreviewer')).json();
    expect(shijiazhuang.accounts.every((a: { unitId: string }) => a.unitId === '130100')).toBe(true);
    expect(shijiazhuang.accounts.map((a: { id: number }) => a.id)).not.toContain(tangshan.id);
    // a bad filter is named
    const bad = await call(admin.headers, 'GET', '/api/accounts?role=boss&pageSize=500');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { path: string }) => f.path).sort()).toEqual(['querystring.pageSize', 'querystring.role']);
  });

  it('disables a signed-in reviewer: its next request is refused 401 and its sessions are gone; enabled again, it signs in', async () => {
    // given: a reviewer signed in twice
    const reviewer = await newReviewer('130100');
    const session = await signIn(web.app, reviewer);
    await signIn(web.app, reviewer);
    expect((await call(session, 'GET', '/api/tasks')).statusCode).toBe(200);
    expect(await sessionsOf(reviewer.id)).toBe(2);
    // when
    const answer = await call(admin.headers, 'PATCH', `/api/accounts/${reviewer.id}`, { disabled: true });
    // then
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ id: reviewer.id, disabled: true });
    expect(await sessionsOf(reviewer.id)).toBe(0);
    expect((await call(session, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await call(session, 'GET', '/api/tasks')).statusCode).toBe(401);
    expect((await web.app.inject({ method: 'POST', url: '/api/session', payload: reviewer })).statusCode).toBe(401);
    // and enabled again, it signs in
    expect((await call(admin.headers, 'PATCH', `/api/accounts/${reviewer.id}`, { disabled: false })).statusCode).toBe(200);
    expect((await call(await signIn(web.app, reviewer), 'GET', '/api/session')).statusCode).toBe(200);
    expect((await auditOf(reviewer.username)).map((r) => [r.action, r.unit_id, r.detail])).toEqual([
      ['account.disabled', '130100', { by: 'administrator', sessionsEnded: 2 }],
      ['account.enabled', '130100', { by: 'administrator', sessionsEnded: 0 }],
    ]);
  });

  it('moves a reviewer to another role: its sessions and unit sub-groups end, and the audit entry has before and after', async () => {
    const reviewer = await newReviewer('130100', { unitAdmin: true });
    await web.db.query("INSERT INTO account_group (account_id, group_id, added_by) VALUES ($1, 'city130100leader', 'test')", [reviewer.id]);
    const session = await signIn(web.app, reviewer);
    // when
    const answer = await call(admin.headers, 'PATCH', `/api/accounts/${reviewer.id}`, { role: 'expert', unitId: null, unitAdmin: false, email: 'moved@example.test' });
    // then
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ role: 'expert', unitId: null, unitName: null, unitAdmin: false, email: 'moved@example.test' });
    expect((await call(session, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await web.db.query('SELECT 1 FROM account_group WHERE account_id = $1', [reviewer.id])).rowCount).toBe(0);
    const [entry] = await auditOf(reviewer.username);
    expect(entry).toEqual({ actor: admin.username, action: 'account.updated', unit_id: '130100', detail: {
      by: 'administrator', sessionsEnded: 1, groupsRemoved: ['city130100leader'],
      changes: { role: { from: 'city-reviewer', to: 'expert' }, unitId: { from: '130100', to: null }, unitAdmin: { from: true, to: false }, email: { from: null, to: 'moved@example.test' } },
    } });
    // a change of name alone keeps its sessions
    const expert = await signIn(web.app, reviewer);
    expect((await call(admin.headers, 'PATCH', `/api/accounts/${reviewer.id}`, { displayName: '改名专家' })).statusCode).toBe(200);
    expect((await call(expert, 'GET', '/api/session')).json().account.displayName).toBe('改名专家');
  });

  it.each<[string, 'reviewer' | 'enterprise', Record<string, unknown>, number, string]>([
    ['an officer role kept with the reviewer’s unit', 'reviewer', { role: 'province-officer' }, 400, '只有市级审核人员有所属单位，请清除所属单位'],
    ['a reviewer without a unit', 'reviewer', { unitId: null }, 400, '市级审核人员须选择所属单位'],
    ['an enterprise’s account given another role', 'enterprise', { role: 'expert' }, 400, '企业账号的角色不能修改'],
    ['an officer turned into an enterprise', 'reviewer', { role: 'applicant', unitId: null }, 400, '不能改为申报企业账号：企业账号由企业注册产生'],
    ['an empty change', 'reviewer', {}, 400, '没有要修改的内容'],
  ])('refuses %s and changes nothing', async (_case, whose, change, status, message) => {
    const target = whose === 'reviewer'
      ? await newReviewer('130100')
      : await (async () => { const c = await createTestAccount(web.db, 'applicant', { enterpriseUscc: randomUscc('130100') }); return { ...c, id: await idOf(c.username) }; })();
    await signIn(web.app, target);
    const before = await rowsOf([target.id]);
    const answer = await call(admin.headers, 'PATCH', `/api/accounts/${target.id}`, change);
    expect(answer.statusCode).toBe(status);
    expect(answer.json().fields.map((f: { message: string }) => f.message)).toContain(message);
    expect(await rowsOf([target.id])).toEqual(before);
    expect(await auditOf(target.username)).toEqual([]);
  });

  it('disables and enables an enterprise’s account, and answers 404 for an account that does not exist', async () => {
    const enterprise = await createTestAccount(web.db, 'applicant', { enterpriseUscc: randomUscc('130200') });
    const id = await idOf(enterprise.username);
    expect((await call(admin.headers, 'PATCH', `/api/accounts/${id}`, { disabled: true })).json()).toMatchObject({ role: 'applicant', disabled: true });
    expect((await web.app.inject({ method: 'POST', url: '/api/session', payload: enterprise })).statusCode).toBe(401);
    expect((await call(admin.headers, 'PATCH', `/api/accounts/${id}`, { disabled: false })).json()).toMatchObject({ disabled: false });
    expect((await call(admin.headers, 'PATCH', '/api/accounts/999999999', { disabled: true })).statusCode).toBe(404);
    expect((await call(admin.headers, 'POST', '/api/accounts/999999999/password', { password: 'another-pass-1' })).statusCode).toBe(404);
  });

  it('refuses enabling an enterprise’s account while another account of its USCC is active (one holder), changing nothing', async () => {
    // given: an enterprise's old account, disabled (as a claim's approval leaves it), and its active new holder
    const uscc = randomUscc('130200');
    const old = await createTestAccount(web.db, 'applicant', { enterpriseUscc: uscc });
    const oldId = await idOf(old.username);
    expect((await call(admin.headers, 'PATCH', `/api/accounts/${oldId}`, { disabled: true })).statusCode).toBe(200);
    const holder = await createTestAccount(web.db, 'applicant', { enterpriseUscc: uscc });
    const before = [await rowsOf([oldId]), await auditOf(old.username)];
    // when: the administrator enables the old account
    const response = await call(admin.headers, 'PATCH', `/api/accounts/${oldId}`, { disabled: false });
    // then: 409 naming the holder; the old account stays disabled, no audit entry
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().message).toContain(holder.username);
    expect([await rowsOf([oldId]), await auditOf(old.username)]).toEqual(before);
    // once the holder is disabled, the old account may be enabled again
    expect((await call(admin.headers, 'PATCH', `/api/accounts/${await idOf(holder.username)}`, { disabled: true })).statusCode).toBe(200);
    expect((await call(admin.headers, 'PATCH', `/api/accounts/${oldId}`, { disabled: false })).json()).toMatchObject({ disabled: false });
  });

  it('spends the reset links mailed before a new initial password: one cannot undo it', async () => {
    // given: a reviewer holding a reset link (as the reset request mails it), and then a new initial password
    const reviewer = await newReviewer('130300');
    const token = await createAccountToken(web.db, 'reset-password', { accountId: reviewer.id }, new Date(Date.now() + 3_600_000));
    expect((await call(admin.headers, 'POST', `/api/accounts/${reviewer.id}/password`, { password: 'fresh-initial-4' })).statusCode).toBe(204);
    const hash = (await rowsOf([reviewer.id]))[0].password_hash;
    // when: the link is used
    const reset = await web.app.inject({ method: 'POST', url: '/api/password-reset/confirmation', payload: { token, newPassword: 'taken-over-pass-1' } });
    // then: refused, the administrator's password stands
    expect(reset.statusCode, reset.body).toBe(410);
    expect((await rowsOf([reviewer.id]))[0].password_hash).toBe(hash);
    await signIn(web.app, { username: reviewer.username, password: 'fresh-initial-4' });
  });

  it('sets a new initial password: every session ends, the new password signs in, the old no longer; never its own', async () => {
    const reviewer = await newReviewer('130300');
    const session = await signIn(web.app, reviewer);
    const hashBefore = (await rowsOf([reviewer.id]))[0].password_hash;
    // when
    const answer = await call(admin.headers, 'POST', `/api/accounts/${reviewer.id}/password`, { password: 'fresh-initial-2' });
    // then
    expect(answer.statusCode, answer.body).toBe(204);
    expect((await call(session, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await web.app.inject({ method: 'POST', url: '/api/session', payload: reviewer })).statusCode).toBe(401);
    await signIn(web.app, { username: reviewer.username, password: 'fresh-initial-2' });
    const audit = await auditOf(reviewer.username);
    expect(audit).toEqual([{ actor: admin.username, action: 'account.password-set', unit_id: '130300', detail: { by: 'administrator', sessionsEnded: 1 } }]);
    expect(JSON.stringify(audit)).not.toContain('scrypt');
    expect(hashBefore).not.toBe((await rowsOf([reviewer.id]))[0].password_hash);
    // a short one, and the administrator's own, are refused
    expect((await call(admin.headers, 'POST', `/api/accounts/${reviewer.id}/password`, { password: 'short' })).statusCode).toBe(400);
    const own = await rowsOf([admin.id]);
    const self = await call(admin.headers, 'POST', `/api/accounts/${admin.id}/password`, { password: 'fresh-initial-3' });
    expect(self.statusCode).toBe(400);
    expect(self.json().message).toBe('自己的密码请在“修改密码”中修改');
    expect(await rowsOf([admin.id])).toEqual(own);
  });

  describe('the last active administrator', () => {
    // Every other active administrator of the shared database is disabled for these tests and enabled again after.
    let others: number[] = [];
    let second: { username: string; password: string; id: number };
    beforeAll(async () => {
      const credentials = await createTestAccount(web.db, 'administrator');
      second = { ...credentials, id: await idOf(credentials.username) };
      others = (await web.db.query("UPDATE account SET disabled = true WHERE role = 'administrator' AND NOT disabled AND id <> ALL($1) RETURNING id", [[admin.id, second.id]])).rows.map((r) => Number(r.id));
    });
    afterAll(async () => {
      await web.db.query('UPDATE account SET disabled = false WHERE id = ANY($1)', [others]);
    });
    const activeAdministrators = async () => (await web.db.query("SELECT id FROM account WHERE role = 'administrator' AND NOT disabled ORDER BY id")).rows.map((r) => Number(r.id));

    it('lets only one of two concurrent changes through when each would disable the other of the last two', async () => {
      // given: only the two are active, both signed in, and a third transaction holds their rows so both changes queue
      expect(await activeAdministrators()).toEqual([admin.id, second.id].sort((a, b) => a - b));
      const secondHeaders = await signIn(web.app, second);
      const holder = await web.db.connect();
      let results: Awaited<ReturnType<typeof call>>[] = [];
      try {
        await holder.query('BEGIN');
        await holder.query("SELECT id FROM account WHERE role = 'administrator' AND NOT disabled ORDER BY id FOR UPDATE");
        const both = Promise.all([
          call(admin.headers, 'PATCH', `/api/accounts/${second.id}`, { disabled: true }),
          call(secondHeaders, 'PATCH', `/api/accounts/${admin.id}`, { disabled: true }),
        ]);
        // both wait on the held rows before either may go on
        await expect.poll(async () => Number((await web.db.query("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'")).rows[0].n), { timeout: 15_000 }).toBe(2);
        await holder.query('COMMIT');
        results = await both;
      } finally {
        await holder.query('ROLLBACK').catch(() => undefined);
        holder.release();
      }
      // then: one is disabled, the other refused and still active
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, 409]);
      expect(results.find((r) => r.statusCode === 409)!.json().message).toBe(LAST_ADMINISTRATOR_MESSAGE);
      expect((await activeAdministrators()).length).toBe(1);
      // restore both for the next tests
      await web.db.query('UPDATE account SET disabled = false WHERE id = ANY($1)', [[admin.id, second.id]]);
      admin.headers = await signIn(web.app, admin);
    });

    it('refuses disabling or moving the only active administrator, and changes nothing', async () => {
      // given: the second administrator disabled, so the test's own is the only active one
      expect((await call(admin.headers, 'PATCH', `/api/accounts/${second.id}`, { disabled: true })).statusCode).toBe(200);
      expect(await activeAdministrators()).toEqual([admin.id]);
      const before = await rowsOf([admin.id]);
      const auditBefore = await auditOf(admin.username);
      // when / then: disabling itself, and moving itself to another role
      for (const change of [{ disabled: true }, { role: 'province-officer' }, { role: 'province-officer', disabled: true }]) {
        const answer = await call(admin.headers, 'PATCH', `/api/accounts/${admin.id}`, change);
        expect(answer.statusCode, JSON.stringify(change)).toBe(409);
        expect(answer.json().message).toBe(LAST_ADMINISTRATOR_MESSAGE);
      }
      expect(await rowsOf([admin.id])).toEqual(before);
      expect(await auditOf(admin.username)).toEqual(auditBefore);
      expect((await call(admin.headers, 'GET', '/api/session')).statusCode).toBe(200);
      // a disabled administrator given another role removes no active one
      expect((await call(admin.headers, 'PATCH', `/api/accounts/${second.id}`, { role: 'expert' })).statusCode).toBe(200);
      // once another administrator is active, the first may step down
      expect((await call(admin.headers, 'PATCH', `/api/accounts/${second.id}`, { role: 'administrator', disabled: false })).statusCode).toBe(200);
      const stepDown = await call(admin.headers, 'PATCH', `/api/accounts/${admin.id}`, { role: 'province-officer' });
      expect(stepDown.statusCode, stepDown.body).toBe(200);
      expect((await call(admin.headers, 'GET', '/api/session')).statusCode).toBe(401);
      await web.db.query("UPDATE account SET role = 'administrator' WHERE id = $1", [admin.id]);
      admin.headers = await signIn(web.app, admin);
    });
  });

  describe('a unit administrator', () => {
    let unitAdmin: { username: string; password: string; id: number; headers: Headers };
    beforeAll(async () => {
      const reviewer = await newReviewer('130400', { unitAdmin: true });
      unitAdmin = { ...reviewer, headers: await signIn(web.app, reviewer) };
    });

    it('is a city reviewer with the flag: one without it is refused 403, before its body is read', async () => {
      const plain = await signIn(web.app, await newReviewer('130400'));
      expect((await call(plain, 'GET', '/api/my-unit/accounts')).statusCode).toBe(403);
      const refused = await call(plain, 'POST', '/api/my-unit/accounts', {});
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toBe('只有本单位的单位管理员可以管理本单位账号。');
      expect((await call(plain, 'PATCH', `/api/my-unit/accounts/${unitAdmin.id}`, { disabled: true })).statusCode).toBe(403);
      expect((await call(plain, 'POST', `/api/my-unit/accounts/${unitAdmin.id}/password`, { password: 'another-pass-1' })).statusCode).toBe(403);
      expect((await rowsOf([unitAdmin.id]))[0]).toMatchObject({ disabled: false });
    });

    it('lists and creates only its own unit’s city reviewers', async () => {
      const other = await newReviewer('130500');
      const username = name('unit');
      // when: it asks for another role and unit too, which it cannot choose
      const created = await call(unitAdmin.headers, 'POST', '/api/my-unit/accounts', { username, displayName: '邯郸新审核', email: `${username}@example.test`, password: 'initial-pass-1', role: 'administrator', unitId: '130500' });
      // then
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ role: 'city-reviewer', unitId: '130400', unitAdmin: false });
      await signIn(web.app, { username, password: 'initial-pass-1' });
      const list = (await call(unitAdmin.headers, 'GET', '/api/my-unit/accounts')).json();
      expect(list).toMatchObject({ unitId: '130400', unitName: '邯郸市' });
      expect(list.accounts.map((a: { username: string }) => a.username)).toEqual(expect.arrayContaining([username, unitAdmin.username]));
      expect(list.accounts.every((a: { role: string; unitId: string }) => a.role === 'city-reviewer' && a.unitId === '130400')).toBe(true);
      expect(list.accounts.map((a: { id: number }) => a.id)).not.toContain(other.id);
      expect(await auditOf(username)).toEqual([{ actor: unitAdmin.username, action: 'account.created', unit_id: '130400', detail: { by: 'unit-administrator', role: 'city-reviewer', displayName: '邯郸新审核', email: `${username}@example.test`, unitId: '130400', unitAdmin: false } }]);
    });

    it('sets the unit-admin flag, disables a colleague (its sessions end) and sets its password', async () => {
      const colleague = await newReviewer('130400');
      const session = await signIn(web.app, colleague);
      expect((await call(unitAdmin.headers, 'PATCH', `/api/my-unit/accounts/${colleague.id}`, { unitAdmin: true })).json()).toMatchObject({ unitAdmin: true });
      expect((await call(session, 'GET', '/api/my-unit/accounts')).statusCode).toBe(200);
      expect((await call(unitAdmin.headers, 'POST', `/api/my-unit/accounts/${colleague.id}/password`, { password: 'unit-initial-1' })).statusCode).toBe(204);
      expect((await call(session, 'GET', '/api/session')).statusCode).toBe(401);
      const again = await signIn(web.app, { username: colleague.username, password: 'unit-initial-1' });
      expect((await call(unitAdmin.headers, 'PATCH', `/api/my-unit/accounts/${colleague.id}`, { disabled: true })).json()).toMatchObject({ disabled: true });
      expect((await call(again, 'GET', '/api/tasks')).statusCode).toBe(401);
      expect(await sessionsOf(colleague.id)).toBe(0);
      expect((await auditOf(colleague.username)).map((r) => [r.actor, r.action, r.unit_id])).toEqual([
        [unitAdmin.username, 'account.updated', '130400'], [unitAdmin.username, 'account.password-set', '130400'], [unitAdmin.username, 'account.disabled', '130400'],
      ]);
    });

    it('answers 404 for another unit’s reviewer and for any other role, refuses a new role or unit and disabling itself, and changes nothing', async () => {
      const other = await newReviewer('130500');
      const officer = await createTestAccount(web.db, 'province-officer');
      const officerId = await idOf(officer.username);
      const colleague = await newReviewer('130400');
      const ids = [other.id, officerId, colleague.id, unitAdmin.id, admin.id];
      const before = await rowsOf(ids);
      const auditCount = async () => Number((await web.db.query("SELECT count(*) AS n FROM audit_log WHERE subject = ANY($1)", [[other, officer, colleague, unitAdmin, admin].map((a) => `account:${a.username}`)])).rows[0].n);
      const auditBefore = await auditCount();
      for (const id of [other.id, officerId, admin.id, 999999999]) {
        expect((await call(unitAdmin.headers, 'PATCH', `/api/my-unit/accounts/${id}`, { disabled: true })).statusCode).toBe(404);
        expect((await call(unitAdmin.headers, 'POST', `/api/my-unit/accounts/${id}/password`, { password: 'another-pass-1' })).statusCode).toBe(404);
      }
      const refusals: [number, Record<string, unknown>, string][] = [
        [colleague.id, { role: 'province-officer' }, '单位管理员不能修改账号的角色'],
        [colleague.id, { unitId: '130500' }, '单位管理员不能修改账号的所属单位'],
        [unitAdmin.id, { disabled: true }, '不能停用自己的账号'],
      ];
      for (const [id, change, message] of refusals) {
        const answer = await call(unitAdmin.headers, 'PATCH', `/api/my-unit/accounts/${id}`, change);
        expect(answer.statusCode).toBe(400);
        expect(answer.json().fields.map((f: { message: string }) => f.message)).toEqual([message]);
      }
      // the administrator's routes stay the administrator's
      expect((await call(unitAdmin.headers, 'GET', '/api/accounts')).statusCode).toBe(403);
      expect(await rowsOf(ids)).toEqual(before);
      expect(await auditCount()).toBe(auditBefore);
    });
  });
});
