import type { Queryable } from '../../../platform/database.js';
import { updatePasswordHash } from './account-repository.js';
import { retireResetTokens } from './account-token-repository.js';
import { deleteOtherSessions, deleteSessionsOf } from './session-repository.js';

/**
 * A new password holds alone, however it was set (changed by oneself, a reset link, an initial password): the hash
 * replaced, the account's sessions ended (all, or all but the one that changed it) and every reset link mailed
 * before it spent, in the caller's transaction. Returns how many sessions ended.
 */
export async function replacePassword(db: Queryable, change: { accountId: number; passwordHash: string; now: Date; keepSessionHash?: string }): Promise<number> {
  await updatePasswordHash(db, change.accountId, change.passwordHash);
  const ended = change.keepSessionHash === undefined
    ? await deleteSessionsOf(db, change.accountId)
    : await deleteOtherSessions(db, change.accountId, change.keepSessionHash);
  await retireResetTokens(db, change.accountId, change.now);
  return ended;
}
