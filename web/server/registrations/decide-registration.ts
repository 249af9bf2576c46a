import type { z } from 'zod';
import { decisionMail } from '../../../domain/registration.js';
import { unitNameOf } from '../../../domain/units.js';
import type { Clock } from '../../../platform/clock.js';
import { withTransaction, type Pool, type Queryable } from '../../../platform/database.js';
import { MESSAGE_ID_DOMAIN } from '../../../store/applicant-notifications.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { queueEmail } from '../../../store/notification-repository.js';
import { AppError } from '../errors.js';
import {
  accountExists, activeHoldersOf, decideRegistration, disableAccount, findRegistration, insertRegisteredAccount, lockUscc, type Registration,
} from '../identity/registration-repository.js';
import type { Account } from '../identity/roles.js';
import { deleteSessionsOf } from '../identity/session-repository.js';
import type { registrationDecision } from '../schemas/registrations.js';

export interface DecideRegistrationDeps {
  db: Pool;
  clock: Clock;
  /** Where the mailed sign-in link points. */
  publicUrl: string;
}

export type RegistrationDecision = z.infer<typeof registrationDecision>;

/**
 * A reviewer of the registration's unit decides on it while it is pending, in one transaction with the mail to the
 * registrant: a rejection records the reason; an approval creates the applicant account and, as one enterprise has
 * one approved holder, disables whoever holds the USCC now and ends their sessions (a claim). Another unit's
 * registration is not found; a refusal changes nothing.
 */
export async function decideOnRegistration(deps: DecideRegistrationDeps, account: Account, registrationId: string, decision: RegistrationDecision): Promise<{ status: 'approved' | 'rejected' }> {
  const now = deps.clock.now();
  return withTransaction(deps.db, async (client) => {
    const registration = await findRegistration(client, registrationId, true);
    if (!registration || registration.unitId !== account.unitId) throw new AppError('NOT_FOUND');
    if (registration.status !== 'pending') throw new AppError('CONFLICT', registration.status === 'unconfirmed' ? '该注册尚未确认邮箱，不能审核。' : '该注册已经审核过了。');
    return decision.decision === 'reject'
      ? reject(client, deps, account, registration, decision.reason, now)
      : approve(client, deps, account, registration, decision.reason, now);
  });
}

// helpers

async function reject(client: Queryable, deps: DecideRegistrationDeps, account: Account, registration: Registration, reason: string, now: Date) {
  await decideRegistration(client, registration.id, { status: 'rejected', decidedBy: account.username, reason, accountId: null }, now);
  await queueDecisionMail(client, deps.publicUrl, registration, false, reason);
  await insertAuditEntry(client, { actor: account.username, action: 'registration.rejected', subject: `registration:${registration.id}`, detail: { uscc: registration.uscc, reason }, unitId: registration.unitId });
  return { status: 'rejected' as const };
}

async function approve(client: Queryable, deps: DecideRegistrationDeps, account: Account, registration: Registration, reason: string | undefined, now: Date) {
  if (await accountExists(client, registration.username)) throw new AppError('CONFLICT', `用户名“${registration.username}”已被其他账号使用，无法通过；请驳回并请企业换一个用户名重新注册。`);
  // One enterprise, one approved holder: whoever holds the USCC now is disabled and signed out.
  await lockUscc(client, registration.uscc);
  const holders = await activeHoldersOf(client, registration.uscc);
  // A claim filed with another unit must not let that unit disable an enterprise account of this one's home unit.
  if (holders.some((holder) => holder.homeUnitId !== null && holder.homeUnitId !== registration.unitId)) {
    throw new AppError('CONFLICT', '该企业的现有账号属于其他单位，本单位不能通过此认领；请驳回，并请企业向其所属单位重新注册。');
  }
  for (const holder of holders) {
    await disableAccount(client, holder.id);
    await deleteSessionsOf(client, holder.id);
  }
  const accountId = await insertRegisteredAccount(client, registration);
  await decideRegistration(client, registration.id, { status: 'approved', decidedBy: account.username, reason: reason || null, accountId }, now);
  await queueDecisionMail(client, deps.publicUrl, registration, true, null);
  await insertAuditEntry(client, {
    actor: account.username,
    action: registration.kind === 'claim' || holders.length > 0 ? 'registration.claim-approved' : 'registration.approved',
    subject: `registration:${registration.id}`,
    detail: { uscc: registration.uscc, accountId, username: registration.username, disabledHolders: holders.map((holder) => holder.username) },
    unitId: registration.unitId,
  });
  return { status: 'approved' as const };
}

async function queueDecisionMail(client: Queryable, publicUrl: string, registration: Registration, approved: boolean, reason: string | null): Promise<void> {
  const unitName = unitNameOf(registration.unitId);
  const mail = decisionMail({ enterpriseName: registration.enterpriseName, unitName, username: registration.username, approved, reason, signInUrl: `${publicUrl}/login` });
  await queueEmail(client, { eventKey: `registration:${registration.id}:decision`, recipient: registration.email, ...mail }, MESSAGE_ID_DOMAIN);
}
