import type { Queryable } from '../platform/database.js';
import { summaryOf } from '../domain/application-summary.js';
import { insertAuditEntry } from './audit-log-repository.js';
import { checkProjectStatusMove, initialProjectStatus, inLibraryStatuses, type ProjectStatus } from '../domain/project-status.js';

// The provincial library's projects (migration 028): created once per application when its unit's batch is
// submitted, and every status change of one a row of project_status_event.

export interface Project {
  id: string;
  applicationId: string;
  /** The application number; the business key of the project's process. */
  projectNumber: string;
  callId: string;
  unitId: string;
  enterpriseUscc: string;
  status: ProjectStatus;
  createdAt: Date;
  admittedAt: Date | null;
  processInstanceId: string | null;
  snapshot: ProjectSnapshot | null;
  /** From the application's data, as lists show it. */
  projectName: string;
  enterpriseName: string;
}

/** The application as admitted (LIFECYCLE.md stage 4a): its data, its attachments' hashes, its rendered documents. */
export interface ProjectSnapshot {
  admittedAt: string;
  template: string;
  data: Record<string, unknown>;
  attachments: { id: string; fileName: string; mediaType: string; sha256: string; label: string }[];
  documents: { kind: string; format: string; attachmentId: string; fileName: string; sha256: string }[];
}

/** One row of a project's history: from (null at creation), to, who, when, why. */
export interface ProjectStatusEvent {
  fromStatus: ProjectStatus | null;
  toStatus: ProjectStatus;
  actor: string;
  at: Date;
  reason: string | null;
}

interface ProjectRow {
  id: string;
  application_id: string;
  project_number: string;
  call_id: string;
  unit_id: string;
  enterprise_uscc: string;
  status: ProjectStatus;
  created_at: Date;
  admitted_at: Date | null;
  process_instance_id: string | null;
  snapshot: ProjectSnapshot | null;
  data: unknown;
}

const SELECT_PROJECT = 'SELECT p.*, a.data FROM project p JOIN application a ON a.id = p.application_id';

function toProject(row: ProjectRow): Project {
  const summary = summaryOf(row.data);
  return {
    id: row.id, applicationId: row.application_id, projectNumber: row.project_number, callId: row.call_id, unitId: row.unit_id,
    enterpriseUscc: row.enterprise_uscc, status: row.status, createdAt: row.created_at, admittedAt: row.admitted_at,
    processInstanceId: row.process_instance_id, snapshot: row.snapshot, projectName: summary.projectName, enterpriseName: summary.enterpriseName,
  };
}

/** An application of a submitted batch, as its project is created from it. */
export interface BatchApplication {
  applicationId: string;
  applicationNumber: string;
  enterpriseUscc: string;
}

/**
 * Creates the project of each application of a unit's submitted batch, with its creation status event and audit
 * entry, in the caller's transaction. An application that already has its project is skipped, so a replay creates
 * none twice; returns the projects created now.
 */
export async function insertProjectsOfBatch(
  db: Queryable,
  batch: { callId: string; unitId: string; applications: readonly BatchApplication[]; actor: string; at: Date },
): Promise<{ id: string; applicationId: string; projectNumber: string }[]> {
  const created: { id: string; applicationId: string; projectNumber: string }[] = [];
  for (const application of batch.applications) {
    const row = await db.query<{ id: string }>(
      `INSERT INTO project (application_id, project_number, call_id, unit_id, enterprise_uscc, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (application_id) DO NOTHING RETURNING id`,
      [application.applicationId, application.applicationNumber, batch.callId, batch.unitId, application.enterpriseUscc, initialProjectStatus, batch.at],
    );
    const id = row.rows[0]?.id;
    if (!id) continue;
    await insertStatusEvent(db, { projectId: id, fromStatus: null, toStatus: initialProjectStatus, actor: batch.actor, at: batch.at, reason: '推荐批次已报送省厅' });
    await insertAuditEntry(db, {
      actor: batch.actor, action: 'project.created', subject: `project:${id}`, callId: batch.callId, unitId: batch.unitId,
      applicationId: application.applicationId, at: batch.at, detail: { projectNumber: application.applicationNumber, status: initialProjectStatus },
    });
    created.push({ id, applicationId: application.applicationId, projectNumber: application.applicationNumber });
  }
  return created;
}

/** The project an application became, if its batch was submitted; `forUpdate` locks it. */
export async function findProjectOfApplication(db: Queryable, applicationId: string, forUpdate = false): Promise<Project | undefined> {
  const result = await db.query<ProjectRow>(`${SELECT_PROJECT} WHERE p.application_id = $1${forUpdate ? ' FOR UPDATE OF p' : ''}`, [applicationId]);
  return result.rows[0] && toProject(result.rows[0]);
}

/** A project by its id; `forUpdate` locks it. */
export async function findProject(db: Queryable, projectId: string, forUpdate = false): Promise<Project | undefined> {
  const result = await db.query<ProjectRow>(`${SELECT_PROJECT} WHERE p.id = $1${forUpdate ? ' FOR UPDATE OF p' : ''}`, [projectId]);
  return result.rows[0] && toProject(result.rows[0]);
}

