import type { Account } from '../identity/roles.js';

/**
 * The identity a new draft starts with: the enterprise the account is bound to. The USCC is always the account's
 * own (the server refuses any other at submission); the name is the account's, unless the draft already has one.
 */
export function withAccountIdentity(account: Pick<Account, 'displayName' | 'enterpriseUscc'>, data: Record<string, unknown>): Record<string, unknown> {
  const named = typeof data.enterpriseName === 'string' && data.enterpriseName.trim() !== '';
  return { ...data, enterpriseName: named ? data.enterpriseName : account.displayName, uscc: account.enterpriseUscc };
}
