import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { isScanMediaType, judgeAttachmentType } from '../../../domain/attachment-types.js';
import { unstorableReason, unstorableTextMessages } from '../../../domain/storable-text.js';
import { storageKeyFor, type AttachmentStore } from '../../../platform/attachment-store.js';
import type { Queryable } from '../../../platform/database.js';
import { AppError } from '../errors.js';
import { insertRegistrationFile } from '../identity/registration-repository.js';

export interface StoredRegistrationFile {
  fileId: string;
  fileName: string;
  size: number;
}

/**
 * Stores one public upload of a registration (营业执照 or 授权书): a scan (PDF, JPEG or PNG) by its content, with a
 * storable name, not yet bound to a registration. A refused record leaves no orphan file in the store.
 */
export async function storeRegistrationFile(deps: { db: Queryable; store: AttachmentStore }, upload: { fileName: string; content: Buffer }): Promise<StoredRegistrationFile> {
  const { content } = upload;
  // 200 characters as PostgreSQL counts them (code points): cutting UTF-16 units could leave half an emoji.
  const fileName = [...upload.fileName.normalize('NFC')].slice(0, 200).join('');
  const unstorable = unstorableReason(fileName);
  if (unstorable) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'file', message: `文件名${unstorableTextMessages[unstorable]}` }]);
  if (!content.length) throw new AppError('VALIDATION_FAILED', '文件为空。', [{ path: 'file', message: '文件为空' }]);
  const verdict = judgeAttachmentType(fileName, (await fileTypeFromBuffer(content))?.ext);
  const message = !verdict.ok ? verdict.message : isScanMediaType(verdict.mediaType) ? undefined : '只能上传 PDF、JPG、PNG 文件';
  if (!verdict.ok || message) throw new AppError('VALIDATION_FAILED', message, [{ path: 'file', message: message! }]);
  const id = randomUUID();
  const storageKey = storageKeyFor(id);
  await deps.store.put(storageKey, content);
  try {
    await insertRegistrationFile(deps.db, { id, storageKey, fileName, mediaType: verdict.mediaType, sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex') });
  } catch (error) {
    await deps.store.remove(storageKey);
    throw error;
  }
  return { fileId: id, fileName, size: content.length };
}
