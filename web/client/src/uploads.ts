import type { AttachmentReference } from '../../../domain/attachment-reference.js';
import { attachmentView } from '../../server/schemas/attachments.js';
import { ApiError, postForm } from './api.js';

export type { AttachmentReference };

/** Uploads one file; the server checks its type by content, its size, and hashes it. */
export async function uploadFile(file: File): Promise<AttachmentReference> {
  const body = new FormData();
  body.set('file', file, file.name);
  try {
    const { id, fileName, sha256 } = await postForm('/api/attachments', body, attachmentView);
    return { id, fileName, sha256 };
  } catch (error) {
    // The file's name says which of several uploads failed.
    if (error instanceof ApiError) throw new ApiError(error.status, error.code, `${file.name}：${error.message}`, error.fields);
    throw error;
  }
}

/**
 * Replaces form-js file-picker values (keys into `files`) by references to uploaded attachments: one reference, or a
 * list for pickers that allow several files (`multipleKeys`).
 */
export async function uploadFiles(data: Record<string, unknown>, files: Map<string, File[]>, multipleKeys: ReadonlySet<string>): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = { ...data };
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string' || !files.has(value)) continue;
    const picked = files.get(value) ?? [];
    const references = [];
    for (const file of picked) references.push(await uploadFile(file));
    result[key] = multipleKeys.has(key) ? references : references[0];
  }
  return result;
}
