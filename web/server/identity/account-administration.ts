import type { Pool, PoolClient, Queryable } from '../../../platform/database.js';
import { withTransaction } from '../../../platform/database.js';
import {
  administratorChangeProblems, afterChange, changedFields, endsSessions, isManagedByUnitAdministrator, LAST_ADMINISTRATOR_MESSAGE,
  leavesNoAdministrator, removesActiveAdministrator, unitAdministratorChangeProblems, type AccountChange, type AccountFieldProblem,
} from '../../../domain/account-rules.js';
import { unitNameOf } from '../../../domain/units.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { AppError } from '../errors.js';
import { replacePassword } from './password-replacement.js';
import type { Account, Role } from './roles.js';
import { activeHoldersOf, lockUscc } from './registration-repository.js';
import { deleteSessionsOf } from './session-repository.js';

// 账号管理: the administrator's and a unit administrator's list, creation and changes of accounts, each change in one
// transaction with its audit entry. Accounts are never deleted (audit rows name them): "removing" one disables it.

/** An account as the account pages show it. */
export interface ManagedAccountRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  enterpriseUscc: string | null;
  email: string | null;
  unitAdmin: boolean;
  disabled: boolean;
  createdAt: Date;
}

/** Who manages: the administrator (every account), or a unit administrator (its own unit's city reviewers). */
export type Manager = { kind: 'administrator'; account: Account } | { kind: 'unit-administrator'; account: Account };

/** The list's filters and page. */
export interface AccountFilter {
  role?: Role;
  unitId?: string;
  q?: string;
  disabled?: boolean;
  page: number;
  pageSize: number;
}

interface Row {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  unit_id: string | null;
  enterprise_uscc: string | null;
  email: string | null;
  unit_admin: boolean;
  disabled: boolean;
  created_at: Date;
  total?: string;
}

const COLUMNS = 'a.id, a.username, a.display_name, a.role, a.unit_id, a.enterprise_uscc, a.email, a.unit_admin, a.disabled, a.created_at';

