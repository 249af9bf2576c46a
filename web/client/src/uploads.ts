import { ApiError, currentCsrfToken } from './api.js';

export interface AttachmentReference {
  id: string;
  fileName: string;
  sha256: string;
}

/** Uploads one file; the server checks its type by content, its size, and hashes it. */
export async function uploadFile(file: File): Promise<AttachmentReference> {
  const body = new FormData();
  body.set('file', file, file.name);
  const response = await fetch('/api/attachments', { method: 'POST', body, headers: { 'x-csrf-token': currentCsrfToken() }, credentials: 'same-origin' });
  const answer = (await response.json().catch(() => ({}))) as { id?: string; fileName?: string; sha256?: string; code?: string; message?: string };
  if (!response.ok) throw new ApiError(response.status, answer.code ?? 'UPLOAD', `${file.name}：${answer.message ?? '上传失败'}`);
  return { id: answer.id!, fileName: answer.fileName!, sha256: answer.sha256! };
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
