import type { Queryable } from '../platform/database.js';

export type DocumentKind = 'materials' | 'commitment' | 'sealed-materials' | 'sealed-commitment' | 'recommended-materials';
export type DocumentFormat = 'pdf' | 'docx' | 'scan';

export interface ApplicationDocument {
  round: number;
  kind: DocumentKind;
  format: DocumentFormat;
  attachmentId: string;
  fileName: string;
}

/** Whether a document of a round exists already (a retried render skips it). */
export async function hasDocument(db: Queryable, applicationId: string, round: number, kind: DocumentKind, format: DocumentFormat): Promise<boolean> {
  const result = await db.query('SELECT 1 FROM application_document WHERE application_id = $1 AND round = $2 AND kind = $3 AND format = $4', [applicationId, round, kind, format]);
  return result.rowCount === 1;
}

/** Records a document of a round; a second record of the same kind and format keeps the first. */
export async function insertDocument(db: Queryable, applicationId: string, round: number, kind: DocumentKind, format: DocumentFormat, attachmentId: string): Promise<void> {
  await db.query(
    `INSERT INTO application_document (application_id, round, kind, format, attachment_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (application_id, round, kind, format) DO NOTHING`,
    [applicationId, round, kind, format, attachmentId],
  );
}

/** The documents of the application's latest round. */
export async function latestDocuments(db: Queryable, applicationId: string): Promise<ApplicationDocument[]> {
  const result = await db.query<{ round: number; kind: DocumentKind; format: DocumentFormat; attachment_id: string; file_name: string }>(
    `SELECT d.round, d.kind, d.format, d.attachment_id, a.file_name FROM application_document d JOIN attachment a ON a.id = d.attachment_id
      WHERE d.application_id = $1 AND d.round = (SELECT max(round) FROM application_document WHERE application_id = $1)
      ORDER BY d.kind, d.format`,
    [applicationId],
  );
  return result.rows.map((row) => ({ round: row.round, kind: row.kind, format: row.format, attachmentId: row.attachment_id, fileName: row.file_name }));
}
