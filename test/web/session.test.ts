import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../platform/clock.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

describe('sign-in, sessions and CSRF', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  const clock = manualClock(new Date());
  beforeAll(async () => {
    web = await testApp({ clock });
  });
  afterAll(() => web.close());

  it('signs in with a secure, HTTP-only session cookie and tells who is signed in', async () => {
    // given
    const credentials = await createTestAccount(web.db, 'city-reviewer', { unitId: '130100' });
    // when
    const response = await web.app.inject({ method: 'POST', url: '/api/session', payload: credentials });
    // then
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'iiot_session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    const me = await web.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `iiot_session=${cookie!.value}` } });
    expect(me.json().account).toMatchObject({ username: credentials.username, role: 'city-reviewer', unitId: '130100', candidateGroups: ['city130100'] });
  });

  it.each([
    ['a wrong password', async (username: string) => ({ username, password: 'wrong-password' })],
    ['an unknown user', async () => ({ username: 'nobody-here', password: 'whatever-password' })],
  ])('refuses %s with the same message and no cookie', async (_case, payloadFor) => {
    const { username } = await createTestAccount(web.db, 'expert');
    const response = await web.app.inject({ method: 'POST', url: '/api/session', payload: await payloadFor(username), remoteAddress: `10.0.0.${Math.floor(Math.random() * 200)}` });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'SIGN_IN_FAILED', message: '用户名或密码错误。' });
    expect(response.cookies).toEqual([]);
  });

  it('rate-limits sign-in attempts from one address', async () => {
    // given: an app that allows 5 attempts a minute
    const limited = await testApp({ signInAttemptsPerMinute: 5 });
    try {
      const attempt = (remoteAddress: string) =>
        limited.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'nobody', password: 'guess' }, remoteAddress });
      // when
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) codes.push((await attempt('10.9.9.9')).statusCode);
      // then: the sixth is refused; another address is not
      expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
      expect((await attempt('10.9.9.10')).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });

  it('refuses a state-changing call without the CSRF token, and accepts it with the token', async () => {
    const headers = await signIn(web.app, await createTestAccount(web.db, 'administrator'));
    const withoutToken = await web.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: headers.cookie } });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().code).toBe('CSRF_FAILED');
    const signedOut = await web.app.inject({ method: 'DELETE', url: '/api/session', headers });
    expect(signedOut.statusCode).toBe(204);
    expect((await web.app.inject({ method: 'GET', url: '/api/session', headers })).statusCode).toBe(401);
  });

  it('ends the session when it expires', async () => {
    const headers = await signIn(web.app, await createTestAccount(web.db, 'expert'));
    clock.advance(8 * 3_600_000 + 1);
    const response = await web.app.inject({ method: 'GET', url: '/api/session', headers });
    expect(response.statusCode).toBe(401);
  });

  it('changes the password, ends the other sessions, and keeps this one', async () => {
    // given: two sessions of one account
    const credentials = await createTestAccount(web.db, 'province-officer');
    const here = await signIn(web.app, credentials);
    const elsewhere = await signIn(web.app, credentials);
    // when
    const wrong = await web.app.inject({ method: 'POST', url: '/api/session/password', headers: here, payload: { currentPassword: 'not-it', newPassword: 'a-new-password-1' } });
    const changed = await web.app.inject({ method: 'POST', url: '/api/session/password', headers: here, payload: { currentPassword: credentials.password, newPassword: 'a-new-password-1' } });
    // then
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual([{ path: 'body.currentPassword', message: '原密码不正确' }]);
    expect(changed.statusCode).toBe(204);
    expect((await web.app.inject({ method: 'GET', url: '/api/session', headers: here })).statusCode).toBe(200);
    expect((await web.app.inject({ method: 'GET', url: '/api/session', headers: elsewhere })).statusCode).toBe(401);
    const oldPassword = await web.app.inject({ method: 'POST', url: '/api/session', payload: credentials });
    expect(oldPassword.statusCode).toBe(401);
    expect((await web.app.inject({ method: 'POST', url: '/api/session', payload: { ...credentials, password: 'a-new-password-1' } })).statusCode).toBe(200);
  });

  it('refuses to build an app with an /api route that declares no access', async () => {
    const { buildApp } = await import('../../web/server/app.js');
    const app = await buildApp({ engine: {} as never, db: web.db, logger: (await import('../../platform/logger.js')).createLogger('t', 'silent'), clock, security: { cookieSecure: true, sessionHours: 1, signInAttemptsPerMinute: 5, accountRequestsPerMinute: 5, publicUrl: 'http://127.0.0.1:3000' }, attachments: { store: {} as never, maxBytes: 1 } });
    expect(() => app.get('/api/unguarded', async () => 'open')).toThrow('Route GET /api/unguarded must declare config.access');
    await app.close();
  });
});
