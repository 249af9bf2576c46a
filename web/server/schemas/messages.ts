import { z } from 'zod';
import { timestamp } from './common.js';

// The signed-in account's in-app messages (routes/messages.ts): its own, its unit's or its enterprise's, each with
// this account's own read state.

/** A file a letter carries, downloaded at /api/attachments/:id. */
export const messageAttachment = z.object({ id: z.uuid(), fileName: z.string() });

export const messageView = z.object({
  id: z.number(),
  title: z.string(),
  body: z.string(),
  createdAt: timestamp,
  /** Whether this account has read it (another account of the same unit or enterprise may not have). */
  read: z.boolean(),
  /** Who wrote it: the province, a unit's bureau, or 系统通知; never a person's user name. */
  author: z.string(),
  /** The letter it is a copy of, if any. */
  letterId: z.number().nullable(),
  attachments: z.array(messageAttachment),
});
export const messageList = z.array(messageView);
export const messageParams = z.object({ messageId: z.coerce.number().int().positive().max(2 ** 53) });
export const unreadCountAnswer = z.object({ unread: z.number().int().nonnegative() });

export type MessageView = z.infer<typeof messageView>;
