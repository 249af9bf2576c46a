import { createHash, randomUUID } from 'node:crypto';
import '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileTypeFromBuffer } from 'file-type';
import { isScanMediaType, judgeAttachmentType } from '../../../domain/attachment-types.js';
import {
  chosenUnit, CONFIRMATION_HOURS, confirmationMail, decisionMail, isStaleUnconfirmed, judgeRegistrationUscc, linkExpiry,
} from '../../../domain/registration.js';
import { unstorableReason, unstorableTextMessages } from '../../../domain/storable-text.js';
import { unitById } from '../../../domain/units.js';
import { storageKeyFor, type AttachmentStore } from '../../../platform/attachment-store.js';
import type { Clock } from '../../../platform/clock.js';
import { withTransaction, type Pool, type Queryable } from '../../../platform/database.js';
import { hashPassword } from '../../../platform/password.js';
import { MESSAGE_ID_DOMAIN } from '../../../store/applicant-notifications.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { queueEmail } from '../../../store/notification-repository.js';
import { AppError } from '../errors.js';
import { createAccountToken, useAccountToken } from '../identity/account-token-repository.js';
import {
  accountExists, activeHoldersOf, bindRegistrationFiles, closeStaleRegistration, decideRegistration, disableAccount, findRegistration,
  findRegistrationFile, hasApprovedRegistration, insertRegisteredAccount, insertRegistration, insertRegistrationFile, listRegistrations, lockUscc,
  markRegistrationConfirmed, openRegistrationOfUsername, type Registration,
} from '../identity/registration-repository.js';
import type { Account } from '../identity/roles.js';
import { deleteSessionsOf } from '../identity/session-repository.js';
import { accountOf } from '../plugins/authentication.js';
import {
  registrationConfirmed, registrationDecided, registrationDecision, registrationDetail, registrationFileParams, registrationFileView,
  registrationList, registrationParams, registrationRequest, registrationSubmitted, tokenRequest, type RegistrationRequest,
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
  const { db, clock, store, maxBytes } = options;
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => new AppError('RATE_LIMITED') });
  const limited = { max: options.accountRequestsPerMinute, timeWindow: 60_000 };

  app.post('/api/registration-files', {
    config: { access: 'public', rateLimit: limited },
    schema: { tags: ['registrations'], summary: 'Upload one file of a registration (营业执照 or 授权书; PDF, JPEG or PNG; multipart field "file")', response: { 201: registrationFileView } },
  }, async (request, reply) => {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件。', [{ path: 'file', message: '缺少文件' }]);
    const content = await part.toBuffer(); // throws a 413 past maxBytes
    const fileName = [...part.filename.normalize('NFC')].slice(0, 200).join('');
    const unstorable = unstorableReason(fileName);
    if (unstorable) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'file', message: `文件名${unstorableTextMessages[unstorable]}` }]);
    if (!content.length) throw new AppError('VALIDATION_FAILED', '文件为空。', [{ path: 'file', message: '文件为空' }]);
    const verdict = judgeAttachmentType(fileName, (await fileTypeFromBuffer(content))?.ext);
    const message = !verdict.ok ? verdict.message : isScanMediaType(verdict.mediaType) ? undefined : '只能上传 PDF、JPG、PNG 文件';
    if (!verdict.ok || message) throw new AppError('VALIDATION_FAILED', message, [{ path: 'file', message: message! }]);
    const id = randomUUID();
    const storageKey = storageKeyFor(id);
    await store.put(storageKey, content);
    try {
      await insertRegistrationFile(db, { id, storageKey, fileName, mediaType: verdict.mediaType, sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex') });
    } catch (error) {
      await store.remove(storageKey);
      throw error;
    }
    return reply.status(201).send({ fileId: id, fileName, size: content.length });
  });

  app.post('/api/registrations', {
    config: { access: 'public', rateLimit: limited },
    schema: { tags: ['registrations'], summary: 'Register an enterprise account; a confirmation link is mailed (valid 24 h)', body: registrationRequest, response: { 202: registrationSubmitted } },
  }, async (request, reply) => {
    const body = request.body;
    const now = clock.now();
    const checked = await checkedRegistration(db, body, now);
    const kind = (await activeHoldersOf(db, checked.uscc)).length > 0 || (await hasApprovedRegistration(db, checked.uscc)) ? 'claim' : 'new';
    const id = randomUUID();
    const unitName = unitById(checked.unitId)!.name;
    const passwordHash = await hashPassword(body.password);
    try {
      await withTransaction(db, async (client) => {
        if (checked.staleId && (await closeStaleRegistration(client, checked.staleId, now))) {
          await insertAuditEntry(client, { actor: 'system', action: 'registration.expired', subject: `registration:${checked.staleId}`, detail: { username: body.username, takenOverBy: id } });
        }
        await insertRegistration(client, {
          id, uscc: checked.uscc, usccAsPrinted: checked.checksumFails, enterpriseName: body.enterpriseName, unitId: checked.unitId,
          legalRepresentative: body.legalRepresentative, contactName: body.contactName, contactPhone: body.contactPhone, email: body.email,
          username: body.username, passwordHash, licenceFileId: body.licenceFileId,
          authorisationFileId: body.authorisationFileId, kind,
        });
        if ((await bindRegistrationFiles(client, id, [body.licenceFileId, body.authorisationFileId])) !== 2) throw filesTaken();
        const token = await createAccountToken(client, 'confirm-email', { registrationId: id }, linkExpiry(now, CONFIRMATION_HOURS));
        const mail = confirmationMail({ enterpriseName: body.enterpriseName, unitName, link: `${options.publicUrl}/register/confirm/${token}` });
        await queueEmail(client, { eventKey: `registration:${id}:confirm`, recipient: body.email, ...mail }, MESSAGE_ID_DOMAIN);
        await insertAuditEntry(client, {
          actor: body.username, action: 'registration.submitted', subject: `registration:${id}`,
          detail: { uscc: checked.uscc, enterpriseName: body.enterpriseName, kind, checksumFails: checked.checksumFails, email: body.email },
          unitId: checked.unitId,
        });
      });
    } catch (error) {
      // Two registrations racing for one name: the partial unique index decides, the loser hears why.
      if (isUniqueViolation(error, 'registration_open_username_idx')) throw usernameTaken();
      throw error;
    }
    return reply.status(202).send({ kind, email: body.email });
  });

  app.post('/api/registrations/confirmation', {
    config: { access: 'public', rateLimit: limited },
    schema: { tags: ['registrations'], summary: 'Confirm a registration’s e-mail with the mailed token; it then waits for its unit', body: tokenRequest, response: { 200: registrationConfirmed } },
  }, async (request) => {
    const now = clock.now();
    return withTransaction(db, async (client) => {
      const token = await useAccountToken(client, 'confirm-email', request.body.token, now);
      const registration = token?.registrationId ? await findRegistration(client, token.registrationId, true) : undefined;
      if (!registration || !(await markRegistrationConfirmed(client, registration.id, now))) {
        throw new AppError('LINK_EXPIRED', '链接已失效或已使用：确认链接24小时内有效且只能使用一次。如尚未完成注册，请重新注册。');
      }
      await insertAuditEntry(client, { actor: registration.username, action: 'registration.confirmed', subject: `registration:${registration.id}`, detail: { email: registration.email }, unitId: registration.unitId });
      return { status: 'pending' as const, unitName: unitById(registration.unitId)?.name ?? registration.unitId };
    });
  });

  app.get('/api/registrations', {
    config: { access: reviewers },
    schema: { tags: ['registrations'], summary: 'Registrations to review: my unit’s (a reviewer), all (an administrator); pending first', response: { 200: registrationList } },
  }, async (request) => {
    const account = accountOf(request);
    return (await listRegistrations(db, account.role === 'city-reviewer' ? account.unitId : null)).map(summaryOf);
  });

  app.get('/api/registrations/:registrationId', {
    config: { access: reviewers },
    schema: { tags: ['registrations'], summary: 'One registration with its files, the USCC checksum flag and, for a claim, the current holders', params: registrationParams, response: { 200: registrationDetail } },
  }, async (request) => {
    const registration = await visibleRegistration(db, accountOf(request), request.params.registrationId);
    const [licence, authorisation] = await Promise.all([findRegistrationFile(db, registration.licenceFileId), findRegistrationFile(db, registration.authorisationFileId)]);
    const holders = registration.status === 'pending' || registration.kind === 'claim' ? await activeHoldersOf(db, registration.uscc) : [];
    return {
      ...summaryOf(registration),
      usccAsPrinted: registration.usccAsPrinted, legalRepresentative: registration.legalRepresentative, contactName: registration.contactName,
      contactPhone: registration.contactPhone, email: registration.email, username: registration.username, confirmedAt: registration.confirmedAt,
      decidedBy: registration.decidedBy, decidedAt: registration.decidedAt, decisionReason: registration.decisionReason,
      licence: fileInfo(licence!), authorisation: fileInfo(authorisation!),
      holders: holders.filter((holder) => holder.id !== registration.accountId).map(({ username, displayName, since }) => ({ username, displayName, since })),
    };
  });

  app.get('/api/registrations/:registrationId/files/:fileKind', {
    config: { access: reviewers },
    schema: { tags: ['registrations'], summary: 'Download a registration’s 营业执照 (licence) or 授权书 (authorisation)', params: registrationFileParams },
  }, async (request, reply) => {
    const registration = await visibleRegistration(db, accountOf(request), request.params.registrationId);
    const file = await findRegistrationFile(db, request.params.fileKind === 'licence' ? registration.licenceFileId : registration.authorisationFileId);
    if (!file) throw new AppError('NOT_FOUND');
    return reply
      .header('content-type', isScanMediaType(file.mediaType) ? file.mediaType : 'application/octet-stream')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(store.open(file.storageKey));
  });

  app.post('/api/registrations/:registrationId/decision', {
    config: { access: ['city-reviewer'] },
    schema: { tags: ['registrations'], summary: 'Approve (creating the account; a claim disables the current holder) or reject a pending registration', params: registrationParams, body: registrationDecision, response: { 200: registrationDecided } },
  }, async (request) => {
    const account = accountOf(request);
    const decision = request.body;
    const now = clock.now();
    return withTransaction(db, async (client) => {
      const registration = await findRegistration(client, request.params.registrationId, true);
      if (!registration || registration.unitId !== account.unitId) throw new AppError('NOT_FOUND');
      if (registration.status !== 'pending') throw new AppError('CONFLICT', registration.status === 'unconfirmed' ? '该注册尚未确认邮箱，不能审核。' : '该注册已经审核过了。');
      const unitName = unitById(registration.unitId)?.name ?? registration.unitId;
      const subject = `registration:${registration.id}`;
      if (decision.decision === 'reject') {
        await decideRegistration(client, registration.id, { status: 'rejected', decidedBy: account.username, reason: decision.reason, accountId: null }, now);
        await queueDecisionMail(client, registration, unitName, false, decision.reason);
        await insertAuditEntry(client, { actor: account.username, action: 'registration.rejected', subject, detail: { uscc: registration.uscc, reason: decision.reason }, unitId: registration.unitId });
        return { status: 'rejected' as const };
      }
      if (await accountExists(client, registration.username)) throw new AppError('CONFLICT', `用户名“${registration.username}”已被其他账号使用，无法通过；请驳回并请企业换一个用户名重新注册。`);
      // One enterprise, one approved holder: whoever holds the USCC now is disabled and signed out.
      await lockUscc(client, registration.uscc);
      const holders = await activeHoldersOf(client, registration.uscc);
      for (const holder of holders) {
        await disableAccount(client, holder.id);
        await deleteSessionsOf(client, holder.id);
      }
      const accountId = await insertRegisteredAccount(client, registration);
      await decideRegistration(client, registration.id, { status: 'approved', decidedBy: account.username, reason: decision.reason || null, accountId }, now);
      await queueDecisionMail(client, registration, unitName, true, null);
      await insertAuditEntry(client, {
        actor: account.username,
        action: registration.kind === 'claim' || holders.length > 0 ? 'registration.claim-approved' : 'registration.approved',
        subject,
        detail: { uscc: registration.uscc, accountId, username: registration.username, disabledHolders: holders.map((holder) => holder.username) },
        unitId: registration.unitId,
      });
      return { status: 'approved' as const };
    });
  });

  async function queueDecisionMail(client: Queryable, registration: Registration, unitName: string, approved: boolean, reason: string | null) {
    const mail = decisionMail({ enterpriseName: registration.enterpriseName, unitName, username: registration.username, approved, reason, signInUrl: `${options.publicUrl}/login` });
    await queueEmail(client, { eventKey: `registration:${registration.id}:decision`, recipient: registration.email, ...mail }, MESSAGE_ID_DOMAIN);
  }
};

