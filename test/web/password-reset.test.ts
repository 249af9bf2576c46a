import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByUsername } from '../../web/server/identity/account-repository.js';
import { randomUscc } from '../support/declaration.js';
import { mailedToken } from '../support/registration.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// A forgotten password against the real database: always 202, a one-use 1 h link, every session ends.

describe('password reset', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { web = await testApp(); });
  afterAll(() => web.close());

  const requestReset = (username: string) => web.app.inject({ method: 'POST', url: '/api/password-reset', payload: { username } });
  const reset = (token: string, newPassword: string) => web.app.inject({ method: 'POST', url: '/api/password-reset/confirmation', payload: { token, newPassword } });
  const outboxCount = async () => Number((await web.db.query<{ n: string }>('SELECT count(*) AS n FROM outbox_message')).rows[0]!.n);
  const applicantWithMail = async () => {
    const email = `reset-${randomBytes(4).toString('hex')}@example.com`;
    return { email, ...(await createTestAccount(web.db, 'applicant', { enterpriseUscc: randomUscc(), email })) };
  };

  it('answers 202 whatever the name, mailing only an active account with an address', async () => {
    const before = await outboxCount();
    const unknown = await requestReset(`nobody.${randomBytes(4).toString('hex')}`);
    expect(unknown.statusCode).toBe(202);
    const noMail = await createTestAccount(web.db, 'applicant', { enterpriseUscc: randomUscc() });
    expect((await requestReset(noMail.username)).statusCode).toBe(202);
    expect(await outboxCount()).toBe(before);
    const account = await applicantWithMail();
    const response = await requestReset(account.username);
    expect(response.statusCode).toBe(202);
    expect(response.body).toBe(unknown.body);
    expect(await outboxCount()).toBe(before + 1);
    const mail = (await web.db.query<{ body: string }>('SELECT body FROM outbox_message WHERE recipient = $1', [account.email])).rows[0]!;
    expect(mail.body).toMatch(/http:\/\/127\.0\.0\.1:3000\/password-reset\/[A-Za-z0-9_-]{43}/);
  });

  it('sets the new password, ends every session, and refuses the link a second time with 410', async () => {
    // given an account signed in twice
    const account = await applicantWithMail();
    const first = await signIn(web.app, account);
    const second = await signIn(web.app, account);
    await requestReset(account.username);
    const token = await mailedToken(web.db, account.email, '/password-reset');
    // when
    const response = await reset(token, 'a-brand-new-password');
    // then
    expect(response.statusCode, response.body).toBe(204);
    for (const headers of [first, second]) expect((await web.app.inject({ method: 'GET', url: '/api/session', headers })).statusCode).toBe(401);
    await signIn(web.app, { username: account.username, password: 'a-brand-new-password' });
    const hash = (await findAccountByUsername(web.db, account.username))!.passwordHash;
    const again = await reset(token, 'yet-another-password');
    expect(again.statusCode).toBe(410);
    expect(again.json().message).toContain('链接已失效或已使用');
    expect((await findAccountByUsername(web.db, account.username))!.passwordHash).toBe(hash);
    const audit = await web.db.query<{ action: string }>("SELECT action FROM audit_log WHERE actor = $1 ORDER BY id", [account.username]);
    expect(audit.rows.map((r) => r.action)).toEqual(['account.password-reset-requested', 'account.password-reset']);
  });

  it('refuses an expired or unknown link and a weak password, changing nothing', async () => {
    const account = await applicantWithMail();
    const session = await signIn(web.app, account);
    await requestReset(account.username);
    const token = await mailedToken(web.db, account.email, '/password-reset');
    const hash = (await findAccountByUsername(web.db, account.username))!.passwordHash;
    expect((await reset(token, 'short')).statusCode).toBe(400);
    await web.db.query("UPDATE account_token SET expires_at = now() - interval '1 second' WHERE account_id = (SELECT id FROM account WHERE username = $1)", [account.username]);
    expect((await reset(token, 'a-brand-new-password')).statusCode).toBe(410);
    expect((await reset('x'.repeat(43), 'a-brand-new-password')).statusCode).toBe(410);
    expect((await findAccountByUsername(web.db, account.username))!.passwordHash).toBe(hash);
    expect((await web.app.inject({ method: 'GET', url: '/api/session', headers: session })).statusCode).toBe(200);
  });

  it('ends every other session and spends the reset links mailed before, when a signed-in account changes its password', async () => {
    const account = await applicantWithMail();
    expect((await requestReset(account.username)).statusCode).toBe(202);
    const earlierLink = await mailedToken(web.db, account.email, '/password-reset');
    const other = await signIn(web.app, account);
    const current = await signIn(web.app, account);
    const response = await web.app.inject({ method: 'POST', url: '/api/session/password', headers: current, payload: { currentPassword: account.password, newPassword: 'a-brand-new-password' } });
    expect(response.statusCode).toBe(204);
    expect((await web.app.inject({ method: 'GET', url: '/api/session', headers: other })).statusCode).toBe(401);
    expect((await web.app.inject({ method: 'GET', url: '/api/session', headers: current })).statusCode).toBe(200);
    // the link mailed before the change can no longer undo it
    expect((await reset(earlierLink, 'an-attackers-password')).statusCode).toBe(410);
    expect((await web.app.inject({ method: 'POST', url: '/api/session', payload: { username: account.username, password: 'a-brand-new-password' } })).statusCode).toBe(200);
  });
});

describe('password reset rate limits', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { web = await testApp({ accountRequestsPerMinute: 2 }); });
  afterAll(() => web.close());

  it.each(['/api/password-reset', '/api/password-reset/confirmation'])('answers the third request a minute to %s with 429', async (url) => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await web.app.inject({ method: 'POST', url, payload: {} })).statusCode);
    expect(statuses).toEqual([400, 400, 429]);
  });
});
