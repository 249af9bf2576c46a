import type { Queryable } from '../platform/database.js';
import { summaryOf } from '../domain/application-summary.js';

// The engine command outbox (migrations/017_engine_command.sql): queued in the transaction of the change it belongs
// to, claimed by whoever runs it (the request at once, the relay later) under a row lock held until its outcome is
// recorded, so two web replicas never run one command at once and a crash leaves it pending for a replay.

/** What a command asks of the engine. */
export const engineCommandKinds = ['start-process', 'complete-task', 'correlate-message'] as const;
export type EngineCommandKind = (typeof engineCommandKinds)[number];

/** Whom a command concerns: a start links its instance to it. */
export type EngineCommandSubject =
  | { applicationId: string }
  | { batch: { callId: string; unitId: string } }
  | { projectId: string }
  | { reviewSessionId: string }
  | { panelSeatId: string };

interface CommandState {
  id: string;
  variables: Record<string, unknown>;
  subject: EngineCommandSubject | null;
  createdAt: Date;
  attempts: number;
  lastError: string | null;
  doneAt: Date | null;
}

export type StartProcessCommand = CommandState & {
  kind: 'start-process';
  processDefinitionId: string;
  processDefinitionKey: string;
  businessKey: string;
  /** The instance it started, once done. */
  processInstanceId: string | null;
};

export type CompleteTaskCommand = CommandState & { kind: 'complete-task'; taskId: string; processInstanceId: string };

/** A message to the instance of a business key that waits for it (migrations/019): the element that catches it. */
export type CorrelateMessageCommand = CommandState & {
  kind: 'correlate-message';
  messageName: string;
  businessKey: string;
  processDefinitionKey: string;
  catchingActivityId: string;
};

export type EngineCommand = StartProcessCommand | CompleteTaskCommand | CorrelateMessageCommand;

interface CommandRow {
  id: string;
  kind: EngineCommandKind;
  process_definition_id: string | null;
  process_definition_key: string | null;
  business_key: string | null;
  task_id: string | null;
  process_instance_id: string | null;
  variables: Record<string, unknown>;
  application_id: string | null;
  batch_call_id: string | null;
  batch_unit_id: string | null;
  created_at: Date;
  attempts: number;
  last_error: string | null;
  done_at: Date | null;
  message_name: string | null;
  catching_activity_id: string | null;
  project_id: string | null;
  review_session_id: string | null;
  panel_seat_id: string | null;
}

function toCommand(row: CommandRow): EngineCommand {
  const subject: EngineCommandSubject | null = row.application_id
    ? { applicationId: row.application_id }
    : row.batch_call_id && row.batch_unit_id ? { batch: { callId: row.batch_call_id, unitId: row.batch_unit_id } }
    : row.project_id ? { projectId: row.project_id }
    : row.review_session_id ? { reviewSessionId: row.review_session_id }
    : row.panel_seat_id ? { panelSeatId: row.panel_seat_id } : null;
  const state: CommandState = {
    id: row.id, variables: row.variables, subject, createdAt: row.created_at, attempts: row.attempts, lastError: row.last_error, doneAt: row.done_at,
  };
  // The table's CHECKs guarantee the fields of each kind.
  switch (row.kind) {
    case 'start-process':
      return { ...state, kind: row.kind, processDefinitionId: row.process_definition_id!, processDefinitionKey: row.process_definition_key!, businessKey: row.business_key!, processInstanceId: row.process_instance_id };
    case 'complete-task':
      return { ...state, kind: row.kind, taskId: row.task_id!, processInstanceId: row.process_instance_id! };
    case 'correlate-message':
      return { ...state, kind: row.kind, messageName: row.message_name!, businessKey: row.business_key!, processDefinitionKey: row.process_definition_key!, catchingActivityId: row.catching_activity_id! };
  }
}

type SubjectColumns = [string | null, string | null, string | null, string | null, string | null, string | null];