/** One page of accounts matching the filters, by user name, with the count of all matches. */
export async function listAccounts(db: Queryable, filter: AccountFilter): Promise<{ accounts: ManagedAccountRow[]; total: number }> {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (condition: (n: string) => string, value: unknown) => {
    values.push(value);
    where.push(condition(`$${values.length}`));
  };
  if (filter.role) add((n) => `a.role = ${n}`, filter.role);
  if (filter.unitId) add((n) => `a.unit_id = ${n}`, filter.unitId);
  if (filter.disabled !== undefined) add((n) => `a.disabled = ${n}`, filter.disabled);
  if (filter.q) add((n) => `(a.username ILIKE ${n} ESCAPE '\\' OR a.display_name ILIKE ${n} ESCAPE '\\')`, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  values.push(filter.pageSize, (filter.page - 1) * filter.pageSize);
  const result = await db.query<Row>(
    `SELECT ${COLUMNS}, count(*) OVER () AS total FROM account a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.username LIMIT $${values.length - 1} OFFSET $${values.length}`,
    values,
  );
  const total = result.rows[0]?.total;
  if (total === undefined && filter.page > 1) return { accounts: [], total: await countAccounts(db, where, values.slice(0, -2)) };
  return { accounts: result.rows.map(toManaged), total: Number(total ?? 0) };
}

/** A new account's fields, its password already hashed. */
export interface AccountCreationInput {
  username: string;
  displayName: string;
  email: string;
  passwordHash: string;
  role: Role;
  unitId: string | null;
  unitAdmin: boolean;
}

/** Creates an account with its audit entry; a taken user name is refused naming the field. */
export async function createAccount(db: Pool, manager: Manager, input: AccountCreationInput): Promise<ManagedAccountRow> {
  return withTransaction(db, async (client) => {
    const result = await client.query<Row>(
      `INSERT INTO account (username, display_name, password_hash, role, unit_id, email, unit_admin) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (username) DO NOTHING RETURNING ${COLUMNS.replaceAll('a.', '')}`,
      [input.username, input.displayName, input.passwordHash, input.role, input.unitId, input.email, input.unitAdmin],
    );
    const row = result.rows[0];
    if (!row) throw refused([{ field: 'username', message: `用户名“${input.username}”已被使用，请换一个` }]);
    const created = toManaged(row);
    await insertAuditEntry(client, {
      actor: manager.account.username, action: 'account.created', subject: `account:${created.username}`, unitId: created.unitId,
      detail: { by: manager.kind, role: created.role, displayName: created.displayName, email: created.email, unitId: created.unitId, unitAdmin: created.unitAdmin },
    });
    return created;
  });
}

/**
 * Changes an account within the manager's rights, in one transaction: the rules, the last-administrator rule (checked
 * after locking every active administrator's row, so two concurrent removals cannot both pass), the change, the end
 * of its sessions when it is disabled or its role or unit changed, and the audit entries.
 */
export async function changeAccount(db: Pool, manager: Manager, accountId: number, change: AccountChange): Promise<ManagedAccountRow> {
  return withTransaction(db, async (client) => {
    const before = await lockManaged(client, manager, accountId);
    const problems = manager.kind === 'administrator'
      ? administratorChangeProblems(before.account, change)
      : unitAdministratorChangeProblems(manager.account.id, before.account, change);
    if (problems.length) throw refused(problems);
    const after = afterChange(before.account, change);
    if (before.account.role === 'applicant' && before.account.disabled && !after.disabled) await refuseSecondHolder(client, before.account);
    if (removesActiveAdministrator(before.account, after)) {
      if (!before.activeAdministrators) throw new AppError('CONFLICT');
      if (leavesNoAdministrator(before.activeAdministrators, before.account.id)) throw new AppError('CONFLICT', LAST_ADMINISTRATOR_MESSAGE);
    }
    const fields = ['displayName', 'email', 'role', 'unitId', 'unitAdmin'] as const;
    const changes = changedFields(before.account, after, fields);
    const disabledChanges = after.disabled !== before.account.disabled;
    if (!Object.keys(changes).length && !disabledChanges) return before.account;
    await client.query(
      'UPDATE account SET display_name = $2, email = $3, role = $4, unit_id = $5, unit_admin = $6, disabled = $7 WHERE id = $1',
      [accountId, after.displayName, after.email, after.role, after.unitId, after.unitAdmin, after.disabled],
    );
    // A reviewer's sub-groups belong to its unit: moved to another unit or role, it leaves them.
    const groupsRemoved = after.role !== before.account.role || after.unitId !== before.account.unitId
      ? (await client.query<{ group_id: string }>('DELETE FROM account_group WHERE account_id = $1 RETURNING group_id', [accountId])).rows.map((r) => r.group_id).sort()
      : [];
    const sessionsEnded = endsSessions(before.account, after) ? await deleteSessionsOf(client, accountId) : 0;
    const audit = { actor: manager.account.username, subject: `account:${before.account.username}`, unitId: after.unitId ?? before.account.unitId };
    if (Object.keys(changes).length) {
      await insertAuditEntry(client, { ...audit, action: 'account.updated', detail: { by: manager.kind, changes, ...(groupsRemoved.length ? { groupsRemoved } : {}), sessionsEnded: disabledChanges ? 0 : sessionsEnded } });
    }
    if (disabledChanges) {
      await insertAuditEntry(client, { ...audit, action: after.disabled ? 'account.disabled' : 'account.enabled', detail: { by: manager.kind, sessionsEnded: after.disabled ? sessionsEnded : 0 } });
    }
    return { ...after, unitName: unitNameOrNull(after.unitId) };
  });
}

/** Sets a new initial password the manager typed; every session of the account ends. */
export async function setInitialPassword(db: Pool, manager: Manager, accountId: number, passwordHash: string): Promise<void> {
  await withTransaction(db, async (client) => {
    const { account } = await lockManaged(client, manager, accountId);
    if (account.id === manager.account.id) throw refused([{ field: 'password', message: '自己的密码请在“修改密码”中修改' }]);
    const sessionsEnded = await replacePassword(client, { accountId, passwordHash, now: new Date() });
    await insertAuditEntry(client, { actor: manager.account.username, action: 'account.password-set', subject: `account:${account.username}`, unitId: account.unitId, detail: { by: manager.kind, sessionsEnded } });
  });
}

// helpers

/**
 * Locks the account for a change, within the manager's scope (else 404). An active administrator's change first
 * locks every active administrator's row, in id order, so concurrent changes queue on the same rows in the same order.
 */
async function lockManaged(client: PoolClient, manager: Manager, accountId: number): Promise<{ account: ManagedAccountRow; activeAdministrators?: number[] }> {
  const peek = await findManaged(client, manager, accountId, false);
  const activeAdministrators = peek.role === 'administrator' && !peek.disabled
    ? (await client.query<{ id: string }>("SELECT id FROM account WHERE role = 'administrator' AND NOT disabled ORDER BY id FOR UPDATE")).rows.map((r) => Number(r.id))
    : undefined;
  const account = await findManaged(client, manager, accountId, true);
  return activeAdministrators ? { account, activeAdministrators } : { account };
}

/**
 * One enterprise, one active holder: an enterprise account may be enabled again only while no other account of its
 * USCC is active (a claim's approval disabled it). Locked as registration approvals lock the USCC.
 */
async function refuseSecondHolder(client: PoolClient, account: ManagedAccountRow): Promise<void> {
  await lockUscc(client, account.enterpriseUscc!);
  const others = (await activeHoldersOf(client, account.enterpriseUscc!)).filter((holder) => holder.id !== account.id);
  if (others.length) {
    throw new AppError('CONFLICT', `该企业已有启用的账号（${others.map((holder) => holder.username).join('、')}），一个企业只能有一个启用的账号；请先停用该账号。`);
  }
}

async function findManaged(db: Queryable, manager: Manager, accountId: number, forUpdate: boolean): Promise<ManagedAccountRow> {
  const result = await db.query<Row>(`SELECT ${COLUMNS} FROM account a WHERE a.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [accountId]);
  const row = result.rows[0];
  const account = row && toManaged(row);
  if (!account || (manager.kind === 'unit-administrator' && !isManagedByUnitAdministrator(manager.account, account))) {
    throw new AppError('NOT_FOUND', '没有找到这个账号，请刷新列表。');
  }
  return account;
}

async function countAccounts(db: Queryable, where: string[], values: unknown[]): Promise<number> {
  const result = await db.query<{ n: string }>(`SELECT count(*) AS n FROM account a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, values);
  return Number(result.rows[0]!.n);
}

function refused(problems: AccountFieldProblem[]): AppError {
  return new AppError('VALIDATION_FAILED', problems[0]!.message, problems.map(({ field, message }) => ({ path: `body.${field}`, message })));
}

function unitNameOrNull(unitId: string | null): string | null {
  return unitId ? unitNameOf(unitId) : null;
}

function toManaged(row: Row): ManagedAccountRow {
  return {
    id: Number(row.id), username: row.username, displayName: row.display_name, role: row.role, unitId: row.unit_id, unitName: unitNameOrNull(row.unit_id),
    enterpriseUscc: row.enterprise_uscc, email: row.email, unitAdmin: row.unit_admin, disabled: row.disabled, createdAt: row.created_at,
  };
}
