import { randomUUID } from 'node:crypto';
import {
  chosenUnit, CONFIRMATION_HOURS, confirmationMail, isStaleUnconfirmed, judgeRegistrationUscc, linkExpiry,
} from '../../../domain/registration.js';
import { unitById } from '../../../domain/units.js';
import type { Clock } from '../../../platform/clock.js';
import { withTransaction, type Pool } from '../../../platform/database.js';
import { hashPassword } from '../../../platform/password.js';
import { MESSAGE_ID_DOMAIN } from '../../../store/applicant-notifications.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { queueEmail } from '../../../store/notification-repository.js';
import { AppError } from '../errors.js';
import { createAccountToken } from '../identity/account-token-repository.js';
import {
  accountExists, activeHoldersOf, bindRegistrationFiles, closeStaleRegistration, findRegistrationFile, hasApprovedRegistration, insertRegistration,
  openRegistrationOfUsername, type RegistrationKind,
} from '../identity/registration-repository.js';
import type { RegistrationRequest } from '../schemas/registrations.js';

export interface SubmitRegistrationDeps {
  db: Pool;
  clock: Clock;
  /** Where the mailed confirmation link points. */
  publicUrl: string;
}

/**
 * Registers an enterprise account: every check first (USCC, unit, user name, both files unused), then in one
 * transaction a stale unconfirmed registration holding the name is closed, the registration is recorded as a claim
 * (the USCC has a holder or an approved registration) or as new, its files are bound, and the confirmation link
 * (valid 24 h) is mailed. A refusal changes nothing.
 */
export async function submitRegistration(deps: SubmitRegistrationDeps, body: RegistrationRequest): Promise<{ kind: RegistrationKind; email: string }> {
  const { db } = deps;
  const now = deps.clock.now();
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
      const mail = confirmationMail({ enterpriseName: body.enterpriseName, unitName, link: `${deps.publicUrl}/register/confirm/${token}` });
      await queueEmail(client, { eventKey: `registration:${id}:confirm`, recipient: body.email, ...mail, carriesSecret: true }, MESSAGE_ID_DOMAIN);
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
  return { kind, email: body.email };
}

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
