import type { Queryable } from '../platform/database.js';

// What the unit's batch page shows of the province reopening its window: who, why and until when.

/** A reopening of a unit's window, as the province recorded it. */
export interface UnitWindowReopening {
  openUntil: Date;
  reason: string;
  reopenedBy: string;
  reopenedByName: string;
  reopenedAt: Date;
}

/** The reopening that reaches furthest (the one the unit's deadline follows), with the officer's display name. */
export async function latestReopening(db: Queryable, callId: string, unitId: string): Promise<UnitWindowReopening | undefined> {
  const result = await db.query<{ open_until: Date; reason: string; reopened_by: string; display_name: string | null; reopened_at: Date }>(
    `SELECT r.open_until, r.reason, r.reopened_by, a.display_name, r.reopened_at
       FROM unit_window_reopening r LEFT JOIN account a ON a.username = r.reopened_by
      WHERE r.call_id = $1 AND r.unit_id = $2 ORDER BY r.open_until DESC, r.id DESC LIMIT 1`,
    [callId, unitId],
  );
  const row = result.rows[0];
  return row && { openUntil: row.open_until, reason: row.reason, reopenedBy: row.reopened_by, reopenedByName: row.display_name ?? row.reopened_by, reopenedAt: row.reopened_at };
}
