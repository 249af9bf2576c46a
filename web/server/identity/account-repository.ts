import type { Queryable } from '../../../platform/database.js';
import type { Account, Role } from './roles.js';

/** The account columns every query that returns an account selects. */
export interface AccountColumns {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  unit_id: string | null;
  enterprise_uscc: string | null;
  /** The account's extra engine groups (account_group), selected with accountGroupsColumn. */
  groups: string[];
  unit_admin: boolean;
}

interface AccountRow extends AccountColumns {
  password_hash: string;
  disabled: boolean;
}

/** The select-list expression of an account's extra groups, for a query whose account table is aliased `alias`. */
export function accountGroupsColumn(alias: string): string {
  return `ARRAY(SELECT g.group_id FROM account_group g WHERE g.account_id = ${alias}.id ORDER BY g.group_id) AS groups`;
}

const COLUMNS = `a.id, a.username, a.display_name, a.role, a.unit_id, a.enterprise_uscc, a.unit_admin, a.password_hash, a.disabled, ${accountGroupsColumn('a')}`;

/** An account from its columns. */
export function toAccount(row: AccountColumns): Account {
  return { id: Number(row.id), username: row.username, displayName: row.display_name, role: row.role, unitId: row.unit_id, enterpriseUscc: row.enterprise_uscc, groups: row.groups, unitAdmin: row.unit_admin };
}

/** An account with what sign-in needs to check. */
export interface AccountWithCredentials {
  account: Account;
  passwordHash: string;
  disabled: boolean;
}

/** Finds an account by user name, with its password hash. */
export async function findAccountByUsername(db: Queryable, username: string): Promise<AccountWithCredentials | undefined> {
  const result = await db.query<AccountRow>(`SELECT ${COLUMNS} FROM account a WHERE a.username = $1`, [username]);
  const row = result.rows[0];
  return row && { account: toAccount(row), passwordHash: row.password_hash, disabled: row.disabled };
}

/** Finds an account by id, with its password hash. */
export async function findAccountById(db: Queryable, id: number): Promise<AccountWithCredentials | undefined> {
  const result = await db.query<AccountRow>(`SELECT ${COLUMNS} FROM account a WHERE a.id = $1`, [id]);
  const row = result.rows[0];
  return row && { account: toAccount(row), passwordHash: row.password_hash, disabled: row.disabled };
}

export interface NewAccount {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  unitId?: string | null;
  enterpriseUscc?: string | null;
  email?: string | null;
  /** City reviewers only: manages its own unit's reviewers. */
  unitAdmin?: boolean;
  /** Applicants only: the unit that approved the enterprise's registration. */
  homeUnitId?: string | null;
}

/** Inserts an account unless the user name exists; returns whether it was inserted. */
export async function insertAccountIfMissing(db: Queryable, account: NewAccount): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO account (username, display_name, password_hash, role, unit_id, enterprise_uscc, email, unit_admin, home_unit_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (username) DO NOTHING`,
    [account.username, account.displayName, account.passwordHash, account.role, account.unitId ?? null, account.enterpriseUscc ?? null,
      account.email ?? null, account.unitAdmin ?? false, account.homeUnitId ?? null],
  );
  return result.rowCount === 1;
}

/** Replaces an account's password hash. */
export async function updatePasswordHash(db: Queryable, accountId: number, passwordHash: string): Promise<void> {
  await db.query('UPDATE account SET password_hash = $2, password_changed_at = now() WHERE id = $1', [accountId, passwordHash]);
}
