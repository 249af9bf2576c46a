import { z } from 'zod';
import { roles } from '../identity/roles.js';

// Sign in, who am I, sign out, change password (routes/session.ts). identity/roles.ts imports only domain/.

export const accountView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  unitId: z.string().nullable(),
  enterpriseUscc: z.string().nullable(),
  /** The account's extra groups (单位分组), e.g. `city130100leader`. */
  groups: z.array(z.string()),
  /** A city reviewer who manages its own unit's reviewer accounts (单位管理员). */
  unitAdmin: z.boolean(),
  candidateGroups: z.array(z.string()),
});
export const sessionView = z.object({ account: accountView, csrfToken: z.string() });

const password = z.string().min(1, '请输入密码').max(128);
export const signIn = z.object({ username: z.string().trim().toLowerCase().min(1, '请输入用户名').max(64), password });
export const passwordChange = z.object({ currentPassword: password, newPassword: z.string().min(10, '新密码至少 10 个字符').max(128) })
  .refine((body) => body.newPassword !== body.currentPassword, { path: ['newPassword'], message: '新密码不能与原密码相同' });

export type AccountView = z.infer<typeof accountView>;
export type SessionView = z.infer<typeof sessionView>;
export type PasswordChange = z.infer<typeof passwordChange>;
