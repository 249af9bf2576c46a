import { isUnitId } from './units.js';

// 账号管理: which accounts the administrator and a unit administrator (单位管理员, a city reviewer of its unit) may
// manage, what an account's fields must satisfy, and the last-administrator rule. Role codes are those of
// web/server/identity/roles.ts (domain/ imports no web/ code); test/domain/account-rules.test.ts holds them together.

/** The refusal of a change that would leave no active administrator. */
export const LAST_ADMINISTRATOR_MESSAGE = '不能停用或变更最后一个管理员账号';

/** The roles the administrator creates accounts of: every role but the enterprise's, whose accounts registration makes. */
export const administeredRoles = ['province-officer', 'division-head', 'finance', 'leadership', 'expert', 'city-reviewer', 'administrator'] as const;
export type AdministeredRole = (typeof administeredRoles)[number];

/** A user name as the account table's CHECK takes it. */
export const usernamePattern = /^[a-z0-9._-]{3,64}$/;
/** The shortest initial password an administrator may set. */
export const initialPasswordMinLength = 10;

/** A problem of one field of a change, in Chinese. */
export interface AccountFieldProblem {
  field: 'username' | 'displayName' | 'email' | 'password' | 'role' | 'unitId' | 'unitAdmin' | 'disabled';
  message: string;
}

/** What the rules read of an account. */
export interface AccountState {
  id: number;
  role: string;
  unitId: string | null;
  unitAdmin: boolean;
  disabled: boolean;
}

/** The fields a change may set; what it omits stays as it is. */
export interface AccountChange {
  displayName?: string;
  email?: string;
  role?: string;
  unitId?: string | null;
  unitAdmin?: boolean;
  disabled?: boolean;
}

/** The account as it would be after a change. */
export function afterChange<T extends AccountState>(before: T, change: AccountChange): T {
  const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
  return { ...before, ...defined };
}

/** The shape rules of any account: a unit exactly for city reviewers, a known unit, the unit-admin flag only for them. */
export function accountShapeProblems(account: Pick<AccountState, 'role' | 'unitId' | 'unitAdmin'>): AccountFieldProblem[] {
  const problems: AccountFieldProblem[] = [];
  const reviewer = account.role === 'city-reviewer';
  if (reviewer && !account.unitId) problems.push({ field: 'unitId', message: '市级审核人员须选择所属单位' });
  if (!reviewer && account.unitId) problems.push({ field: 'unitId', message: '只有市级审核人员有所属单位，请清除所属单位' });
  if (account.unitId && !isUnitId(account.unitId)) problems.push({ field: 'unitId', message: `没有编号为“${account.unitId}”的单位` });
  if (!reviewer && account.unitAdmin) problems.push({ field: 'unitAdmin', message: '只有市级审核人员可以设为单位管理员' });
  return problems;
}

/**
 * The problems of the administrator's change to an account. An administrator may disable itself or take another
 * role while another administrator stays active; the last-administrator rule (checked under lock) holds the rest.
 */
export function administratorChangeProblems(before: AccountState, change: AccountChange): AccountFieldProblem[] {
  const problems: AccountFieldProblem[] = [];
  const roleChanges = change.role !== undefined && change.role !== before.role;
  if (roleChanges && before.role === 'applicant') problems.push({ field: 'role', message: '企业账号的角色不能修改' });
  else if (roleChanges && change.role === 'applicant') problems.push({ field: 'role', message: '不能改为申报企业账号：企业账号由企业注册产生' });
  if (before.role === 'applicant') return problems; // an enterprise's account has no unit and no flag to check
  return [...problems, ...accountShapeProblems(afterChange(before, change))];
}

/** The problems of a unit administrator's change to a reviewer of its own unit (role and unit it never sends). */
export function unitAdministratorChangeProblems(actorId: number, before: AccountState, change: AccountChange): AccountFieldProblem[] {
  const problems: AccountFieldProblem[] = [];
  if (change.role !== undefined && change.role !== before.role) problems.push({ field: 'role', message: '单位管理员不能修改账号的角色' });
  if (change.unitId !== undefined && change.unitId !== before.unitId) problems.push({ field: 'unitId', message: '单位管理员不能修改账号的所属单位' });
  if (change.disabled === true && before.id === actorId) problems.push({ field: 'disabled', message: '不能停用自己的账号' });
  return problems;
}

/** Whether a unit administrator may manage this account at all: a city reviewer of its own unit. */
export function isManagedByUnitAdministrator(unitAdministrator: { unitId: string | null; unitAdmin: boolean }, account: { role: string; unitId: string | null }): boolean {
  return unitAdministrator.unitAdmin && unitAdministrator.unitId !== null && account.role === 'city-reviewer' && account.unitId === unitAdministrator.unitId;
}

/** Whether the change takes an active administrator away: disables it or gives it another role. */
export function removesActiveAdministrator(before: Pick<AccountState, 'role' | 'disabled'>, after: Pick<AccountState, 'role' | 'disabled'>): boolean {
  return before.role === 'administrator' && !before.disabled && (after.disabled || after.role !== 'administrator');
}

/** Whether the active administrators left after removing `accountId` would be none. */
export function leavesNoAdministrator(activeAdministratorIds: readonly number[], accountId: number): boolean {
  return activeAdministratorIds.filter((id) => id !== accountId).length === 0;
}

/** Whether the change ends the account's open sessions: disabled, or its rights changed (role or unit). */
export function endsSessions(before: Pick<AccountState, 'role' | 'unitId' | 'disabled'>, after: Pick<AccountState, 'role' | 'unitId' | 'disabled'>): boolean {
  return (after.disabled && !before.disabled) || after.role !== before.role || after.unitId !== before.unitId;
}

/** The fields whose value differs, each with its value before and after (for the audit entry). */
export function changedFields<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): Record<string, { from: unknown; to: unknown }> {
  return Object.fromEntries(fields.filter((field) => before[field] !== after[field]).map((field) => [field, { from: before[field], to: after[field] }]));
}
