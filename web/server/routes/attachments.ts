import { createHash, randomUUID } from 'node:crypto';
import '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileTypeFromBuffer } from 'file-type';
import type { AttachmentStore } from '../../../platform/attachment-store.js';
import { storageKeyFor } from '../../../platform/attachment-store.js';
import type { Queryable } from '../../../platform/database.js';
import { isScanMediaType, judgeAttachmentType } from '../../../domain/attachment-types.js';
import { unstorableReason, unstorableTextMessages } from '../../../domain/storable-text.js';
import { attachmentReachedProvince, findAttachment, insertAttachment, unitsReferencingAttachment, type Attachment } from '../../../store/attachment-repository.js';
import { attachmentLetterRecipients } from '../../../store/letter-repository.js';
import { attachmentOpenToExpert } from '../../../store/panel-seat-repository.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import { accountOf } from '../plugins/authentication.js';
import { attachmentParams, attachmentView, downloadQuery, uploadFields } from '../schemas/attachments.js';
import { multipartText } from './multipart-field.js';


/** Upload (checked by content, size-limited, hashed) and download of attachments, each within its owner's scope. */
export const attachmentRoutes: FastifyPluginAsyncZod<{ db: Queryable; store: AttachmentStore; maxBytes: number }> = async (app, { db, store, maxBytes }) => {
  // Province officers upload the files of their letters (owned by the uploading account: neither enterprise nor unit).
  app.post('/api/attachments', {
    config: { access: ['applicant', 'city-reviewer', 'province-officer'] },
    schema: { tags: ['attachments'], summary: 'Upload one file (multipart field "file"; optional field "replaces")', response: { 201: attachmentView } },
  }, async (request, reply) => {
    const account = accountOf(request);
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件。', [{ path: 'file', message: '缺少文件' }]);
    const content = await part.toBuffer(); // throws a 413 past maxBytes
    const fields = uploadFields.safeParse({ replaces: multipartText(part.fields.replaces) });
    if (!fields.success) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'replaces', message: fields.error.issues[0]!.message }]);
    // 200 characters as PostgreSQL counts them (code points): cutting UTF-16 units could leave half an emoji
    const fileName = [...part.filename.normalize('NFC')].slice(0, 200).join('');
    // A multipart file name is not a JSON body: the shared check (plugins/storable-text.ts) does not see it.
    const unstorable = unstorableReason(fileName);
    if (unstorable) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'file', message: `文件名${unstorableTextMessages[unstorable]}` }]);
    if (!content.length) throw new AppError('VALIDATION_FAILED', '文件为空。', [{ path: 'file', message: '文件为空' }]);
    const verdict = judgeAttachmentType(fileName, (await fileTypeFromBuffer(content))?.ext);
    if (!verdict.ok) throw new AppError('VALIDATION_FAILED', verdict.message, [{ path: 'file', message: verdict.message }]);
    if (fields.data.replaces) {
      const replaced = await findAttachment(db, fields.data.replaces);
      if (!replaced || !mayOpen(account, replaced, [], noLetters) || (account.role === 'province-officer' && replaced.uploadedBy !== account.id)) throw new AppError('NOT_FOUND');
    }
    const id = randomUUID();
    const storageKey = storageKeyFor(id);
    await store.put(storageKey, content);
    try {
      const saved = await insertAttachment(db, {
        id,
        ownerUscc: account.role === 'applicant' ? account.enterpriseUscc : null,
        ownerUnitId: account.role === 'city-reviewer' ? account.unitId : null,
        uploadedBy: account.id,
        fileName,
        mediaType: verdict.mediaType,
        sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        storageKey,
        replaces: fields.data.replaces ?? null,
      });
      return reply.status(201).send(view(saved));
    } catch (error) {
      await store.remove(storageKey); // a refused record leaves no orphan file
      throw error;
    }
  });

  app.get('/api/attachments/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['attachments'],
      summary: 'Download a file one may see; `disposition=inline` shows a PDF or image in the page (the tasklist’s preview)',
      params: attachmentParams,
      querystring: downloadQuery,
    },
  }, async (request, reply) => {
    const attachment = await findAttachment(db, request.params.id);
    const account = accountOf(request);
    const approverMay = attachment !== undefined && approvalRoles.includes(account.role) && (await attachmentReachedProvince(db, attachment.id));
    const expertMay = attachment !== undefined && account.role === 'expert' && (await attachmentOpenToExpert(db, attachment.id, account.username));
    if (!attachment || (!approverMay && !expertMay && !mayOpen(account, attachment, await unitsReferencingAttachment(db, attachment.id), await attachmentLetterRecipients(db, attachment.id)))) throw new AppError('NOT_FOUND');
    return reply
      .header('content-type', attachment.mediaType)
      // Only content-checked PDFs and images are shown inline; anything else is always a download.
      .header('content-disposition', `${request.query.disposition === 'inline' && isScanMediaType(attachment.mediaType) ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(store.open(attachment.storageKey));
  });
};

// helpers

function view(attachment: Attachment) {
  return { id: attachment.id, fileName: attachment.fileName, sha256: attachment.sha256, sizeBytes: attachment.sizeBytes, mediaType: attachment.mediaType };
}

const noLetters = { unitIds: [], usccs: [] };

// The province's approval roles open what reached the province (attachmentReachedProvince), and nothing else.
const approvalRoles: readonly Account['role'][] = ['division-head', 'finance', 'leadership'];

/**
 * Owners see their own files; a unit's reviewers the files of applications declared to it; the recipients of a
 * letter (its units' reviewers, its enterprises' accounts) the letter's files; the province all.
 */
function mayOpen(account: Account, attachment: Attachment, referencingUnits: readonly string[], letterRecipients: { unitIds: readonly string[]; usccs: readonly string[] }): boolean {
  switch (account.role) {
    case 'applicant':
      return attachment.ownerUscc === account.enterpriseUscc || letterRecipients.usccs.includes(account.enterpriseUscc ?? '');
    case 'city-reviewer':
      return attachment.ownerUnitId === account.unitId || referencingUnits.includes(account.unitId ?? '') || letterRecipients.unitIds.includes(account.unitId ?? '');
    case 'province-officer':
    case 'administrator':
      return true;
    case 'division-head':
    case 'finance':
    case 'leadership':
    case 'expert':
      return false; // approval roles: what reached the province; experts: their declared seats' projects while the panel is open (above)
  }
}
