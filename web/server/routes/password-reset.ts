import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { linkExpiry, resetMail, RESET_HOURS } from '../../../domain/registration.js';
import type { Clock } from '../../../platform/clock.js';
import { withTransaction, type Pool } from '../../../platform/database.js';
import { hashPassword } from '../../../platform/password.js';
import { MESSAGE_ID_DOMAIN } from '../../../store/applicant-notifications.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { queueEmail } from '../../../store/notification-repository.js';
import { AppError } from '../errors.js';
import { updatePasswordHash } from '../identity/account-repository.js';
import { createAccountToken, retireResetTokens, useAccountToken } from '../identity/account-token-repository.js';
import { findResetAccount, resettableAccount } from '../identity/registration-repository.js';
import { deleteSessionsOf, hashToken } from '../identity/session-repository.js';
import { noContent } from '../schemas/common.js';
import { passwordResetConfirmation, passwordResetRequest } from '../schemas/registrations.js';

export interface PasswordResetRouteOptions {
  db: Pool;
  clock: Clock;
  publicUrl: string;
  accountRequestsPerMinute: number;
}

/** A forgotten password: a one-use link (1 h) mailed to the account's address, then a new password that ends every session. */
export const passwordResetRoutes: FastifyPluginAsyncZod<PasswordResetRouteOptions> = async (app, options) => {
  const { db, clock } = options;
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => new AppError('RATE_LIMITED') });
  const limited = { max: options.accountRequestsPerMinute, timeWindow: 60_000 };

  app.post('/api/password-reset', {
    config: { access: 'public', rateLimit: limited },
    schema: { tags: ['session'], summary: 'Ask for a reset link; always 202, so it tells nobody which names exist', body: passwordResetRequest, response: { 202: noContent } },
  }, async (request, reply) => {
    const account = await resettableAccount(db, request.body.username);
    if (account) {
      const now = clock.now();
      await withTransaction(db, async (client) => {
        const token = await createAccountToken(client, 'reset-password', { accountId: account.id }, linkExpiry(now, RESET_HOURS));
        const mail = resetMail({ username: account.username, link: `${options.publicUrl}/password-reset/${token}` });
        await queueEmail(client, { eventKey: `password-reset:${hashToken(token)}`, recipient: account.email, ...mail }, MESSAGE_ID_DOMAIN);
        await insertAuditEntry(client, { actor: account.username, action: 'account.password-reset-requested', subject: `account:${account.id}`, detail: { expiresAt: linkExpiry(now, RESET_HOURS).toISOString() } });
      });
    }
    return reply.status(202).send(null);
  });

  app.post('/api/password-reset/confirmation', {
    config: { access: 'public', rateLimit: limited },
    schema: { tags: ['session'], summary: 'Set a new password with the mailed token; every session of the account ends', body: passwordResetConfirmation, response: { 204: noContent } },
  }, async (request, reply) => {
    const now = clock.now();
    const passwordHash = await hashPassword(request.body.newPassword);
    await withTransaction(db, async (client) => {
      const token = await useAccountToken(client, 'reset-password', request.body.token, now);
      const account = token?.accountId ? await findResetAccount(client, token.accountId) : undefined;
      if (!account) throw new AppError('LINK_EXPIRED', '链接已失效或已使用：重置密码链接1小时内有效且只能使用一次，请重新申请。');
      await updatePasswordHash(client, account.id, passwordHash);
      const sessions = await deleteSessionsOf(client, account.id);
      await retireResetTokens(client, account.id, now);
      await insertAuditEntry(client, { actor: account.username, action: 'account.password-reset', subject: `account:${account.id}`, detail: { endedSessions: sessions } });
    });
    return reply.status(204).send(null);
  });
};