// helpers

interface CheckedRegistration {
  uscc: string;
  checksumFails: boolean;
  unitId: string;
  /** An unconfirmed registration older than 24 h holding the name, to be closed first. */
  staleId: string | null;
}

/** Every refusal of a registration, before anything is written; each names its field. */
async function checkedRegistration(db: Pool, body: RegistrationRequest, now: Date): Promise<CheckedRegistration> {
  const uscc = judgeRegistrationUscc(body.uscc, body.usccAsPrinted);
  if (!uscc.ok) throw refused('body.uscc', uscc.message);
  const unitId = chosenUnit(body.unitId);
  if (!unitId) throw refused('body.unitId', '所选单位不存在，请从列表中选择所属单位');
  if (await accountExists(db, body.username)) throw usernameTaken();
  const open = await openRegistrationOfUsername(db, body.username);
  const stale = open && open.status === 'unconfirmed' && isStaleUnconfirmed(open.createdAt, now);
  if (open && !stale) throw usernameTaken();
  if (body.licenceFileId === body.authorisationFileId) throw refused('body.authorisationFileId', '营业执照和授权书须分别上传');
  for (const [field, label] of [['licenceFileId', '营业执照'], ['authorisationFileId', '授权书']] as const) {
    const file = await findRegistrationFile(db, body[field]);
    if (!file || file.registrationId !== null) throw refused(`body.${field}`, `请上传${label}（文件无效或已用于其他注册，请重新上传）`);
  }
  return { uscc: uscc.uscc, checksumFails: uscc.checksumFails, unitId, staleId: stale ? open.id : null };
}

