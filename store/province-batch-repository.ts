import type { Queryable } from '../platform/database.js';
import type { ProjectStatus } from '../domain/project-status.js';
import type { TableEntry } from './batch-repository.js';

// What the province reads of the batches it received (形式审查 by batch): what each unit submitted, the units'
// recommendations now, the call's projects per unit and status, and the findings of each project's latest checks.

/** What each unit of a call submitted: its ranked recommendations as the province received them, by unit. */
export async function submittedEntriesOfCall(db: Queryable, callId: string): Promise<Map<string, TableEntry[]>> {
  const result = await db.query<{ unit_id: string; submitted_entries: TableEntry[] }>(
    'SELECT unit_id, submitted_entries FROM unit_batch WHERE call_id = $1 AND submitted_entries IS NOT NULL',
    [callId],
  );
  return new Map(result.rows.map((row) => [row.unit_id, row.submitted_entries]));
}

/** Every active recommendation of a call as a 推荐表 entry, by unit and rank. */
export async function activeRecommendationsOfCall(db: Queryable, callId: string): Promise<Map<string, TableEntry[]>> {
  const result = await db.query<{ unit_id: string; application_id: string; rank: number; opinion: string }>(
    'SELECT unit_id, application_id, rank, opinion FROM recommendation WHERE call_id = $1 AND active ORDER BY unit_id, rank, id',
    [callId],
  );
  const byUnit = new Map<string, TableEntry[]>();
  for (const row of result.rows) byUnit.set(row.unit_id, [...(byUnit.get(row.unit_id) ?? []), { applicationId: row.application_id, rank: row.rank, opinion: row.opinion }]);
  return byUnit;
}

/** A call's projects counted per unit and status. */
export async function projectCountsOfCall(db: Queryable, callId: string): Promise<{ unitId: string; status: ProjectStatus; count: number }[]> {
  const result = await db.query<{ unit_id: string; status: ProjectStatus; count: number }>(
    'SELECT unit_id, status, count(*)::int AS count FROM project WHERE call_id = $1 GROUP BY unit_id, status',
    [callId],
  );
  return result.rows.map((row) => ({ unitId: row.unit_id, status: row.status, count: row.count }));
}

/** Per project, how many findings of its latest check round are not a pass; projects never checked are absent. */
export async function openFindingCounts(db: Queryable, projectIds: readonly string[]): Promise<Map<string, number>> {
  if (!projectIds.length) return new Map();
  const result = await db.query<{ project_id: string; count: number }>(
    `SELECT c.project_id, count(*) FILTER (WHERE c.result <> 'pass')::int AS count
       FROM project_check c
      WHERE c.project_id = ANY($1::uuid[])
        AND c.round = (SELECT max(round) FROM project_check l WHERE l.project_id = c.project_id)
      GROUP BY c.project_id`,
    [projectIds],
  );
  return new Map(result.rows.map((row) => [row.project_id, row.count]));
}
