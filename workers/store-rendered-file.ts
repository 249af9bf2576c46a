import { createHash, randomUUID } from 'node:crypto';
import { storageKeyFor } from '../platform/attachment-store.js';
import type { Queryable } from '../platform/database.js';
import { insertAttachment } from '../store/attachment-repository.js';
import type { WorkerDeps } from './worker.js';

const mediaTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** A file a worker rendered, and whose it is. */
export interface RenderedFile {
  owner: { uscc: string } | { unitId: string };
  uploadedBy: number;
  fileName: string;
  format: keyof typeof mediaTypes;
  content: Buffer;
}

/**
 * Stores a rendered file as an attachment: the bytes first, then the record in the caller's transaction (`db`), so a
 * rolled-back record leaves at most an unreferenced file, never a record without its bytes.
 */
export async function storeRenderedFile(deps: Pick<WorkerDeps, 'attachments'>, db: Queryable, file: RenderedFile): Promise<string> {
  const id = randomUUID();
  await deps.attachments.put(storageKeyFor(id), file.content);
  await insertAttachment(db, {
    id,
    ownerUscc: 'uscc' in file.owner ? file.owner.uscc : null,
    ownerUnitId: 'unitId' in file.owner ? file.owner.unitId : null,
    uploadedBy: file.uploadedBy,
    fileName: file.fileName,
    mediaType: mediaTypes[file.format],
    sizeBytes: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    storageKey: storageKeyFor(id),
    replaces: null,
  });
  return id;
}
