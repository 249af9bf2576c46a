import type { Queryable } from '../platform/database.js';

/** One entry of the audit log (migrations/001, 024): who did what to which record. */
export interface AuditEntry {
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
  /** The record's keys, for the audit page's filters and an application's own trail, where the entry has them. */
  callId?: string | null;
  unitId?: string | null;
  applicationId?: string | null;
}

/** Appends an entry to the audit log; run it in the caller's transaction when the change it records is one. */
export async function insertAuditEntry(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    'INSERT INTO audit_log (actor, action, subject, detail, call_id, unit_id, application_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [entry.actor, entry.action, entry.subject, entry.detail, entry.callId ?? null, entry.unitId ?? null, entry.applicationId ?? null],
  );
}
