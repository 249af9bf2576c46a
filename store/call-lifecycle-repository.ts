import type { Queryable } from '../platform/database.js';
import type { Call } from '../domain/call.js';
import type { CallLifecycle, CallSchedule } from '../domain/call-calendar.js';

// A call's life and what the calls page edits (migration 021): published, closed, who created it, its calendar,
// guide, contacts and link downloads. Inserting a call stays insertCallIfMissing (call-repository.ts).

/** A call's lifecycle columns, or undefined when there is no such call. */
export async function findCallLifecycle(db: Queryable, callId: string, forUpdate = false): Promise<(CallLifecycle & { createdBy: string | null }) | undefined> {
  const result = await db.query<{ published_at: Date | null; closed_at: Date | null; created_by: string | null }>(
    `SELECT published_at, closed_at, created_by FROM call WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [callId]);
  const row = result.rows[0];
  return row && { publishedAt: row.published_at, closedAt: row.closed_at, createdBy: row.created_by };
}

/** Every call's lifecycle, by call id. */
export async function listCallLifecycles(db: Queryable): Promise<Map<string, CallLifecycle>> {
  const result = await db.query<{ id: string; published_at: Date | null; closed_at: Date | null }>('SELECT id, published_at, closed_at FROM call');
  return new Map(result.rows.map((row) => [row.id, { publishedAt: row.published_at, closedAt: row.closed_at }]));
}

/** Makes a call just inserted a draft of the calls page, created by `username`. */
export async function markCallDraft(db: Queryable, callId: string, username: string): Promise<void> {
  await db.query('UPDATE call SET published_at = NULL, closed_at = NULL, created_by = $2 WHERE id = $1', [callId, username]);
}

/** Publishes a draft call; false when it was not a draft. */
export async function publishCall(db: Queryable, callId: string, at: Date): Promise<boolean> {
  return ((await db.query('UPDATE call SET published_at = $2 WHERE id = $1 AND published_at IS NULL', [callId, at])).rowCount ?? 0) === 1;
}

/** Closes a published call early; false when it was not published and open. */
export async function closeCall(db: Queryable, callId: string, at: Date): Promise<boolean> {
  return ((await db.query('UPDATE call SET closed_at = $2 WHERE id = $1 AND published_at IS NOT NULL AND closed_at IS NULL', [callId, at])).rowCount ?? 0) === 1;
}

/** Whether some call already has this year. */
export async function callYearTaken(db: Queryable, year: number): Promise<boolean> {
  return (await db.query('SELECT 1 FROM call WHERE year = $1', [year])).rowCount !== 0;
}

/** Whether a call holds any application, a draft included. */
export async function callHasApplications(db: Queryable, callId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM application WHERE call_id = $1 LIMIT 1', [callId])).rowCount !== 0;
}

/** The enterprise deadlines units set in a call. */
export async function listUnitDeadlines(db: Queryable, callId: string): Promise<{ unitId: string; enterpriseDeadline: Date }[]> {
  const result = await db.query<{ unit_id: string; enterprise_deadline: Date }>('SELECT unit_id, enterprise_deadline FROM call_unit_deadline WHERE call_id = $1 ORDER BY unit_id', [callId]);
  return result.rows.map((row) => ({ unitId: row.unit_id, enterpriseDeadline: row.enterprise_deadline }));
}

/** Replaces a call's calendar and the windows counted per application. */
export async function updateCallSchedule(db: Queryable, callId: string, schedule: CallSchedule): Promise<void> {
  await db.query(
    `UPDATE call SET opens_at = $2, enterprise_deadline = $3, city_deadline = $4, correction_days = $5, max_correction_rounds = $6, seal_due_days = $7,
            return_answer_working_days = $8 WHERE id = $1`,
    [callId, schedule.opensAt, schedule.enterpriseDeadline, schedule.cityDeadline, schedule.correctionDays, schedule.maxCorrectionRounds, schedule.sealDueDays,
      schedule.returnAnswerDays],
  );
}

/** Replaces a call's title and guide. */
export async function updateCallGuide(db: Queryable, callId: string, guide: Pick<Call, 'title' | 'guide'>): Promise<void> {
  await db.query('UPDATE call SET title = $2, guide = $3 WHERE id = $1', [callId, guide.title, guide.guide]);
}

/** Replaces a call's contacts. */
export async function updateCallContacts(db: Queryable, callId: string, contacts: Call['contacts']): Promise<void> {
  await db.query('UPDATE call SET contacts = $2 WHERE id = $1', [callId, JSON.stringify(contacts)]);
}

/** Replaces a call's link downloads ({title, url}). */
export async function updateCallLinks(db: Queryable, callId: string, links: Call['downloads']): Promise<void> {
  await db.query('UPDATE call SET downloads = $2 WHERE id = $1', [callId, JSON.stringify(links)]);
}

/** Copies a call's indicators (附件1) to another call, recorded as set by `by`. */
export async function copyIndicators(db: Queryable, fromCallId: string, toCallId: string, by: string): Promise<void> {
  await db.query(
    `INSERT INTO unit_indicator (call_id, unit_id, target, is_cap, updated_by) SELECT $2, unit_id, target, is_cap, $3 FROM unit_indicator WHERE call_id = $1`,
    [fromCallId, toCallId, by],
  );
}
