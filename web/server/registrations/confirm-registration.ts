import type { Clock } from '../../../platform/clock.js';
import { withTransaction, type Pool } from '../../../platform/database.js';
import { unitNameOf } from '../../../domain/units.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { AppError } from '../errors.js';
import { useAccountToken } from '../identity/account-token-repository.js';
import { findRegistration, markRegistrationConfirmed } from '../identity/registration-repository.js';

/**
 * Confirms a registration's e-mail with its mailed one-use token (valid 24 h): the registration then waits for its
 * unit. An unknown, expired or used token, or a registration no longer unconfirmed, changes nothing.
 */
export async function confirmRegistration(deps: { db: Pool; clock: Clock }, token: string): Promise<{ status: 'pending'; unitName: string }> {
  const now = deps.clock.now();
  return withTransaction(deps.db, async (client) => {
    const used = await useAccountToken(client, 'confirm-email', token, now);
    const registration = used?.registrationId ? await findRegistration(client, used.registrationId, true) : undefined;
    if (!registration || !(await markRegistrationConfirmed(client, registration.id, now))) {
      throw new AppError('LINK_EXPIRED', '链接已失效或已使用：确认链接24小时内有效且只能使用一次。如尚未完成注册，请重新注册。');
    }
    await insertAuditEntry(client, { actor: registration.username, action: 'registration.confirmed', subject: `registration:${registration.id}`, detail: { email: registration.email }, unitId: registration.unitId });
    return { status: 'pending' as const, unitName: unitNameOf(registration.unitId) };
  });
}
