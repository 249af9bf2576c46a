import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../../platform/database.js';
import { hashToken } from './session-repository.js';

// One-use links mailed for an e-mail confirmation or a password reset (migrations/025): only the token's SHA-256
// is stored, so the table alone opens nothing.

/** What a token is for, as the database's CHECK holds it. */
export const tokenPurposes = ['confirm-email', 'reset-password'] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

/** A stored token that is still usable. */
export interface UsableToken {
  tokenHash: string;
  registrationId: string | null;
  accountId: number | null;
}

/** Creates a token for a registration's confirmation or an account's reset; returns the token for the link. */
export async function createAccountToken(db: Queryable, purpose: TokenPurpose, subject: { registrationId?: string; accountId?: number }, expiresAt: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    'INSERT INTO account_token (token_hash, purpose, registration_id, account_id, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [hashToken(token), purpose, subject.registrationId ?? null, subject.accountId ?? null, expiresAt],
  );
  return token;
}

/**
 * Marks a usable token of that purpose used and returns it, in one statement, so two uses racing get it once;
 * undefined when the token is unknown, expired or already used.
 */
export async function useAccountToken(db: Queryable, purpose: TokenPurpose, token: string, now: Date): Promise<UsableToken | undefined> {
  const result = await db.query<{ token_hash: string; registration_id: string | null; account_id: string | null }>(
    `UPDATE account_token SET used_at = $3
      WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
      RETURNING token_hash, registration_id, account_id`,
    [hashToken(token), purpose, now],
  );
  const row = result.rows[0];
  return row && { tokenHash: row.token_hash, registrationId: row.registration_id, accountId: row.account_id === null ? null : Number(row.account_id) };
}

/** Marks every unused reset token of an account used: one reset spends all links mailed before it. */
export async function retireResetTokens(db: Queryable, accountId: number, now: Date): Promise<void> {
  await db.query(`UPDATE account_token SET used_at = $2 WHERE account_id = $1 AND purpose = 'reset-password' AND used_at IS NULL`, [accountId, now]);
}
