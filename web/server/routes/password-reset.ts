import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import { AppError } from '../errors.js';
import { requestPasswordReset } from '../registrations/request-password-reset.js';
import { resetPassword } from '../registrations/reset-password.js';
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
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => new AppError('RATE_LIMITED') });
  const limited = { max: options.accountRequestsPerMinute, timeWindow: 60_000 };

  app.post('/api/password-reset', {
    config: { access: 'public', rateLimit: limited },
    schema: { tags: ['session'], summary: 'Ask for a reset link; always 202, so it tells nobody which names exist', body: passwordResetRequest, response: { 202: noContent } },
  }, async (request, reply) => {
    await requestPasswordReset(options, request.body.username);
    return reply.status(202).send(null);
  });

  app.post('/api/password-reset/confirmation', {
    config: { access: 'public', rateLimit: limited },
    schema: { tags: ['session'], summary: 'Set a new password with the mailed token; every session of the account ends', body: passwordResetConfirmation, response: { 204: noContent } },
  }, async (request, reply) => {
    await resetPassword(options, request.body.token, request.body.newPassword);
    return reply.status(204).send(null);
  });
};
