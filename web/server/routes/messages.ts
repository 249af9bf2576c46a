import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Queryable } from '../../../platform/database.js';
import { enterpriseMessages, unitMessages } from '../../../store/notification-repository.js';
import { accountOf } from '../plugins/authentication.js';
import { messageList } from '../schemas/messages.js';

/** The in-app messages of the applicant's enterprise, or of the reviewer's unit, newest first. */
export const messageRoutes: FastifyPluginAsyncZod<{ db: Queryable }> = async (app, { db }) => {
  app.get('/api/messages', {
    config: { access: ['applicant', 'city-reviewer'] },
    schema: {
      tags: ['messages'],
      summary: 'My enterprise’s or my unit’s messages',
      response: { 200: messageList },
    },
  }, async (request) => {
    const account = accountOf(request);
    return account.role === 'applicant' ? enterpriseMessages(db, account.enterpriseUscc!) : unitMessages(db, account.unitId!);
  });
};
