import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../../platform/database.js';
import { accountGroupsColumn, toAccount, type AccountColumns } from './account-repository.js';
import type { Account } from './roles.js';

/** A signed-in session as the authentication plugin sees it. */
export interface Session {
  tokenHash: string;
  csrfToken: string;
  account: Account;
}

/** The stored form of a session token: its SHA-256, so the table alone opens nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a session and returns the token for the cookie and the CSRF token for the client. */
export async function createSession(db: Queryable, accountId: number, expiresAt: Date): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.query('INSERT INTO session (token_hash, account_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [hashToken(token), accountId, csrfToken, expiresAt]);
  return { token, csrfToken };
}

interface SessionRow extends AccountColumns {
  token_hash: string;
  csrf_token: string;
}

/** The live session for a cookie token at `now`, with its account; none when expired or the account is disabled. */
export async function findSession(db: Queryable, token: string, now: Date): Promise<Session | undefined> {
  const result = await db.query<SessionRow>(
    `SELECT s.token_hash, s.csrf_token, a.id, a.username, a.display_name, a.role, a.unit_id, a.enterprise_uscc, a.unit_admin, ${accountGroupsColumn('a')}
       FROM session s JOIN account a ON a.id = s.account_id
      WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT a.disabled`,
    [hashToken(token), now],
  );
  const row = result.rows[0];
  if (!row) return undefined;
  return { tokenHash: row.token_hash, csrfToken: row.csrf_token, account: toAccount(row) };
}

/** Ends one session. */
export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM session WHERE token_hash = $1', [tokenHash]);
}

/** Ends every other session of the account (after a password change); returns how many. */
export async function deleteOtherSessions(db: Queryable, accountId: number, keepTokenHash: string): Promise<number> {
  const result = await db.query('DELETE FROM session WHERE account_id = $1 AND token_hash <> $2', [accountId, keepTokenHash]);
  return result.rowCount ?? 0;
}

/** Ends every session of the account (disabled, its rights changed, a new initial password); returns how many. */
export async function deleteSessionsOf(db: Queryable, accountId: number): Promise<number> {
  const result = await db.query('DELETE FROM session WHERE account_id = $1', [accountId]);
  return result.rowCount ?? 0;
}