// application_id, batch_call_id, batch_unit_id, project_id, review_session_id, panel_seat_id
function subjectColumns(subject: EngineCommandSubject): SubjectColumns {
  if ('applicationId' in subject) return [subject.applicationId, null, null, null, null, null];
  if ('projectId' in subject) return [null, null, null, subject.projectId, null, null];
  if ('reviewSessionId' in subject) return [null, null, null, null, subject.reviewSessionId, null];
  if ('panelSeatId' in subject) return [null, null, null, null, null, subject.panelSeatId];
  return [null, subject.batch.callId, subject.batch.unitId, null, null, null];
}

/** Queues the start of a process instance in the caller's transaction; returns the command's id. */
export async function queueProcessStart(
  db: Queryable,
  start: { processDefinitionId: string; processDefinitionKey: string; businessKey: string; variables: Record<string, unknown>; subject: EngineCommandSubject },
): Promise<string> {
  const result = await db.query<{ id: string }>(
    `INSERT INTO engine_command (kind, process_definition_id, process_definition_key, business_key, variables, application_id, batch_call_id, batch_unit_id, project_id, review_session_id, panel_seat_id)
     VALUES ('start-process', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [start.processDefinitionId, start.processDefinitionKey, start.businessKey, JSON.stringify(start.variables), ...subjectColumns(start.subject)],
  );
  return result.rows[0]!.id;
}

/** Queues the completion of a task (of a known instance) in the caller's transaction; returns the command's id. */
export async function queueTaskCompletion(
  db: Queryable,
  completion: { taskId: string; processInstanceId: string; variables: Record<string, unknown>; subject: EngineCommandSubject },
): Promise<string> {
  const result = await db.query<{ id: string }>(
    `INSERT INTO engine_command (kind, task_id, process_instance_id, variables, application_id, batch_call_id, batch_unit_id, project_id, review_session_id, panel_seat_id)
     VALUES ('complete-task', $1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [completion.taskId, completion.processInstanceId, JSON.stringify(completion.variables), ...subjectColumns(completion.subject)],
  );
  return result.rows[0]!.id;
}

/**
 * Queues a message to the instance of a business key (of one process key) in the caller's transaction, with the
 * element of the model that catches it (what a replay looks for in the history); returns the command's id.
 */
export async function queueMessageCorrelation(
  db: Queryable,
  message: { messageName: string; businessKey: string; processDefinitionKey: string; catchingActivityId: string; variables: Record<string, unknown>; subject: EngineCommandSubject },
): Promise<string> {
  const result = await db.query<{ id: string }>(
    `INSERT INTO engine_command (kind, message_name, business_key, process_definition_key, catching_activity_id, variables, application_id, batch_call_id, batch_unit_id, project_id, review_session_id, panel_seat_id)
     VALUES ('correlate-message', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [message.messageName, message.businessKey, message.processDefinitionKey, message.catchingActivityId, JSON.stringify(message.variables), ...subjectColumns(message.subject)],
  );
  return result.rows[0]!.id;
}

/** Locks one pending command for running it, waiting while another runner holds it; undefined once it is done. */
export async function claimEngineCommand(db: Queryable, id: string): Promise<EngineCommand | undefined> {
  const result = await db.query<CommandRow>('SELECT * FROM engine_command WHERE id = $1 AND done_at IS NULL FOR UPDATE', [id]);
  return result.rows[0] && toCommand(result.rows[0]);
}

/**
 * Locks the next pending command that is due, skipping those another runner holds, and those behind an earlier
 * pending command of the same application or batch (their engine state follows from it).
 */
export async function claimNextDueEngineCommand(db: Queryable): Promise<EngineCommand | undefined> {
  const result = await db.query<CommandRow>(
    `SELECT * FROM engine_command c
      WHERE c.done_at IS NULL AND c.next_attempt_at <= now()
        AND NOT EXISTS (
          SELECT 1 FROM engine_command earlier
           WHERE earlier.done_at IS NULL AND earlier.id < c.id
             AND (earlier.application_id = c.application_id OR earlier.project_id = c.project_id
                  OR (earlier.batch_call_id = c.batch_call_id AND earlier.batch_unit_id = c.batch_unit_id)))
      ORDER BY c.next_attempt_at, c.id
      LIMIT 1
      FOR UPDATE SKIP LOCKED`,
  );
  return result.rows[0] && toCommand(result.rows[0]);
}

/** Records a command done, with the instance a start started (or found started). */
export async function markEngineCommandDone(db: Queryable, id: string, processInstanceId: string | null): Promise<void> {
  await db.query('UPDATE engine_command SET done_at = now(), process_instance_id = coalesce($2, process_instance_id) WHERE id = $1', [id, processInstanceId]);
}

/** Records a failed attempt with the engine's message; the next is due after a back-off that doubles up to ten minutes. */
export async function markEngineCommandFailed(db: Queryable, id: string, error: string): Promise<void> {
  await db.query(
    `UPDATE engine_command
        SET attempts = attempts + 1, last_error = left($2, 2000),
            next_attempt_at = now() + least(interval '10 minutes', interval '5 seconds' * power(2, least(attempts, 10)))
      WHERE id = $1`,
    [id, error],
  );
}

/** One command, done or not. */
export async function findEngineCommand(db: Queryable, id: string): Promise<EngineCommand | undefined> {
  const result = await db.query<CommandRow>('SELECT * FROM engine_command WHERE id = $1', [id]);
  return result.rows[0] && toCommand(result.rows[0]);
}

/** Every command of an application, a batch or a project, oldest first. */
export async function engineCommandsOf(db: Queryable, subject: EngineCommandSubject): Promise<EngineCommand[]> {
  const [applicationId, callId, unitId, projectId, reviewSessionId, panelSeatId] = subjectColumns(subject);
  const result = await db.query<CommandRow>(
    `SELECT * FROM engine_command
      WHERE application_id = $1 OR (batch_call_id = $2 AND batch_unit_id = $3) OR project_id = $4 OR review_session_id = $5 OR panel_seat_id = $6
      ORDER BY id`,
    [applicationId, callId, unitId, projectId, reviewSessionId, panelSeatId],
  );
  return result.rows.map(toCommand);
}

/** Whom a failing command concerns, as an operator reads it: the application (number, project) or batch, unit, call. */
export interface FailingEngineCommand {
  command: EngineCommand;
  applicationNumber: string | null;
  projectName: string | null;
  unitId: string | null;
  callId: string | null;
  callTitle: string | null;
}

/** Pending commands that have failed at least once, oldest first: what an operator must look at. */
export async function failingEngineCommands(db: Queryable, maxResults: number): Promise<FailingEngineCommand[]> {
  const result = await db.query<CommandRow & { application_number: string | null; summary: unknown; unit_id: string | null; call_id: string | null; call_title: string | null }>(
    `SELECT e.*, a.application_number, jsonb_build_object('projectName', a.data->'projectName') AS summary,
            coalesce(a.unit_id, e.batch_unit_id) AS unit_id, c.id AS call_id, c.title AS call_title
       FROM engine_command e
       LEFT JOIN project pr ON pr.id = e.project_id
       LEFT JOIN application a ON a.id = coalesce(e.application_id, pr.application_id)
       LEFT JOIN call c ON c.id = coalesce(a.call_id, e.batch_call_id)
      WHERE e.done_at IS NULL AND e.attempts > 0
      ORDER BY e.created_at, e.id
      LIMIT $1`,
    [maxResults],
  );
  return result.rows.map((row) => ({
    command: toCommand(row),
    applicationNumber: row.application_number,
    projectName: row.application_number === null ? null : summaryOf(row.summary).projectName,
    unitId: row.unit_id,
    callId: row.call_id,
    callTitle: row.call_title,
  }));
}
