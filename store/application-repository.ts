import type { Queryable } from '../platform/database.js';
import { closedStatuses, libraryStatuses, type ApplicationStatus } from '../domain/application-status.js';
import { summaryOf } from '../domain/application-summary.js';
import type { TemplateCode } from '../domain/directions.js';
import type { EarlierDeclaration } from '../domain/eligibility/e6-not-duplicate.js';
import type { RuleOutcome } from '../domain/eligibility/rule.js';
import { libraryProjectsOfEnterprise } from './project-repository.js';

// Explicit SQL for applications, their status history and rule outcomes. Shared by the web server and the workers;
// every function takes the pool or a client inside the caller's transaction. Statuses reach the SQL as parameters
// typed by the domain's list, never as literals in the text.

const DRAFT: ApplicationStatus = 'draft';

export interface Application {
  id: string;
  callId: string;
  enterpriseUscc: string;
  createdBy: number;
  template: TemplateCode;
  unitId: string | null;
  applicationNumber: string | null;
  processInstanceId: string | null;
  status: ApplicationStatus;
  data: Record<string, unknown>;
  correctionRound: number;
  priorityRank: number | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

interface ApplicationRow {
  id: string;
  call_id: string;
  enterprise_uscc: string;
  created_by: string;
  template: TemplateCode;
  unit_id: string | null;
  application_number: string | null;
  process_instance_id: string | null;
  status: ApplicationStatus;
  data: Record<string, unknown>;
  correction_round: number;
  priority_rank: number | null;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
}

function toApplication(row: ApplicationRow): Application {
  return {
    id: row.id,
    callId: row.call_id,
    enterpriseUscc: row.enterprise_uscc,
    createdBy: Number(row.created_by),
    template: row.template,
    unitId: row.unit_id,
    applicationNumber: row.application_number,
    processInstanceId: row.process_instance_id,
    status: row.status,
    data: row.data,
    correctionRound: row.correction_round,
    priorityRank: row.priority_rank,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
  };
}

/** Creates a draft for an enterprise in a call. */
export async function insertDraft(db: Queryable, draft: { callId: string; enterpriseUscc: string; createdBy: number; template: TemplateCode; data: Record<string, unknown>; at: Date }): Promise<Application> {
  const result = await db.query<ApplicationRow>(
    `INSERT INTO application (call_id, enterprise_uscc, created_by, template, data, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING *`,
    [draft.callId, draft.enterpriseUscc, draft.createdBy, draft.template, draft.data, draft.at],
  );
  return toApplication(result.rows[0]!);
}

/** One application by id; `forUpdate` locks its row for the caller's transaction. */
export async function findApplication(db: Queryable, id: string, forUpdate = false): Promise<Application | undefined> {
  const result = await db.query<ApplicationRow>(`SELECT * FROM application WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return result.rows[0] && toApplication(result.rows[0]);
}

/** The applications of an enterprise, newest first. */
export async function listEnterpriseApplications(db: Queryable, enterpriseUscc: string): Promise<Application[]> {
  const result = await db.query<ApplicationRow>('SELECT * FROM application WHERE enterprise_uscc = $1 ORDER BY created_at DESC', [enterpriseUscc]);
  return result.rows.map(toApplication);
}

/** The submitted applications declared to a unit, by number. */
export async function listUnitApplications(db: Queryable, unitId: string): Promise<Application[]> {
  const result = await db.query<ApplicationRow>('SELECT * FROM application WHERE unit_id = $1 AND status <> $2 ORDER BY application_number', [unitId, DRAFT]);
  return result.rows.map(toApplication);
}

/** Replaces a draft's data; returns false when the application is no longer a draft. */
export async function updateDraftData(db: Queryable, id: string, data: Record<string, unknown>, at: Date): Promise<boolean> {
  const result = await db.query('UPDATE application SET data = $2, updated_at = $3 WHERE id = $1 AND status = $4', [id, data, at, DRAFT]);
  return result.rowCount === 1;
}

/** The next number in a (year, unit) sequence, safe under concurrent submissions. */
export async function nextApplicationSequence(db: Queryable, year: number, unitId: string): Promise<number> {
  const result = await db.query<{ last: number }>(
    `INSERT INTO application_number_sequence (year, unit_id, last) VALUES ($1, $2, 1)
     ON CONFLICT (year, unit_id) DO UPDATE SET last = application_number_sequence.last + 1 RETURNING last`,
    [year, unitId],
  );
  return result.rows[0]!.last;
}

/** Stores a draft's final data, unit and number; its status changes through changeApplicationStatus. */
export async function markSubmitted(db: Queryable, submission: { id: string; data: Record<string, unknown>; unitId: string; applicationNumber: string; at: Date }): Promise<void> {
  await db.query(
    `UPDATE application SET data = $2, unit_id = $3, application_number = $4, submitted_at = $5, updated_at = $5
      WHERE id = $1 AND status = $6`,
    [submission.id, submission.data, submission.unitId, submission.applicationNumber, submission.at, DRAFT],
  );
}

/** Stores corrected data and counts the round. */
export async function storeCorrection(db: Queryable, correction: { id: string; data: Record<string, unknown>; at: Date }): Promise<void> {
  await db.query('UPDATE application SET data = $2, correction_round = correction_round + 1, updated_at = $3 WHERE id = $1', [
    correction.id, correction.data, correction.at,
  ]);
}

/** Links the process instance started for the application. */
export async function setProcessInstance(db: Queryable, id: string, processInstanceId: string): Promise<void> {
  await db.query('UPDATE application SET process_instance_id = $2 WHERE id = $1', [id, processInstanceId]);
}

/** Stores the priority rank the decision table gave (null: no priority qualification). */
export async function setPriorityRank(db: Queryable, id: string, rank: number | null): Promise<void> {
  await db.query('UPDATE application SET priority_rank = $2 WHERE id = $1', [id, rank]);
}

export interface StatusEvent {
  status: ApplicationStatus;
  at: Date;
  actor: string;
  reason: string | null;
}

/** Every status an application passed through, oldest first. */
export async function statusHistory(db: Queryable, applicationId: string): Promise<StatusEvent[]> {
  const result = await db.query<StatusEvent>('SELECT status, at, actor, reason FROM application_status_event WHERE application_id = $1 ORDER BY id', [applicationId]);
  return result.rows;
}

/** Replaces the rule outcomes of one check round (a retried check writes the same round again). */
export async function storeRuleOutcomes(db: Queryable, applicationId: string, round: number, outcomes: readonly RuleOutcome[], at: Date): Promise<void> {
  await db.query('DELETE FROM application_rule_outcome WHERE application_id = $1 AND round = $2', [applicationId, round]);
  for (const [position, outcome] of outcomes.entries()) {
    await db.query(
      'INSERT INTO application_rule_outcome (application_id, round, rule_id, result, reason, field, at, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [applicationId, round, outcome.ruleId, outcome.result, outcome.reason ?? null, outcome.field ?? null, at, position],
    );
  }
}

/** The rule outcomes of the latest check round. */
export async function latestRuleOutcomes(db: Queryable, applicationId: string): Promise<(RuleOutcome & { round: number })[]> {
  const result = await db.query<{ rule_id: RuleOutcome['ruleId']; result: RuleOutcome['result']; reason: string | null; field: string | null; round: number }>(
    `SELECT rule_id, result, reason, field, round FROM application_rule_outcome
      WHERE application_id = $1 AND round = (SELECT max(round) FROM application_rule_outcome WHERE application_id = $1) ORDER BY position`,
    [applicationId],
  );
  return result.rows.map((row) => ({
    ruleId: row.rule_id,
    result: row.result,
    round: row.round,
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.field ? { field: row.field as RuleOutcome['field'] } : {}),
  }));
}

/**
 * What the duplicate rule (E6) compares: live declarations of a call by an enterprise submitted before the given one
 * (only earlier ones count, so of two copies the later is refused, whichever is checked first), and the enterprise's
 * projects now in the provincial library, of any call.
 */
export async function earlierLiveDeclarations(db: Queryable, application: Pick<Application, 'id' | 'callId' | 'enterpriseUscc' | 'submittedAt' | 'applicationNumber'>): Promise<EarlierDeclaration[]> {
  const result = await db.query<{ application_number: string; enterprise_uscc: string; data: unknown }>(
    `SELECT application_number, enterprise_uscc, data FROM application
      WHERE call_id = $1 AND enterprise_uscc = $2 AND id <> $3 AND status <> ALL($6::text[])
        AND (submitted_at, application_number) < ($4, $5)`,
    [application.callId, application.enterpriseUscc, application.id, application.submittedAt, application.applicationNumber, [...closedStatuses]],
  );
  const declarations = result.rows.map((row) => ({
    applicationNumber: row.application_number,
    uscc: row.enterprise_uscc,
    projectName: summaryOf(row.data).projectName,
    inProvincialLibrary: false,
  }));
  const library = (await libraryProjectsOfEnterprise(db, application.enterpriseUscc, application.id)).map((project) => ({
    applicationNumber: project.projectNumber,
    uscc: project.enterpriseUscc,
    projectName: project.projectName,
    inProvincialLibrary: true,
  }));
  return [...declarations, ...library];
}

/** A unit's library in a call: applications it passed (in its library, or recommended from it). */
export async function listUnitLibrary(db: Queryable, callId: string, unitId: string): Promise<Application[]> {
  const result = await db.query<ApplicationRow>(
    `SELECT * FROM application WHERE call_id = $1 AND unit_id = $2 AND status = ANY($3::text[])
      ORDER BY priority_rank NULLS LAST, submitted_at, application_number`,
    [callId, unitId, [...libraryStatuses]],
  );
  return result.rows.map(toApplication);
}
