import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../../../domain/registration.js';
import { timestamp } from './common.js';

// Enterprise registration, e-mail confirmation, the unit's decision, password reset (routes/registrations.ts,
// routes/password-reset.ts). Imports only zod and domain/, like every schema file: the browser parses with them.

const text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max, `不超过${max}个字符`);

/** A new password: at least 10 characters. */
export const newPassword = z.string().min(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`).max(128, '密码不超过128个字符');

export const registrationFileView = z.object({ fileId: z.uuid(), fileName: z.string(), size: z.number() });

export const registrationRequest = z.object({
  uscc: z.string().trim().min(1, '请输入统一社会信用代码').max(40),
  usccAsPrinted: z.boolean().default(false),
  enterpriseName: text(200, '请输入企业名称'),
  unitId: z.string().min(1, '请选择所属单位').max(20),
  legalRepresentative: text(50, '请输入法定代表人'),
  contactName: text(50, '请输入联系人'),
  contactPhone: z.string().trim().regex(/^[0-9+\-() ]{5,30}$/, '请输入正确的联系电话'),
  email: z.string().trim().max(254).regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, '请输入正确的电子邮箱'),
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,64}$/, '用户名为3至64位小写字母、数字、点、下划线或连字符'),
  password: newPassword,
  licenceFileId: z.uuid('请上传营业执照'),
  authorisationFileId: z.uuid('请上传授权书'),
});

export const registrationSubmitted = z.object({ kind: z.enum(['new', 'claim']), email: z.string() });

export const tokenRequest = z.object({ token: z.string().min(1).max(100) });
export const registrationConfirmed = z.object({ status: z.literal('pending'), unitName: z.string() });

export const registrationParams = z.object({ registrationId: z.uuid() });
export const registrationFileParams = z.object({ registrationId: z.uuid(), fileKind: z.enum(['licence', 'authorisation']) });

const registrationStatus = z.enum(['unconfirmed', 'pending', 'approved', 'rejected']);

export const registrationSummary = z.object({
  id: z.string(),
  uscc: z.string(),
  enterpriseName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: z.enum(['new', 'claim']),
  status: registrationStatus,
  checksumFails: z.boolean(),
  createdAt: timestamp,
});
export const registrationList = z.array(registrationSummary);

const fileInfo = z.object({ fileName: z.string(), sizeBytes: z.number(), mediaType: z.string() });

export const registrationDetail = registrationSummary.extend({
  usccAsPrinted: z.boolean(),
  legalRepresentative: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  email: z.string(),
  username: z.string(),
  confirmedAt: timestamp.nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  decisionReason: z.string().nullable(),
  licence: fileInfo,
  authorisation: fileInfo,
  /** For a claim: the accounts that hold the USCC now. */
  holders: z.array(z.object({ username: z.string(), displayName: z.string(), since: timestamp })),
});

export const registrationDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), reason: z.string().trim().max(500).optional() }),
  z.object({ decision: z.literal('reject'), reason: z.string().trim().min(1, '驳回须写明原因').max(500, '不超过500个字符') }),
]);
export const registrationDecided = z.object({ status: z.enum(['approved', 'rejected']) });

export const passwordResetRequest = z.object({ username: z.string().trim().toLowerCase().min(1, '请输入用户名').max(64) });
export const passwordResetConfirmation = z.object({ token: z.string().min(1).max(100), newPassword });

export type RegistrationRequest = z.infer<typeof registrationRequest>;
export type RegistrationDetail = z.infer<typeof registrationDetail>;
export type RegistrationSummary = z.infer<typeof registrationSummary>;
