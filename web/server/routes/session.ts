import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import { hashPassword, unusablePasswordHash, verifyPassword } from '../../../platform/password.js';
import { AppError } from '../errors.js';
import { findAccountById, findAccountByUsername } from '../identity/account-repository.js';
import { candidateGroupsOf, type Account } from '../identity/roles.js';
import { openRegistrationOfUsername, type RegistrationStatus } from '../identity/registration-repository.js';
import { replacePassword } from '../identity/password-replacement.js';
import { createSession, deleteSession } from '../identity/session-repository.js';
import { accountOf, SESSION_COOKIE } from '../plugins/authentication.js';
import { noContent } from '../schemas/common.js';
import { passwordChange, sessionView, signIn } from '../schemas/session.js';

export interface SessionRouteOptions {
  db: Pool;
  clock: Clock;
  cookieSecure: boolean;
  sessionHours: number;
  signInAttemptsPerMinute: number;
}

function registrationWaitMessage(status: RegistrationStatus): string {
  return status === 'unconfirmed' ? '账号注册尚未确认邮箱：请打开注册确认邮件中的链接，确认后由所属单位审核。' : '账号注册尚待所属单位审核，审核通过后即可登录。';
}

function view(account: Account) {
  return { ...account, candidateGroups: candidateGroupsOf(account) };
}

/** Sign in, who am I, sign out, change password. */
export const sessionRoutes: FastifyPluginAsyncZod<SessionRouteOptions> = async (app, options) => {
  const { db, clock } = options;
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: options.cookieSecure };

  app.post('/api/session', {
    config: { access: 'public', rateLimit: { max: options.signInAttemptsPerMinute, timeWindow: 60_000 } },
    schema: {
      tags: ['session'],
      summary: 'Sign in',
      body: signIn,
      response: { 200: sessionView },
    },
  }, async (request, reply) => {
    const found = await findAccountByUsername(db, request.body.username);
    const registration = found ? undefined : await openRegistrationOfUsername(db, request.body.username);
    // Check a password even for an unknown name, so timing does not tell which names exist.
    const ok = await verifyPassword(request.body.password, found?.passwordHash ?? registration?.passwordHash ?? (await unusablePasswordHash()));
    // A registration still on its way says where it stands, but only to whoever knows its password.
    if (registration && ok) throw new AppError('SIGN_IN_FAILED', registrationWaitMessage(registration.status));
    if (!found || !ok || found.disabled) throw new AppError('SIGN_IN_FAILED');
    const expiresAt = new Date(clock.now().getTime() + options.sessionHours * 3_600_000);
    const { token, csrfToken } = await createSession(db, found.account.id, expiresAt);
    reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
    return { account: view(found.account), csrfToken };
  });

  app.get('/api/session', {
    config: { access: 'signed-in' },
    schema: { tags: ['session'], summary: 'The signed-in account and its CSRF token', response: { 200: sessionView } },
  }, async (request) => ({ account: view(accountOf(request)), csrfToken: request.session!.csrfToken }));

  app.delete('/api/session', {
    config: { access: 'signed-in' },
    schema: { tags: ['session'], summary: 'Sign out', response: { 204: noContent } },
  }, async (request, reply) => {
    await deleteSession(db, request.session!.tokenHash);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.status(204).send(null);
  });

  app.post('/api/session/password', {
    config: { access: 'signed-in', rateLimit: { max: options.signInAttemptsPerMinute, timeWindow: 60_000 } },
    schema: {
      tags: ['session'],
      summary: 'Change one’s password; other sessions end',
      body: passwordChange,
      response: { 204: noContent },
    },
  }, async (request, reply) => {
    const account = accountOf(request);
    const found = await findAccountById(db, account.id);
    if (!found || !(await verifyPassword(request.body.currentPassword, found.passwordHash))) {
      throw new AppError('VALIDATION_FAILED', '原密码不正确。', [{ path: 'body.currentPassword', message: '原密码不正确' }]);
    }
    const passwordHash = await hashPassword(request.body.newPassword);
    await replacePassword(db, { accountId: account.id, passwordHash, now: clock.now(), keepSessionHash: request.session!.tokenHash });
    return reply.status(204).send(null);
  });
};
