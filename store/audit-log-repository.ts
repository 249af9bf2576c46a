import type { Queryable } from '../platform/database.js';

/** One entry of the audit log (migrations/001): who did what to which record. */
export interface AuditEntry {
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
}

/** Appends an entry to the audit log; run it in the caller's transaction when the change it records is one. */
export async function insertAuditEntry(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query('INSERT INTO audit_log (actor, action, subject, detail) VALUES ($1, $2, $3, $4)', [entry.actor, entry.action, entry.subject, entry.detail]);
}
