import type { Queryable } from '../platform/database.js';
import { summaryOf } from '../domain/application-summary.js';

// Read-only figures for the province's dashboards: applications per status, and which application or unit batch a
// process instance belongs to (so an engine task or incident can be shown with its unit and application number).

/** How many applications of a call are in each status (statuses without any are absent). */
export async function countApplicationsByStatus(db: Queryable, callId: string): Promise<Map<string, number>> {
  const result = await db.query<{ status: string; count: number }>('SELECT status, count(*)::int AS count FROM application WHERE call_id = $1 GROUP BY status', [callId]);
  return new Map(result.rows.map((row) => [row.status, row.count]));
}

/** What a process instance is about: an application (with its number) or a unit's batch, in a call. */
export interface ProcessSubject {
  processInstanceId: string;
  applicationId: string | null;
  applicationNumber: string | null;
  projectName: string | null;
  unitId: string | null;
  callId: string;
  callTitle: string;
}

/** The applications and unit batches whose process instances are among `processInstanceIds`. */
export async function processSubjects(db: Queryable, processInstanceIds: readonly string[]): Promise<Map<string, ProcessSubject>> {
  if (processInstanceIds.length === 0) return new Map();
  const result = await db.query<{ process_instance_id: string; application_id: string | null; application_number: string | null; summary: unknown; unit_id: string | null; call_id: string; call_title: string }>(
    // Only the summary's fields leave the database; summaryOf parses them as every other reader does.
    `SELECT a.process_instance_id, a.id AS application_id, a.application_number, jsonb_build_object('projectName', a.data->'projectName') AS summary,
            a.unit_id, a.call_id, c.title AS call_title
       FROM application a JOIN call c ON c.id = a.call_id
      WHERE a.process_instance_id = ANY($1)
     UNION ALL
     SELECT b.process_instance_id, NULL, NULL, NULL, b.unit_id, b.call_id, c.title
       FROM unit_batch b JOIN call c ON c.id = b.call_id
      WHERE b.process_instance_id = ANY($1)`,
    [processInstanceIds],
  );
  return new Map(result.rows.map((row) => [row.process_instance_id, {
    processInstanceId: row.process_instance_id, applicationId: row.application_id, applicationNumber: row.application_number,
    projectName: row.application_id === null ? null : summaryOf(row.summary).projectName,
    unitId: row.unit_id, callId: row.call_id, callTitle: row.call_title,
  }]));
}