/** The library's lists: projects narrowed by each filter given, in project-number order. */
export async function listProjects(db: Queryable, filter: { callId?: string; unitId?: string; statuses?: readonly ProjectStatus[] }): Promise<Project[]> {
  const result = await db.query<ProjectRow>(
    `${SELECT_PROJECT}
      WHERE ($1::text IS NULL OR p.call_id = $1) AND ($2::text IS NULL OR p.unit_id = $2) AND ($3::text[] IS NULL OR p.status = ANY($3))
      ORDER BY p.project_number`,
    [filter.callId ?? null, filter.unitId ?? null, filter.statuses ? [...filter.statuses] : null],
  );
  return result.rows.map(toProject);
}

/** An enterprise's projects now in the provincial library, of any call, other than the given application's (E6). */
export async function libraryProjectsOfEnterprise(db: Queryable, enterpriseUscc: string, exceptApplicationId: string): Promise<Project[]> {
  const result = await db.query<ProjectRow>(
    `${SELECT_PROJECT} WHERE p.enterprise_uscc = $1 AND p.application_id <> $2 AND p.status = ANY($3::text[]) ORDER BY p.project_number`,
    [enterpriseUscc, exceptApplicationId, [...inLibraryStatuses]],
  );
  return result.rows.map(toProject);
}

/** Links a project to the process instance its start command started. */
export async function setProjectProcessInstance(db: Queryable, projectId: string, processInstanceId: string): Promise<void> {
  await db.query('UPDATE project SET process_instance_id = $2 WHERE id = $1', [projectId, processInstanceId]);
}

/** The projects of these process instances (the tasklist's subjects). */
export async function projectsOfInstances(db: Queryable, processInstanceIds: readonly string[]): Promise<Project[]> {
  if (!processInstanceIds.length) return [];
  const result = await db.query<ProjectRow>(`${SELECT_PROJECT} WHERE p.process_instance_id = ANY($1::text[])`, [processInstanceIds]);
  return result.rows.map(toProject);
}

/** Projects whose process was never queued to start (created before the project process existed): the backfill. */
export async function projectsWithoutProcess(db: Queryable): Promise<Project[]> {
  const result = await db.query<ProjectRow>(
    `${SELECT_PROJECT}
      WHERE p.process_instance_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM engine_command c WHERE c.project_id = p.id AND c.kind = 'start-process')
      ORDER BY p.project_number`,
  );
  return result.rows.map(toProject);
}

/** Freezes the application as admitted: set once, a retried admission keeps the first snapshot. */
export async function setProjectSnapshot(db: Queryable, projectId: string, snapshot: ProjectSnapshot): Promise<boolean> {
  const result = await db.query('UPDATE project SET snapshot = $2 WHERE id = $1 AND snapshot IS NULL', [projectId, JSON.stringify(snapshot)]);
  return (result.rowCount ?? 0) > 0;
}

/** A project's status history, oldest first. */
export async function projectStatusEvents(db: Queryable, projectId: string): Promise<ProjectStatusEvent[]> {
  const result = await db.query<{ from_status: ProjectStatus | null; to_status: ProjectStatus; actor: string; at: Date; reason: string | null }>(
    'SELECT from_status, to_status, actor, at, reason FROM project_status_event WHERE project_id = $1 ORDER BY id',
    [projectId],
  );
  return result.rows.map((row) => ({ fromStatus: row.from_status, toStatus: row.to_status, actor: row.actor, at: row.at, reason: row.reason }));
}

/** A move the domain's table does not allow; the message (Chinese) names both statuses. */
export class IllegalProjectStatusChange extends Error {
  constructor(readonly projectId: string, readonly reason: string) {
    super(reason);
    this.name = 'IllegalProjectStatusChange';
  }
}

/**
 * Changes a project's status in the caller's transaction: locks it, checks the move, records the event (and the
 * admission time on admission) and its audit entry. Returns false when the project already had the status; throws
 * IllegalProjectStatusChange (its message in Chinese) for an illegal move.
 */
export async function changeProjectStatus(db: Queryable, change: { projectId: string; to: ProjectStatus; actor: string; at: Date; reason: string | null }): Promise<boolean> {
  const project = await findProject(db, change.projectId, true);
  if (!project) throw new Error(`Project ${change.projectId} does not exist`);
  const move = checkProjectStatusMove(project.status, change.to);
  if (move.outcome === 'unchanged') return false;
  if (move.outcome === 'illegal') throw new IllegalProjectStatusChange(project.id, move.reason);
  await db.query(
    `UPDATE project SET status = $2, admitted_at = CASE WHEN $2 = 'admitted' THEN $3 ELSE admitted_at END WHERE id = $1`,
    [project.id, change.to, change.at],
  );
  await insertStatusEvent(db, { projectId: project.id, fromStatus: project.status, toStatus: change.to, actor: change.actor, at: change.at, reason: change.reason });
  await insertAuditEntry(db, {
    actor: change.actor, action: 'project.status-changed', subject: `project:${project.id}`, callId: project.callId, unitId: project.unitId,
    applicationId: project.applicationId, at: change.at, detail: { projectNumber: project.projectNumber, from: project.status, to: change.to, reason: change.reason },
  });
  return true;
}

// helpers

async function insertStatusEvent(db: Queryable, event: { projectId: string; fromStatus: ProjectStatus | null; toStatus: ProjectStatus; actor: string; at: Date; reason: string | null }): Promise<void> {
  await db.query(
    'INSERT INTO project_status_event (project_id, from_status, to_status, actor, at, reason) VALUES ($1, $2, $3, $4, $5, $6)',
    [event.projectId, event.fromStatus, event.toStatus, event.actor, event.at, event.reason],
  );
}
