import { z } from 'zod';

// Upload and download of attachments (routes/attachments.ts). The upload is multipart: only its fields and its
// answer have schemas here.

/** A stored file as its uploader sees it. */
export const attachmentView = z.object({ id: z.uuid(), fileName: z.string(), sha256: z.string(), sizeBytes: z.number(), mediaType: z.string() });
/** The upload's optional field: the attachment the new file replaces. */
export const uploadFields = z.object({ replaces: z.uuid('须为附件编号').optional() });
export const attachmentParams = z.object({ id: z.uuid() });
export const downloadQuery = z.object({ disposition: z.enum(['attachment', 'inline']).default('attachment') });

export type AttachmentView = z.infer<typeof attachmentView>;
