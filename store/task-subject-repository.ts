import type { Queryable } from '../platform/database.js';
import type { ApplicationStatus } from '../domain/application-status.js';
import { summaryOf } from '../domain/application-summary.js';
import type { TemplateCode } from '../domain/directions.js';
import type { RuleResult } from '../domain/eligibility/rule.js';
import type { ProjectStatus } from '../domain/project-status.js';

// What the tasklist shows beside an engine task: the application or the unit batch its process instance belongs
// to, and the names of the people it mentions. One query per kind for a whole list of tasks.

/** The application a task belongs to, as the tasklist lists it. */
export interface TaskApplication {
  id: string;
  processInstanceId: string;
  applicationNumber: string | null;
  unitId: string | null;
  template: TemplateCode;
  status: ApplicationStatus;
  enterpriseName: string;
  projectName: string;
  /** The warnings (for the reviewer to judge, never blocking) of the latest rule check round. */
  warningCount: number;
}

/** The unit batch a task belongs to. */
export interface TaskBatch {
  processInstanceId: string;
  callId: string;
  callTitle: string;
  unitId: string;
  tablePdfId: string | null;
  tableDocxId: string | null;
  sealedScanId: string | null;
  renderedAt: Date | null;
}

/** The applications of these process instances, with the warnings of their latest check round counted in the same query. */
export async function applicationsOfInstances(db: Queryable, processInstanceIds: readonly string[]): Promise<TaskApplication[]> {
  if (!processInstanceIds.length) return [];
  return (await applicationRows(db, 'a.process_instance_id = ANY($1::text[])', 'a.process_instance_id', processInstanceIds)).map(({ project: _, ...application }) => application);
}

/** The project a task of a project process belongs to: its application, as the tasklist lists it, and the project. */
export type TaskProjectApplication = TaskApplication & { project: TaskProject };

/** The project of a task (processes/project.bpmn). */
export interface TaskProject {
  id: string;
  projectNumber: string;
  status: ProjectStatus;
}

/** The applications of the projects of these (project process) instances; processInstanceId is the project's. */
export async function projectApplicationsOfInstances(db: Queryable, processInstanceIds: readonly string[]): Promise<TaskProjectApplication[]> {
  if (!processInstanceIds.length) return [];
  const rows = await applicationRows(db, 'p.process_instance_id = ANY($1::text[])', 'p.process_instance_id', processInstanceIds, 'JOIN project p ON p.application_id = a.id');
  return rows.flatMap((row) => (row.project ? [{ ...row, project: row.project }] : []));
}

/** The applications of these projects, by project id (an expert's seat task is about its project). */
export async function projectApplicationsById(db: Queryable, projectIds: readonly string[]): Promise<TaskProjectApplication[]> {
  if (!projectIds.length) return [];
  const rows = await applicationRows(db, 'p.id = ANY($1::uuid[])', 'p.id::text', projectIds, 'JOIN project p ON p.application_id = a.id');
  return rows.flatMap((row) => (row.project ? [{ ...row, project: row.project }] : []));
}

// helpers

async function applicationRows(db: Queryable, where: string, instanceColumn: string, processInstanceIds: readonly string[], join = ''): Promise<(TaskApplication & { project?: TaskProject })[]> {
  const result = await db.query<{
    id: string; process_instance_id: string; application_number: string | null; unit_id: string | null; template: TemplateCode; status: ApplicationStatus;
    summary: unknown; warning_count: number; project_id?: string; project_number?: string; project_status?: ProjectStatus;
  }>(
    // Only the summary's fields leave the database; summaryOf parses them as every other reader does.
    `SELECT a.id, ${instanceColumn} AS process_instance_id, a.application_number, a.unit_id, a.template, a.status,
            jsonb_build_object('enterpriseName', a.data->'enterpriseName', 'projectName', a.data->'projectName') AS summary, w.warning_count
            ${join ? ', p.id AS project_id, p.project_number, p.status AS project_status' : ''}
       FROM application a ${join}
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE o.result = $2)::int AS warning_count FROM application_rule_outcome o
          WHERE o.application_id = a.id AND o.round = (SELECT max(m.round) FROM application_rule_outcome m WHERE m.application_id = a.id)
       ) w
      WHERE ${where}`,
    [processInstanceIds, 'warning' satisfies RuleResult],
  );
  return result.rows.map((row) => {
    const { enterpriseName, projectName } = summaryOf(row.summary);
    return {
      id: row.id, processInstanceId: row.process_instance_id, applicationNumber: row.application_number, unitId: row.unit_id, template: row.template,
      status: row.status, enterpriseName, projectName, warningCount: row.warning_count,
      ...(row.project_id ? { project: { id: row.project_id, projectNumber: row.project_number!, status: row.project_status! } } : {}),
    };
  });
}

/** The unit batches of these process instances, with their call's title. */
export async function batchesOfInstances(db: Queryable, processInstanceIds: readonly string[]): Promise<TaskBatch[]> {
  if (!processInstanceIds.length) return [];
  const result = await db.query<{
    process_instance_id: string; call_id: string; title: string; unit_id: string; table_pdf_id: string | null; table_docx_id: string | null;
    sealed_scan_id: string | null; rendered_at: Date | null;
  }>(
    `SELECT b.process_instance_id, b.call_id, c.title, b.unit_id, b.table_pdf_id, b.table_docx_id, b.sealed_scan_id, b.rendered_at
       FROM unit_batch b JOIN call c ON c.id = b.call_id WHERE b.process_instance_id = ANY($1::text[])`,
    [processInstanceIds],
  );
  return result.rows.map((row) => ({
    processInstanceId: row.process_instance_id, callId: row.call_id, callTitle: row.title, unitId: row.unit_id, tablePdfId: row.table_pdf_id,
    tableDocxId: row.table_docx_id, sealedScanId: row.sealed_scan_id, renderedAt: row.rendered_at,
  }));
}

/** The display names of these user names (the engine knows people only by user name). */
export async function displayNames(db: Queryable, usernames: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(usernames)];
  if (!wanted.length) return new Map();
  const result = await db.query<{ username: string; display_name: string }>('SELECT username, display_name FROM account WHERE username = ANY($1::text[])', [wanted]);
  return new Map(result.rows.map((row) => [row.username, row.display_name]));
}
