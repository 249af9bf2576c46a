import type { Clock } from '../../../platform/clock.js';
import { withTransaction, type Pool } from '../../../platform/database.js';
import { hashPassword } from '../../../platform/password.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { AppError } from '../errors.js';
import { useAccountToken } from '../identity/account-token-repository.js';
import { findResetAccount } from '../identity/registration-repository.js';
import { replacePassword } from '../identity/password-replacement.js';

/**
 * Sets a new password with a mailed reset token, in one transaction: every session of the account ends and every
 * other reset link mailed to it is spent. An unknown, expired or used token, or a disabled account, changes nothing.
 */
export async function resetPassword(deps: { db: Pool; clock: Clock }, token: string, newPassword: string): Promise<void> {
  const now = deps.clock.now();
  const passwordHash = await hashPassword(newPassword);
  await withTransaction(deps.db, async (client) => {
    const used = await useAccountToken(client, 'reset-password', token, now);
    const account = used?.accountId ? await findResetAccount(client, used.accountId) : undefined;
    if (!account) throw new AppError('LINK_EXPIRED', '链接已失效或已使用：重置密码链接1小时内有效且只能使用一次，请重新申请。');
    const sessions = await replacePassword(client, { accountId: account.id, passwordHash, now });
    await insertAuditEntry(client, { actor: account.username, action: 'account.password-reset', subject: `account:${account.id}`, detail: { endedSessions: sessions } });
  });
}
