import { z } from 'zod';
import { noticeKinds, noticeTextKeys, type NoticeKind, type NoticeTextKey } from '../../../domain/notice-texts.js';
import { timestamp } from './common.js';

// The notice texts page (/calls/:callId/notices; routes/notice-texts.ts): a call's texts, the catalogue they follow,
// their versions, a save as a new version and a preview with sample values.

const textKey = z.enum(noticeTextKeys as [NoticeTextKey, ...NoticeTextKey[]]);
const noticeKind = z.enum(Object.keys(noticeKinds) as [NoticeKind, ...NoticeKind[]]);

/** The texts as the page sends them: every text of the catalogue, checked by the route with the catalogue's rules. */
export const noticeTextsDraft = z.strictObject(
  Object.fromEntries(noticeTextKeys.map((key) => [key, z.string({ error: '请填写通知文字' }).max(5000, '通知文字过长')])) as Record<NoticeTextKey, z.ZodString>,
);

/** One text of the catalogue: its notice, name, use, placeholders (with what each stands for) and rules. */
export const noticeTextEntry = z.object({
  key: textKey,
  notice: noticeKind,
  name: z.string(),
  usage: z.string(),
  placeholders: z.array(z.object({ name: z.string(), label: z.string() })),
  defaultText: z.string(),
  singleLine: z.boolean(),
  mayBeEmpty: z.boolean(),
});

export const noticeTextVersionEntry = z.object({ version: z.number(), createdBy: z.string(), createdAt: timestamp, texts: noticeTextsDraft });

/** GET /api/calls/:callId/notice-texts. */
export const noticeTextsAnswer = z.object({
  callId: z.string(),
  callTitle: z.string(),
  /** The current version, what new notices are worded with. */
  version: z.number(),
  texts: noticeTextsDraft,
  notices: z.array(z.object({ kind: noticeKind, name: z.string(), sentTo: z.string(), mail: z.boolean() })),
  catalogue: z.array(noticeTextEntry),
  /** Newest first. */
  versions: z.array(noticeTextVersionEntry),
});

/** PUT /api/calls/:callId/notice-texts: the texts and the version they were edited from (a newer one refuses the save). */
export const noticeTextsSave = z.object({ baseVersion: z.number().int().min(1), texts: noticeTextsDraft });

/** The answer to a save: the texts as now stored, and whether a version was made (false when nothing changed). */
export const noticeTextsSaved = noticeTextsAnswer.extend({ saved: z.boolean() });

/** POST /api/calls/:callId/notice-texts/preview: the texts to render. */
export const noticeTextsPreviewRequest = z.object({ texts: noticeTextsDraft });

const renderedNotice = z.object({ title: z.string(), body: z.string() });

/** The samples rendered, and the problems saving these texts would meet (the preview renders them anyway). */
export const noticeTextsPreview = z.object({
  samples: z.array(z.object({ notice: noticeKind, example: z.string(), inApp: renderedNotice, mail: z.object({ subject: z.string(), body: z.string() }).nullable() })),
  problems: z.array(z.object({ key: textKey, placeholder: z.string().nullable(), message: z.string() })),
});

export type NoticeTextsDraft = z.infer<typeof noticeTextsDraft>;
export type NoticeTextsAnswer = z.infer<typeof noticeTextsAnswer>;
export type NoticeTextEntry = z.infer<typeof noticeTextEntry>;
export type NoticeTextsPreview = z.infer<typeof noticeTextsPreview>;
