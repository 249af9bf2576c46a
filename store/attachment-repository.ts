import type { Queryable } from '../platform/database.js';
import { isScanMediaType } from '../domain/attachment-types.js';

export interface Attachment {
  id: string;
  ownerUscc: string | null;
  ownerUnitId: string | null;
  uploadedBy: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  replaces: string | null;
  createdAt: Date;
}

interface AttachmentRow {
  id: string;
  owner_uscc: string | null;
  owner_unit_id: string | null;
  uploaded_by: string;
  file_name: string;
  media_type: string;
  size_bytes: string;
  sha256: string;
  storage_key: string;
  replaces: string | null;
  created_at: Date;
}

function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    ownerUscc: row.owner_uscc,
    ownerUnitId: row.owner_unit_id,
    uploadedBy: Number(row.uploaded_by),
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    storageKey: row.storage_key,
    replaces: row.replaces,
    createdAt: row.created_at,
  };
}

/** Records an attachment whose bytes are already stored. */
export async function insertAttachment(db: Queryable, attachment: Omit<Attachment, 'createdAt'>): Promise<Attachment> {
  const result = await db.query<AttachmentRow>(
    `INSERT INTO attachment (id, owner_uscc, owner_unit_id, uploaded_by, file_name, media_type, size_bytes, sha256, storage_key, replaces)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    [attachment.id, attachment.ownerUscc, attachment.ownerUnitId, attachment.uploadedBy, attachment.fileName, attachment.mediaType,
      attachment.sizeBytes, attachment.sha256, attachment.storageKey, attachment.replaces],
  );
  return toAttachment(result.rows[0]!);
}

/** One attachment by id. */
export async function findAttachment(db: Queryable, id: string): Promise<Attachment | undefined> {
  const result = await db.query<AttachmentRow>('SELECT * FROM attachment WHERE id = $1', [id]);
  return result.rows[0] && toAttachment(result.rows[0]);
}

/** Several attachments by id (missing ones are simply absent). */
export async function findAttachments(db: Queryable, ids: readonly string[]): Promise<Attachment[]> {
  if (!ids.length) return [];
  const result = await db.query<AttachmentRow>('SELECT * FROM attachment WHERE id = ANY($1::uuid[])', [ids]);
  return result.rows.map(toAttachment);
}

/** Links the attachments a submission references to its application (idempotent). */
export async function linkAttachments(db: Queryable, applicationId: string, attachmentIds: readonly string[]): Promise<void> {
  if (!attachmentIds.length) return;
  await db.query(
    `INSERT INTO application_attachment (application_id, attachment_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [applicationId, attachmentIds],
  );
}

/** The units whose submitted applications reference an attachment. */
export async function unitsReferencingAttachment(db: Queryable, attachmentId: string): Promise<string[]> {
  const result = await db.query<{ unit_id: string }>(
    `SELECT DISTINCT a.unit_id FROM application_attachment l JOIN application a ON a.id = l.application_id
      WHERE l.attachment_id = $1 AND a.unit_id IS NOT NULL`,
    [attachmentId],
  );
  return result.rows.map((row) => row.unit_id);
}

/**
 * Whether an attachment belongs to what reached the province: a project's application (its uploads and rendered
 * documents), a submitted batch's 推荐表 and sealed scan, or a unit's answer to a formal review return. The
 * province's approval roles (division head, finance, leadership) may open these and nothing else.
 */
export async function attachmentReachedProvince(db: Queryable, attachmentId: string): Promise<boolean> {
  const result = await db.query(
    `SELECT 1 FROM application_attachment l JOIN project p ON p.application_id = l.application_id WHERE l.attachment_id = $1
     UNION ALL
     SELECT 1 FROM application_document d JOIN project p ON p.application_id = d.application_id WHERE d.attachment_id = $1
     UNION ALL
     SELECT 1 FROM unit_batch b WHERE b.submitted_at IS NOT NULL AND $1 IN (b.table_pdf_id, b.table_docx_id, b.sealed_scan_id)
     UNION ALL
     SELECT 1 FROM project_formal_review r
      WHERE r.answer_attachments @> jsonb_build_array(jsonb_build_object('id', $1::text)) OR r.new_sealed_table->>'id' = $1::text
     LIMIT 1`,
    [attachmentId],
  );
  return (result.rowCount ?? 0) > 0;
}

/** Whose uploads a reference may name: an enterprise's, a unit's, or (a generic task) the account's own or its unit's. */
export type AttachmentOwner = { uscc: string } | { unitId: string } | { accountId: number; unitId: string | null };

/**
 * The one ownership check of attachment references: those whose file does not exist, is not the owner's, or has
 * other bytes than the reference's digest (a forged or stale reference); with `scansOnly`, also a file that is not a
 * scan (PDF or image). Answers the offending references, in order; none means all may be used.
 */
export async function foreignReferences<T extends { ref: { id: string; sha256: string } }>(
  db: Queryable,
  references: readonly T[],
  owner: AttachmentOwner,
  options: { scansOnly?: boolean } = {},
): Promise<T[]> {
  const stored = new Map((await findAttachments(db, references.map((reference) => reference.ref.id))).map((attachment) => [attachment.id, attachment]));
  return references.filter(({ ref }) => {
    const attachment = stored.get(ref.id);
    return !attachment || !ownedBy(attachment, owner) || attachment.sha256 !== ref.sha256.toLowerCase() || (options.scansOnly === true && !isScanMediaType(attachment.mediaType));
  });
}

// helpers

function ownedBy(attachment: Attachment, owner: AttachmentOwner): boolean {
  if ('uscc' in owner) return attachment.ownerUscc === owner.uscc;
  if ('accountId' in owner) return attachment.uploadedBy === owner.accountId || (owner.unitId !== null && attachment.ownerUnitId === owner.unitId);
  return attachment.ownerUnitId === owner.unitId;
}
