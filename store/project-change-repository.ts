import type { Queryable } from '../platform/database.js';
import type { ChangeKind, ChangeRequestStatus } from '../domain/change-request-rules.js';
import type { ExitGround, ExitProposalStatus } from '../domain/project-exit.js';

// 变更申请 and 退库 proposals of a project (migration 029). Each step moves a row from the status it must be in, so a
// step taken twice (a retried worker, a double submission) changes nothing the second time and says so.

/** A change request (变更申请) of a project. */
export interface ChangeRequest {
  id: string;
  projectId: string;
  kind: ChangeKind;
  /** The fields asked to change, with their new values; empty for a termination. */
  changes: Record<string, unknown>;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
  status: ChangeRequestStatus;
  ruleReason: string | null;
  unitOpinion: 'agree' | 'disagree' | null;
  unitComment: string | null;
  unitBy: string | null;
  unitAt: Date | null;
  decisionComment: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  appliedAt: Date | null;
}

/** A proposal of the project's exit (退库). */
export interface ExitProposal {
  id: string;
  projectId: string;
  ground: ExitGround;
  reason: string;
  proposedBy: string;
  proposedAt: Date;
  status: ExitProposalStatus;
  decisionComment: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

interface ChangeRequestRow {
  id: string; project_id: string; kind: ChangeKind; changes: Record<string, unknown>; reason: string; requested_by: string; requested_at: Date;
  status: ChangeRequestStatus; rule_reason: string | null; unit_opinion: 'agree' | 'disagree' | null; unit_comment: string | null; unit_by: string | null;
  unit_at: Date | null; decision_comment: string | null; decided_by: string | null; decided_at: Date | null; applied_at: Date | null;
}

interface ExitProposalRow {
  id: string; project_id: string; ground: ExitGround; reason: string; proposed_by: string; proposed_at: Date; status: ExitProposalStatus;
  decision_comment: string | null; decided_by: string | null; decided_at: Date | null;
}

const toChangeRequest = (row: ChangeRequestRow): ChangeRequest => ({
  id: row.id, projectId: row.project_id, kind: row.kind, changes: row.changes, reason: row.reason, requestedBy: row.requested_by,
  requestedAt: row.requested_at, status: row.status, ruleReason: row.rule_reason, unitOpinion: row.unit_opinion, unitComment: row.unit_comment,
  unitBy: row.unit_by, unitAt: row.unit_at, decisionComment: row.decision_comment, decidedBy: row.decided_by, decidedAt: row.decided_at, appliedAt: row.applied_at,
});

const toExitProposal = (row: ExitProposalRow): ExitProposal => ({
  id: row.id, projectId: row.project_id, ground: row.ground, reason: row.reason, proposedBy: row.proposed_by, proposedAt: row.proposed_at,
  status: row.status, decisionComment: row.decision_comment, decidedBy: row.decided_by, decidedAt: row.decided_at,
});

/** Records a new change request, being checked by rule. The one-open-per-project index refuses a second (23505). */
export async function insertChangeRequest(
  db: Queryable,
  request: { projectId: string; kind: ChangeKind; changes: Record<string, unknown>; reason: string; requestedBy: string; requestedAt: Date },
): Promise<ChangeRequest> {
  const result = await db.query<ChangeRequestRow>(
    `INSERT INTO project_change_request (project_id, kind, changes, reason, requested_by, requested_at, status)
     VALUES ($1, $2, $3, $4, $5, $6, 'checking') RETURNING *`,
    [request.projectId, request.kind, JSON.stringify(request.changes), request.reason, request.requestedBy, request.requestedAt],
  );
  return toChangeRequest(result.rows[0]!);
}

/** A change request by its id; `forUpdate` locks it. */
export async function findChangeRequest(db: Queryable, id: string, forUpdate = false): Promise<ChangeRequest | undefined> {
  const result = await db.query<ChangeRequestRow>(`SELECT * FROM project_change_request WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return result.rows[0] && toChangeRequest(result.rows[0]);
}

/** A project's change requests, oldest first. */
export async function listChangeRequests(db: Queryable, projectId: string): Promise<ChangeRequest[]> {
  const result = await db.query<ChangeRequestRow>('SELECT * FROM project_change_request WHERE project_id = $1 ORDER BY requested_at, id', [projectId]);
  return result.rows.map(toChangeRequest);
}

/** The project's change request still being handled, if any. */
export async function openChangeRequest(db: Queryable, projectId: string): Promise<ChangeRequest | undefined> {
  const result = await db.query<ChangeRequestRow>(
    "SELECT * FROM project_change_request WHERE project_id = $1 AND status IN ('checking', 'unit-review', 'province-review')",
    [projectId],
  );
  return result.rows[0] && toChangeRequest(result.rows[0]);
}

/** The outcome of the rule check: refused with its reason, or on to the unit. False when it was no longer being checked. */
export async function recordRuleCheck(db: Queryable, id: string, refusal: string | undefined): Promise<boolean> {
  const result = await db.query(
    `UPDATE project_change_request SET status = $2, rule_reason = $3 WHERE id = $1 AND status = 'checking'`,
    [id, refusal === undefined ? 'unit-review' : 'refused-by-rule', refusal ?? null],
  );
  return result.rowCount === 1;
}

/** The unit's opinion; the request goes on to the province. False when it was not waiting for the unit. */
export async function recordUnitOpinion(db: Queryable, id: string, opinion: { opinion: 'agree' | 'disagree'; comment: string; by: string; at: Date }): Promise<boolean> {
  const result = await db.query(
    `UPDATE project_change_request SET status = 'province-review', unit_opinion = $2, unit_comment = $3, unit_by = $4, unit_at = $5
      WHERE id = $1 AND status = 'unit-review'`,
    [id, opinion.opinion, opinion.comment, opinion.by, opinion.at],
  );
  return result.rowCount === 1;
}

/** The province's decision. False when it was not waiting for the province. */
export async function recordChangeDecision(db: Queryable, id: string, decision: { approve: boolean; comment: string; by: string; at: Date }): Promise<boolean> {
  const result = await db.query(
    `UPDATE project_change_request SET status = $2, decision_comment = $3, decided_by = $4, decided_at = $5
      WHERE id = $1 AND status = 'province-review'`,
    [id, decision.approve ? 'approved' : 'refused', decision.comment, decision.by, decision.at],
  );
  return result.rowCount === 1;
}

/**
 * Applies an approved change to the project's current version (application.data) and marks it applied, once: false
 * when it was applied before (a retried step) or is not an approved change. The snapshot is not touched.
 */
export async function applyApprovedChange(db: Queryable, request: Pick<ChangeRequest, 'id' | 'projectId' | 'changes'>, at: Date): Promise<boolean> {
  const marked = await db.query(
    `UPDATE project_change_request SET applied_at = $2 WHERE id = $1 AND status = 'approved' AND kind = 'change' AND applied_at IS NULL`,
    [request.id, at],
  );
  if (marked.rowCount !== 1) return false;
  await db.query(
    'UPDATE application SET data = data || $2::jsonb, updated_at = $3 WHERE id = (SELECT application_id FROM project WHERE id = $1)',
    [request.projectId, JSON.stringify(request.changes), at],
  );
  return true;
}

/** Records a proposal of the project's exit, pending. The one-pending-per-project index refuses a second (23505). */
export async function insertExitProposal(
  db: Queryable,
  proposal: { projectId: string; ground: ExitGround; reason: string; proposedBy: string; proposedAt: Date },
): Promise<ExitProposal> {
  const result = await db.query<ExitProposalRow>(
    `INSERT INTO project_exit_proposal (project_id, ground, reason, proposed_by, proposed_at, status)
     VALUES ($1, $2, $3, $4, $5, 'pending') RETURNING *`,
    [proposal.projectId, proposal.ground, proposal.reason, proposal.proposedBy, proposal.proposedAt],
  );
  return toExitProposal(result.rows[0]!);
}

/** An exit proposal by its id; `forUpdate` locks it. */
export async function findExitProposal(db: Queryable, id: string, forUpdate = false): Promise<ExitProposal | undefined> {
  const result = await db.query<ExitProposalRow>(`SELECT * FROM project_exit_proposal WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return result.rows[0] && toExitProposal(result.rows[0]);
}

/** A project's exit proposals, oldest first. */
export async function listExitProposals(db: Queryable, projectId: string): Promise<ExitProposal[]> {
  const result = await db.query<ExitProposalRow>('SELECT * FROM project_exit_proposal WHERE project_id = $1 ORDER BY proposed_at, id', [projectId]);
  return result.rows.map(toExitProposal);
}

/** The project's exit proposal waiting for a decision, if any. */
export async function pendingExitProposal(db: Queryable, projectId: string): Promise<ExitProposal | undefined> {
  const result = await db.query<ExitProposalRow>("SELECT * FROM project_exit_proposal WHERE project_id = $1 AND status = 'pending'", [projectId]);
  return result.rows[0] && toExitProposal(result.rows[0]);
}

/** The division head's decision. False when it was no longer pending; the table refuses a decision by the proposer. */
export async function recordExitDecision(db: Queryable, id: string, decision: { approve: boolean; comment: string; by: string; at: Date }): Promise<boolean> {
  const result = await db.query(
    `UPDATE project_exit_proposal SET status = $2, decision_comment = $3, decided_by = $4, decided_at = $5 WHERE id = $1 AND status = 'pending'`,
    [id, decision.approve ? 'approved' : 'refused', decision.comment, decision.by, decision.at],
  );
  return result.rowCount === 1;
}
