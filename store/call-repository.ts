import type { Queryable } from '../platform/database.js';
import { callSchema, type Call } from '../domain/call.js';

interface CallRow {
  id: string;
  year: number;
  title: string;
  guide: string;
  opens_at: Date;
  enterprise_deadline: Date;
  city_deadline: Date;
  directions: unknown;
  direction_templates: unknown;
  direction_capped_at_one_per_unit: string | null;
  notice_texts: unknown;
  contacts: unknown;
  downloads: unknown;
  correction_days: number;
  max_correction_rounds: number;
  seal_due_days: number;
  return_answer_working_days: number;
  province_floor: number;
}

function toCall(row: CallRow): Call {
  return callSchema.parse({
    id: row.id,
    year: row.year,
    title: row.title,
    guide: row.guide,
    opensAt: row.opens_at,
    enterpriseDeadline: row.enterprise_deadline,
    cityDeadline: row.city_deadline,
    directions: row.directions,
    directionTemplates: row.direction_templates,
    directionCappedAtOnePerUnit: row.direction_capped_at_one_per_unit,
    noticeTexts: row.notice_texts,
    contacts: row.contacts,
    downloads: row.downloads,
    correctionDays: row.correction_days,
    maxCorrectionRounds: row.max_correction_rounds,
    sealDueDays: row.seal_due_days,
    returnAnswerDays: row.return_answer_working_days,
    provinceFloor: row.province_floor,
  });
}

/** Inserts a call unless one with its id exists; returns whether it was inserted. A call that breaks its schema is refused. */
export async function insertCallIfMissing(db: Queryable, call: Call): Promise<boolean> {
  const valid = callSchema.parse(call);
  const result = await db.query(
    `INSERT INTO call (id, year, title, guide, opens_at, enterprise_deadline, city_deadline, directions, direction_templates,
                       direction_capped_at_one_per_unit, notice_texts, contacts, downloads, correction_days, max_correction_rounds, province_floor, seal_due_days,
                       return_answer_working_days)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) ON CONFLICT (id) DO NOTHING`,
    [valid.id, valid.year, valid.title, valid.guide, valid.opensAt, valid.enterpriseDeadline, valid.cityDeadline, JSON.stringify(valid.directions),
      JSON.stringify(valid.directionTemplates), valid.directionCappedAtOnePerUnit, JSON.stringify(valid.noticeTexts), JSON.stringify(valid.contacts),
      JSON.stringify(valid.downloads), valid.correctionDays, valid.maxCorrectionRounds, valid.provinceFloor, valid.sealDueDays,
      valid.returnAnswerDays],
  );
  return result.rowCount === 1;
}

/**
 * Replaces what a yearly call may change beyond its calendar: its directions, the direction → template table, the
 * capped direction and the notice texts, validated together (issue 13 edits them in the browser).
 */
export async function updateCallVocabulary(db: Queryable, id: string, vocabulary: Pick<Call, 'directions' | 'directionTemplates' | 'directionCappedAtOnePerUnit' | 'noticeTexts'>): Promise<void> {
  const existing = await findCall(db, id);
  if (!existing) throw new Error(`Call ${id} does not exist`);
  const valid = callSchema.parse({ ...existing, ...vocabulary });
  await db.query(
    'UPDATE call SET directions = $2, direction_templates = $3, direction_capped_at_one_per_unit = $4, notice_texts = $5 WHERE id = $1',
    [id, JSON.stringify(valid.directions), JSON.stringify(valid.directionTemplates), valid.directionCappedAtOnePerUnit, JSON.stringify(valid.noticeTexts)],
  );
}

/** Moves a call's calendar (the demo call, kept open on every start). */
export async function updateCallCalendar(db: Queryable, call: Pick<Call, 'id' | 'year' | 'title' | 'opensAt' | 'enterpriseDeadline' | 'cityDeadline'>): Promise<void> {
  await db.query('UPDATE call SET year = $2, title = $3, opens_at = $4, enterprise_deadline = $5, city_deadline = $6 WHERE id = $1', [
    call.id, call.year, call.title, call.opensAt, call.enterpriseDeadline, call.cityDeadline,
  ]);
}

/** One call by id. */
export async function findCall(db: Queryable, id: string): Promise<Call | undefined> {
  const result = await db.query<CallRow>('SELECT * FROM call WHERE id = $1', [id]);
  return result.rows[0] && toCall(result.rows[0]);
}

/** Every call, newest first. */
export async function listCalls(db: Queryable): Promise<Call[]> {
  const result = await db.query<CallRow>('SELECT * FROM call ORDER BY opens_at DESC');
  return result.rows.map(toCall);
}

/** The enterprise deadline a unit set for a call, if any. */
export async function findUnitDeadline(db: Queryable, callId: string, unitId: string): Promise<Date | undefined> {
  const result = await db.query<{ enterprise_deadline: Date }>('SELECT enterprise_deadline FROM call_unit_deadline WHERE call_id = $1 AND unit_id = $2', [callId, unitId]);
  return result.rows[0]?.enterprise_deadline;
}

/** Sets (or moves) the enterprise deadline a unit gives its enterprises in a call. */
export async function setUnitDeadline(db: Queryable, callId: string, unitId: string, enterpriseDeadline: Date): Promise<void> {
  await db.query(
    `INSERT INTO call_unit_deadline (call_id, unit_id, enterprise_deadline) VALUES ($1, $2, $3)
     ON CONFLICT (call_id, unit_id) DO UPDATE SET enterprise_deadline = EXCLUDED.enterprise_deadline`,
    [callId, unitId, enterpriseDeadline],
  );
}
