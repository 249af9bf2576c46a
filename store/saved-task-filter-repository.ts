import type { Queryable } from '../platform/database.js';

// A person's named tasklist filters. The criteria are stored as given; the web server validates them both ways.

/** The most filters one account keeps: a list to choose from, not a store. */
export const MAX_SAVED_FILTERS = 20;

export interface SavedTaskFilter {
  id: string;
  name: string;
  criteria: unknown;
}

/** The account's saved filters, by name. */
export async function listSavedTaskFilters(db: Queryable, accountId: number): Promise<SavedTaskFilter[]> {
  const result = await db.query<SavedTaskFilter>('SELECT id, name, criteria FROM saved_task_filter WHERE account_id = $1 ORDER BY name', [accountId]);
  return result.rows;
}

/**
 * Saves a filter under its name, replacing one of the same name; a new name is refused (undefined) once the
 * account keeps MAX_SAVED_FILTERS.
 */
export async function saveTaskFilter(db: Queryable, filter: { accountId: number; name: string; criteria: unknown; at: Date }): Promise<SavedTaskFilter | undefined> {
  const result = await db.query<SavedTaskFilter>(
    `INSERT INTO saved_task_filter (account_id, name, criteria, created_at, updated_at)
     SELECT $1, $2, $3, $4, $4
      WHERE EXISTS (SELECT 1 FROM saved_task_filter WHERE account_id = $1 AND name = $2)
         OR (SELECT count(*) FROM saved_task_filter WHERE account_id = $1) < $5
     ON CONFLICT (account_id, name) DO UPDATE SET criteria = EXCLUDED.criteria, updated_at = EXCLUDED.updated_at
     RETURNING id, name, criteria`,
    [filter.accountId, filter.name, JSON.stringify(filter.criteria), filter.at, MAX_SAVED_FILTERS],
  );
  return result.rows[0];
}

/** Deletes one of the account's filters; false when the account has no filter with that id. */
export async function deleteTaskFilter(db: Queryable, accountId: number, id: string): Promise<boolean> {
  const result = await db.query('DELETE FROM saved_task_filter WHERE account_id = $1 AND id = $2', [accountId, id]);
  return result.rowCount === 1;
}
