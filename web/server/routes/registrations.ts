import '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isScanMediaType } from '../../../domain/attachment-types.js';
import type { AttachmentStore } from '../../../platform/attachment-store.js';
import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import { AppError } from '../errors.js';
import { accountOf } from '../plugins/authentication.js';
import { confirmRegistration } from '../registrations/confirm-registration.js';
import { decideOnRegistration } from '../registrations/decide-registration.js';
import { storeRegistrationFile } from '../registrations/registration-files.js';
import { registrationDetailFor, registrationFileFor, registrationsFor } from '../registrations/registration-views.js';
import { submitRegistration } from '../registrations/submit-registration.js';
import {
  registrationConfirmed, registrationDecided, registrationDecision, registrationDetail, registrationFileParams, registrationFileView,
  registrationList, registrationParams, registrationRequest, registrationSubmitted, tokenRequest,
} from '../schemas/registrations.js';

export interface RegistrationRouteOptions {
  db: Pool;
  clock: Clock;
  store: AttachmentStore;
  maxBytes: number;
  publicUrl: string;
  accountRequestsPerMinute: number;
}

const reviewers = ['city-reviewer', 'administrator'] as const;

/** An enterprise registers itself, confirms its e-mail, and the unit it chose approves (or claims over) or rejects. */
export const registrationRoutes: FastifyPluginAsyncZod<RegistrationRouteOptions> = async (app, options) => {
  const { db, store, maxBytes } = options;
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => new AppError('RATE_LIMITED') });
  const limited = { max: options.accountRequestsPerMinute, timeWindow: 60_000 };

  app.post('/api/registration-files', {
    config: { access: 'public', rateLimit: limited },
    schema: { tags: ['registrations'], summary: 'Upload one file of a registration (营业执照 or 授权书; PDF, JPEG or PNG; multipart field "file")', response: { 201: registrationFileView } },
  }, async (request, reply) => {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件。', [{ path: 'file', message: '缺少文件' }]);
    const content = await part.toBuffer(); // throws a 413 past maxBytes
    return reply.status(201).send(await storeRegistrationFile(options, { fileName: part.filename, content }));
  });

  app.post('/api/registrations', {
    config: { access: 'public', rateLimit: limited },
    schema: { tags: ['registrations'], summary: 'Register an enterprise account; a confirmation link is mailed (valid 24 h)', body: registrationRequest, response: { 202: registrationSubmitted } },
  }, async (request, reply) => reply.status(202).send(await submitRegistration(options, request.body)));

  app.post('/api/registrations/confirmation', {
    config: { access: 'public', rateLimit: limited },
    schema: { tags: ['registrations'], summary: 'Confirm a registration’s e-mail with the mailed token; it then waits for its unit', body: tokenRequest, response: { 200: registrationConfirmed } },
  }, async (request) => confirmRegistration(options, request.body.token));

  app.get('/api/registrations', {
    config: { access: reviewers },
    schema: { tags: ['registrations'], summary: 'Registrations to review: my unit’s (a reviewer), all (an administrator); pending first', response: { 200: registrationList } },
  }, async (request) => registrationsFor(db, accountOf(request)));

  app.get('/api/registrations/:registrationId', {
    config: { access: reviewers },
    schema: { tags: ['registrations'], summary: 'One registration with its files, the USCC checksum flag and, for a claim, the current holders', params: registrationParams, response: { 200: registrationDetail } },
  }, async (request) => registrationDetailFor(db, accountOf(request), request.params.registrationId));

  app.get('/api/registrations/:registrationId/files/:fileKind', {
    config: { access: reviewers },
    schema: { tags: ['registrations'], summary: 'Download a registration’s 营业执照 (licence) or 授权书 (authorisation)', params: registrationFileParams },
  }, async (request, reply) => {
    const file = await registrationFileFor(db, accountOf(request), request.params.registrationId, request.params.fileKind);
    return reply
      .header('content-type', isScanMediaType(file.mediaType) ? file.mediaType : 'application/octet-stream')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(store.open(file.storageKey));
  });

  app.post('/api/registrations/:registrationId/decision', {
    config: { access: ['city-reviewer'] },
    schema: { tags: ['registrations'], summary: 'Approve (creating the account; a claim disables the current holder) or reject a pending registration', params: registrationParams, body: registrationDecision, response: { 200: registrationDecided } },
  }, async (request) => decideOnRegistration(options, accountOf(request), request.params.registrationId, request.body));
};
