import { z } from 'zod';
import { attachmentReference } from '../../../domain/attachment-reference.js';
import { letterAudiences } from '../../../domain/letter-audience.js';
import { timestamp } from './common.js';
import { messageAttachment } from './messages.js';

// Letters (routes/letters.ts): the province writes to units, a unit to its own enterprises.

/** A letter to send: to every recipient the writer may write to, or to a list (unit ids or USCCs). */
export const letterRequest = z.object({
  audience: z.enum(letterAudiences, { error: '请选择收信对象' }),
  recipients: z.union([
    z.literal('all'),
    z.array(z.string().trim().min(1, '不能为空').max(64, '不能超过64个字'), { error: '请选择收信单位或企业' }).min(1, '请至少选择一个收信单位或企业').max(5000),
  ], { error: '请选择收信单位或企业' }),
  // The title is each mail's Subject header: one line, no control characters.
  title: z.string({ error: '请填写标题' }).trim().min(1, '请填写标题').max(100, '标题不能超过100个字')
    .regex(/^[^\u0000-\u001f\u007f\u2028\u2029]*$/, '标题不能换行或包含控制字符'),
  body: z.string({ error: '请填写正文' }).trim().min(1, '请填写正文').max(5000, '正文不能超过5000个字'),
  attachments: z.array(attachmentReference).max(10, '附件不能超过10个').default([]),
});

export const letterSent = z.object({ id: z.number(), recipients: z.number(), mails: z.number() });

/** Whom the signed-in writer may write to. */
export const letterRecipientsAnswer = z.object({
  audience: z.enum(letterAudiences),
  recipients: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** A letter as its writer sees it: each recipient with whether it has been read there. */
export const sentLetterView = z.object({
  id: z.number(),
  audience: z.enum(letterAudiences),
  title: z.string(),
  body: z.string(),
  createdAt: timestamp,
  attachments: z.array(messageAttachment),
  recipients: z.array(z.object({ id: z.string(), name: z.string(), read: z.boolean() })),
  readCount: z.number(),
});
export const sentLetterList = z.array(sentLetterView);

export type LetterRequest = z.infer<typeof letterRequest>;
export type SentLetterView = z.infer<typeof sentLetterView>;
