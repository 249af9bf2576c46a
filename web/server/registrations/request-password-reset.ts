import { linkExpiry, resetMail, RESET_HOURS } from '../../../domain/registration.js';
import type { Clock } from '../../../platform/clock.js';
import { withTransaction, type Pool } from '../../../platform/database.js';
import { MESSAGE_ID_DOMAIN } from '../../../store/applicant-notifications.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { queueEmail } from '../../../store/notification-repository.js';
import { createAccountToken } from '../identity/account-token-repository.js';
import { resettableAccount } from '../identity/registration-repository.js';
import { hashToken } from '../identity/session-repository.js';

export interface RequestPasswordResetDeps {
  db: Pool;
  clock: Clock;
  /** Where the mailed reset link points. */
  publicUrl: string;
}

/**
 * Mails a one-use reset link (valid 1 h) to an active account's address; for an unknown, disabled or mail-less name
 * it does nothing, and says nothing either way, so it tells nobody which names exist.
 */
export async function requestPasswordReset(deps: RequestPasswordResetDeps, username: string): Promise<void> {
  const account = await resettableAccount(deps.db, username);
  if (!account) return;
  const now = deps.clock.now();
  await withTransaction(deps.db, async (client) => {
    const token = await createAccountToken(client, 'reset-password', { accountId: account.id }, linkExpiry(now, RESET_HOURS));
    const mail = resetMail({ username: account.username, link: `${deps.publicUrl}/password-reset/${token}` });
    await queueEmail(client, { eventKey: `password-reset:${hashToken(token)}`, recipient: account.email, ...mail, carriesSecret: true }, MESSAGE_ID_DOMAIN);
    await insertAuditEntry(client, { actor: account.username, action: 'account.password-reset-requested', subject: `account:${account.id}`, detail: { expiresAt: linkExpiry(now, RESET_HOURS).toISOString() } });
  });
}
