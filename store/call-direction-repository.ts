import type { Queryable } from '../platform/database.js';
import { callSchema, type Call } from '../domain/call.js';

// A call's directions as a province officer edits them (routes/call-directions.ts): how many applications declare
// each, and the replacement of the list, its templates and the capped direction (the notice texts stay as they are).

/** How many applications of a call (drafts included) declare each direction, by code. */
export async function directionUsage(db: Queryable, callId: string): Promise<Map<string, number>> {
  const result = await db.query<{ direction: string; count: string }>(
    `SELECT data->>'direction' AS direction, count(*) AS count FROM application
     WHERE call_id = $1 AND data->>'direction' IS NOT NULL GROUP BY 1`,
    [callId],
  );
  return new Map(result.rows.map((row) => [row.direction, Number(row.count)]));
}

/** Locks a call's row for an edit of its directions, so two edits and their checks follow one another. */
export async function lockCall(db: Queryable, callId: string): Promise<boolean> {
  const result = await db.query('SELECT 1 FROM call WHERE id = $1 FOR UPDATE', [callId]);
  return result.rowCount === 1;
}

/** Replaces a call's directions, their templates and the capped direction, checked by the call's schema. */
export async function replaceCallDirections(db: Queryable, call: Call, vocabulary: Pick<Call, 'directions' | 'directionTemplates' | 'directionCappedAtOnePerUnit'>): Promise<void> {
  const valid = callSchema.parse({ ...call, ...vocabulary });
  await db.query(
    'UPDATE call SET directions = $2, direction_templates = $3, direction_capped_at_one_per_unit = $4 WHERE id = $1',
    [call.id, JSON.stringify(valid.directions), JSON.stringify(valid.directionTemplates), valid.directionCappedAtOnePerUnit],
  );
}
