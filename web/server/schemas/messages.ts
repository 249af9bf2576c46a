import { z } from 'zod';
import { timestamp } from './common.js';

// The in-app messages of an enterprise or a unit (routes/messages.ts).

export const messageView = z.object({ id: z.number(), title: z.string(), body: z.string(), createdAt: timestamp, readAt: timestamp.nullable() });
export const messageList = z.array(messageView);

export type MessageView = z.infer<typeof messageView>;
