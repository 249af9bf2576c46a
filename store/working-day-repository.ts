import type { Queryable } from '../platform/database.js';
import type { SpecialDayEntry } from '../domain/special-days.js';
import { beijingDate, workingDayCalendar, type SpecialDayKind, type WorkingDayCalendar } from '../domain/working-days.js';

// The special days of the working-day calendar (migrations/020): statutory holidays on weekdays and make-up
// workdays (调休上班) on weekends, kept per year by the province.

/** One special day as stored: whether an officer checked it (shipped rows are 待核对), who changed it last and when. */
export interface SpecialDay extends SpecialDayEntry {
  checked: boolean;
  updatedBy: string;
  updatedAt: Date;
}

interface SpecialDayRow {
  date: string;
  kind: SpecialDayKind;
  name: string;
  checked: boolean;
  updated_by: string;
  updated_at: Date;
}

/** A year's special days, in date order. */
export async function listSpecialDays(db: Queryable, year: number): Promise<SpecialDay[]> {
  const result = await db.query<SpecialDayRow>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS date, kind, name, checked, updated_by, updated_at
       FROM special_day WHERE day BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31) ORDER BY day`,
    [year],
  );
  return result.rows.map((row) => ({ date: row.date, kind: row.kind, name: row.name, checked: row.checked, updatedBy: row.updated_by, updatedAt: row.updated_at }));
}

/**
 * Replaces a year's special days with the list given (run it in the caller's transaction): rows left out are
 * deleted, new and changed rows record the actor; an unchanged row keeps who changed it last. The caller has
 * checked the list (domain/special-days.ts); the table's CHECKs hold the week rule too.
 */
export async function replaceSpecialDays(db: Queryable, year: number, days: readonly (SpecialDayEntry & { checked: boolean })[], actor: string): Promise<void> {
  const dates = days.map((day) => day.date);
  await db.query('DELETE FROM special_day WHERE day BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31) AND NOT (day = ANY($2::date[]))', [year, dates]);
  await db.query(
    `INSERT INTO special_day (day, kind, name, checked, updated_by)
     SELECT day, kind, name, checked, $5 FROM unnest($1::date[], $2::text[], $3::text[], $4::boolean[]) AS t(day, kind, name, checked)
     ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, checked = EXCLUDED.checked, updated_by = EXCLUDED.updated_by, updated_at = now()
      WHERE (special_day.kind, special_day.name, special_day.checked) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.name, EXCLUDED.checked)`,
    [dates, days.map((day) => day.kind), days.map((day) => day.name), days.map((day) => day.checked), actor],
  );
}

/** The calendar a window opened at `from` counts on: every special day from that Beijing day on. */
export async function workingDayCalendarFrom(db: Queryable, from: Date): Promise<WorkingDayCalendar> {
  const result = await db.query<{ date: string; kind: SpecialDayKind }>(
    "SELECT to_char(day, 'YYYY-MM-DD') AS date, kind FROM special_day WHERE day >= $1::date ORDER BY day",
    [beijingDate(from)],
  );
  return workingDayCalendar(result.rows);
}