function refused(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ path, message }]);
}

function usernameTaken(): AppError {
  return refused('body.username', '该用户名已被使用，请换一个');
}

function filesTaken(): AppError {
  return refused('body.licenceFileId', '上传的文件已用于其他注册，请重新上传');
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505' && 'constraint' in error && error.constraint === constraint;
}

/** A registration the account may see: a reviewer its own unit's, an administrator any; else 404. */
async function visibleRegistration(db: Pool, account: Account, id: string): Promise<Registration> {
  const registration = await findRegistration(db, id);
  if (!registration || registration.status === 'unconfirmed' || (account.role === 'city-reviewer' && registration.unitId !== account.unitId)) throw new AppError('NOT_FOUND');
  return registration;
}

function summaryOf(registration: Registration) {
  return {
    id: registration.id, uscc: registration.uscc, enterpriseName: registration.enterpriseName, unitId: registration.unitId,
    unitName: unitById(registration.unitId)?.name ?? registration.unitId, kind: registration.kind, status: registration.status,
    checksumFails: registration.usccAsPrinted, createdAt: registration.createdAt,
  };
}

function fileInfo(file: { fileName: string; sizeBytes: number; mediaType: string }) {
  return { fileName: file.fileName, sizeBytes: file.sizeBytes, mediaType: file.mediaType };
}
