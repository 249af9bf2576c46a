import type { Queryable } from '../platform/database.js';

// The extra engine groups of accounts (migrations/023_account_group.sql): a city reviewer's sub-groups of its unit.

/** A city reviewer with the extra groups it holds. */
export interface CityReviewerGroups {
  accountId: number;
  username: string;
  displayName: string;
  unitId: string;
  disabled: boolean;
  groups: string[];
}

interface ReviewerRow {
  id: string;
  username: string;
  display_name: string;
  unit_id: string;
  disabled: boolean;
  groups: string[];
}

const REVIEWER_COLUMNS = `a.id, a.username, a.display_name, a.unit_id, a.disabled,
  ARRAY(SELECT g.group_id FROM account_group g WHERE g.account_id = a.id ORDER BY g.group_id) AS groups`;

/** Every city reviewer with its groups, by unit, then user name. */
export async function listCityReviewerGroups(db: Queryable): Promise<CityReviewerGroups[]> {
  const result = await db.query<ReviewerRow>(`SELECT ${REVIEWER_COLUMNS} FROM account a WHERE a.role = 'city-reviewer' ORDER BY a.unit_id, a.username`);
  return result.rows.map(toReviewer);
}

/** One city reviewer with its groups; undefined for any other account. */
export async function findCityReviewerGroups(db: Queryable, accountId: number): Promise<CityReviewerGroups | undefined> {
  const result = await db.query<ReviewerRow>(`SELECT ${REVIEWER_COLUMNS} FROM account a WHERE a.id = $1 AND a.role = 'city-reviewer' FOR UPDATE OF a`, [accountId]);
  const row = result.rows[0];
  return row && toReviewer(row);
}

/** Replaces an account's extra groups with these; run it in the caller's transaction. */
export async function replaceAccountGroups(db: Queryable, accountId: number, groupIds: readonly string[], addedBy: string): Promise<void> {
  await db.query('DELETE FROM account_group WHERE account_id = $1 AND NOT (group_id = ANY($2::text[]))', [accountId, groupIds]);
  await db.query(
    `INSERT INTO account_group (account_id, group_id, added_by) SELECT $1, unnest($2::text[]), $3
     ON CONFLICT (account_id, group_id) DO NOTHING`,
    [accountId, groupIds, addedBy],
  );
}

// helpers

function toReviewer(row: ReviewerRow): CityReviewerGroups {
  return { accountId: Number(row.id), username: row.username, displayName: row.display_name, unitId: row.unit_id, disabled: row.disabled, groups: row.groups };
}
