import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { findUnstorableText, unstorableTextMessages } from '../../../domain/storable-text.js';
import { AppError } from '../errors.js';

/**
 * One check for every route: a body, query or path parameter with text PostgreSQL cannot store (U+0000, a lone
 * surrogate; domain/storable-text.ts) is answered 400 with a message per field, in the paths request validation
 * uses (`body.data.projectName`), before the route runs — so no draft, submission, task completion, comment,
 * filter or opinion is half written and none fails with a 500.
 */
export const storableText = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const found = [
      ...findUnstorableText(request.params, 'params'),
      ...findUnstorableText(request.query, 'querystring'),
      ...findUnstorableText(request.body, 'body'),
    ];
    if (found.length) throw new AppError('VALIDATION_FAILED', undefined, found.map(({ path, reason }) => ({ path, message: unstorableTextMessages[reason] })));
  });
});
