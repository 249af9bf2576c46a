import type { Queryable } from '../platform/database.js';

export interface UnitBatch {
  callId: string;
  unitId: string;
  processInstanceId: string | null;
  tablePdfId: string | null;
  tableDocxId: string | null;
  sealedScanId: string | null;
  renderedAt: Date | null;
  submittedAt: Date | null;
  submittedBy: string | null;
}

interface BatchRow {
  call_id: string;
  unit_id: string;
  process_instance_id: string | null;
  table_pdf_id: string | null;
  table_docx_id: string | null;
  sealed_scan_id: string | null;
  rendered_at: Date | null;
  submitted_at: Date | null;
  submitted_by: string | null;
}

function toBatch(row: BatchRow): UnitBatch {
  return {
    callId: row.call_id, unitId: row.unit_id, processInstanceId: row.process_instance_id, tablePdfId: row.table_pdf_id, tableDocxId: row.table_docx_id,
    sealedScanId: row.sealed_scan_id, renderedAt: row.rendered_at, submittedAt: row.submitted_at, submittedBy: row.submitted_by,
  };
}

/** A unit's batch in a call; `forUpdate` locks it. */
export async function findBatch(db: Queryable, callId: string, unitId: string, forUpdate = false): Promise<UnitBatch | undefined> {
  const result = await db.query<BatchRow>(`SELECT * FROM unit_batch WHERE call_id = $1 AND unit_id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [callId, unitId]);
  return result.rows[0] && toBatch(result.rows[0]);
}

/** Every batch of a call. */
export async function listBatches(db: Queryable, callId: string): Promise<UnitBatch[]> {
  const result = await db.query<BatchRow>('SELECT * FROM unit_batch WHERE call_id = $1', [callId]);
  return result.rows.map(toBatch);
}

/** Creates a unit's batch for a call, linked to its process instance (null while its start is queued). */
export async function insertBatch(db: Queryable, callId: string, unitId: string, processInstanceId: string | null): Promise<void> {
  await db.query('INSERT INTO unit_batch (call_id, unit_id, process_instance_id) VALUES ($1, $2, $3)', [callId, unitId, processInstanceId]);
}

/** Links the process instance started for a unit's batch. */
export async function setBatchProcessInstance(db: Queryable, callId: string, unitId: string, processInstanceId: string): Promise<void> {
  await db.query('UPDATE unit_batch SET process_instance_id = $3 WHERE call_id = $1 AND unit_id = $2', [callId, unitId, processInstanceId]);
}

/** What a 推荐表 shows of each recommendation; a submission is compared with it. */
export type TableEntry = { applicationId: string; rank: number; opinion: string };

/** Records a freshly rendered 推荐表 and the entries it shows. */
export async function setRenderedTable(db: Queryable, table: { callId: string; unitId: string; pdfId: string; docxId: string; at: Date; entries: TableEntry[] }): Promise<void> {
  await db.query(
    `UPDATE unit_batch SET table_pdf_id = $3, table_docx_id = $4, rendered_at = $5, rendered_entries = $6
      WHERE call_id = $1 AND unit_id = $2 AND submitted_at IS NULL`,
    [table.callId, table.unitId, table.pdfId, table.docxId, table.at, JSON.stringify(table.entries)],
  );
}

/** The entries the current 推荐表 shows. */
export async function renderedEntries(db: Queryable, callId: string, unitId: string): Promise<TableEntry[] | undefined> {
  const result = await db.query<{ rendered_entries: TableEntry[] | null }>('SELECT rendered_entries FROM unit_batch WHERE call_id = $1 AND unit_id = $2', [callId, unitId]);
  return result.rows[0]?.rendered_entries ?? undefined;
}

/** Marks a batch submitted with its stamped scan and what it contained. */
export async function markBatchSubmitted(db: Queryable, batch: { callId: string; unitId: string; sealedScanId: string; by: string; at: Date; entries: unknown }): Promise<void> {
  await db.query(
    'UPDATE unit_batch SET sealed_scan_id = $3, submitted_by = $4, submitted_at = $5, submitted_entries = $6 WHERE call_id = $1 AND unit_id = $2 AND submitted_at IS NULL',
    [batch.callId, batch.unitId, batch.sealedScanId, batch.by, batch.at, JSON.stringify(batch.entries)],
  );
}

/** Records that the province reopened a unit's window. */
export async function insertReopening(db: Queryable, reopening: { callId: string; unitId: string; openUntil: Date; reason: string; by: string; at: Date }): Promise<void> {
  await db.query(
    'INSERT INTO unit_window_reopening (call_id, unit_id, open_until, reason, reopened_by, reopened_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [reopening.callId, reopening.unitId, reopening.openUntil, reopening.reason, reopening.by, reopening.at],
  );
}

/** The latest end of any window the province reopened for a unit, if any. */
export async function reopenedUntil(db: Queryable, callId: string, unitId: string): Promise<Date | undefined> {
  const result = await db.query<{ until: Date | null }>('SELECT max(open_until) AS until FROM unit_window_reopening WHERE call_id = $1 AND unit_id = $2', [callId, unitId]);
  return result.rows[0]?.until ?? undefined;
}

/** Calls whose units' deadline falls between `from` and `to`. */
export async function callsWithUnitDeadlineBetween(db: Queryable, from: Date, to: Date): Promise<{ id: string; title: string; cityDeadline: Date }[]> {
  const result = await db.query<{ id: string; title: string; city_deadline: Date }>('SELECT id, title, city_deadline FROM call WHERE city_deadline BETWEEN $1 AND $2', [from, to]);
  return result.rows.map((row) => ({ id: row.id, title: row.title, cityDeadline: row.city_deadline }));
}

/** The units of a call whose batch has been submitted. */
export async function unitsSubmitted(db: Queryable, callId: string): Promise<string[]> {
  const result = await db.query<{ unit_id: string }>('SELECT unit_id FROM unit_batch WHERE call_id = $1 AND submitted_at IS NOT NULL', [callId]);
  return result.rows.map((row) => row.unit_id);
}
