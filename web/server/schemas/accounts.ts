import { z } from 'zod';
import { administeredRoles, initialPasswordMinLength, usernamePattern } from '../../../domain/account-rules.js';
import { roles } from '../identity/roles.js';
import { timestamp } from './common.js';

// 账号管理 (routes/accounts.ts): the administrator's /api/accounts and a unit administrator's /api/my-unit/accounts.
// identity/roles.ts imports only domain/, so the browser bundle may load this file.

/** The account of a path. */
export const accountParams = z.object({ accountId: z.coerce.number({ error: '账号编号须为数字' }).int('账号编号须为整数').positive('账号编号须为正数') });

/** The administrator's filters and page of the account list. */
export const accountListQuery = z.object({
  role: z.enum(roles, { error: '没有这个角色' }).optional(),
  unitId: z.string().max(20, '单位编号过长').optional(),
  /** Part of the user name or the display name. */
  q: z.string().trim().max(64, '查询内容最多 64 个字符').optional(),
  disabled: z.enum(['true', 'false'], { error: '须为 true 或 false' }).transform((value) => value === 'true').optional(),
  page: z.coerce.number({ error: '页码须为数字' }).int('页码须为整数').min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number({ error: '每页条数须为数字' }).int('每页条数须为整数').min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(20),
});

/** An account as the account pages show it; never its password hash. */
export const managedAccount = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  enterpriseUscc: z.string().nullable(),
  email: z.string().nullable(),
  unitAdmin: z.boolean(),
  disabled: z.boolean(),
  createdAt: timestamp,
});

/** One page of accounts and how many match in all. */
export const accountPage = z.object({ accounts: z.array(managedAccount), total: z.number(), page: z.number(), pageSize: z.number() });

/** A unit administrator's list: its unit's city reviewers. */
export const unitAccountList = z.object({ unitId: z.string(), unitName: z.string(), accounts: z.array(managedAccount) });

const username = z.string({ error: '请填写用户名' }).trim().toLowerCase().regex(usernamePattern, '用户名须为 3–64 位小写字母、数字或 . _ -');
const displayName = z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(100, '姓名最多 100 个字符');
const email = z.string({ error: '请填写电子邮箱' }).trim().max(254, '电子邮箱最多 254 个字符').pipe(z.email({ error: '请填写有效的电子邮箱' }));
const password = z.string({ error: '请填写初始密码' }).min(initialPasswordMinLength, `初始密码至少 ${initialPasswordMinLength} 个字符`).max(128, '初始密码最多 128 个字符');
const unitId = z.string({ error: '单位编号须为文本' }).max(20, '单位编号过长').nullable();
const unitAdmin = z.boolean({ error: '单位管理员须为是或否' });
const disabled = z.boolean({ error: '停用须为是或否' });
const someField = (body: object) => Object.values(body).some((value) => value !== undefined);

/** A new account the administrator creates, with the initial password it types. */
export const accountCreation = z.object({
  username,
  displayName,
  email,
  password,
  role: z.enum(administeredRoles, { error: '请选择角色（企业账号由企业注册产生）' }),
  unitId: unitId.optional(),
  unitAdmin: unitAdmin.optional(),
});

/** The administrator's change of an account: only the fields sent change. */
export const accountChange = z.object({
  displayName: displayName.optional(),
  email: email.optional(),
  role: z.enum(roles, { error: '没有这个角色' }).optional(),
  unitId: unitId.optional(),
  unitAdmin: unitAdmin.optional(),
  disabled: disabled.optional(),
}).refine(someField, { message: '没有要修改的内容' });

/** A new initial password; the account's sessions end. */
export const passwordSetting = z.object({ password });

/** A new city reviewer of the unit administrator's own unit. */
export const unitAccountCreation = z.object({ username, displayName, email, password, unitAdmin: unitAdmin.optional() });

/** A unit administrator's change of a reviewer of its unit; role and unit are refused unless unchanged. */
export const unitAccountChange = z.object({
  displayName: displayName.optional(),
  email: email.optional(),
  unitAdmin: unitAdmin.optional(),
  disabled: disabled.optional(),
  role: z.enum(roles, { error: '没有这个角色' }).optional(),
  unitId: unitId.optional(),
}).refine(someField, { message: '没有要修改的内容' });

export type ManagedAccount = z.infer<typeof managedAccount>;
export type AccountListQuery = z.infer<typeof accountListQuery>;
export type AccountCreation = z.infer<typeof accountCreation>;
export type AccountChangeBody = z.infer<typeof accountChange>;
export type UnitAccountCreation = z.infer<typeof unitAccountCreation>;
export type UnitAccountChange = z.infer<typeof unitAccountChange>;
