import type { Queryable } from '../platform/database.js';

// What the project page reads besides the project and its status rows (migration 029): the formal review's rounds,
// the change requests and the exit proposals, each oldest first, and the admission snapshot as stored. JSON
// columns come back as stored (unknown): the web layer parses them.

/** One formal review decision, with the unit's answer to a return. */
export interface FormalReviewRound {
  round: number;
  decision: 'admit' | 'return' | 'refuse';
  opinion: string;
  fieldComments: unknown;
  decidedBy: string;
  decidedAt: Date;
  answerDueAt: Date | null;
  answerKind: 'answered' | 'withdrawn' | 'overdue' | null;
  answerComment: string | null;
  answerAttachments: unknown;
  newSealedTable: unknown;
  answeredBy: string | null;
  answeredAt: Date | null;
}

/** A change request (变更申请) and where it stands. */
export interface ProjectChangeRequest {
  id: string;
  kind: 'change' | 'terminate';
  changes: unknown;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
  status: 'checking' | 'unit-review' | 'province-review' | 'approved' | 'refused' | 'refused-by-rule';
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

/** An exit proposal (退库) and its decision. */
export interface ProjectExitProposal {
  id: string;
  ground: 'terminated' | 'acceptance-failed' | 'fraud' | 'serious-deviation';
  reason: string;
  proposedBy: string;
  proposedAt: Date;
  status: 'pending' | 'approved' | 'refused';
  decisionComment: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

/** The formal review rounds of a project, first round first. */
export async function formalReviewRounds(db: Queryable, projectId: string): Promise<FormalReviewRound[]> {
  const result = await db.query<{
    round: number; decision: FormalReviewRound['decision']; opinion: string; field_comments: unknown; decided_by: string; decided_at: Date;
    answer_due_at: Date | null; answer_kind: FormalReviewRound['answerKind']; answer_comment: string | null; answer_attachments: unknown;
    new_sealed_table: unknown; answered_by: string | null; answered_at: Date | null;
  }>(
    `SELECT round, decision, opinion, field_comments, decided_by, decided_at, answer_due_at, answer_kind, answer_comment, answer_attachments,
            new_sealed_table, answered_by, answered_at
       FROM project_formal_review WHERE project_id = $1 ORDER BY round`,
    [projectId],
  );
  return result.rows.map((row) => ({
    round: row.round, decision: row.decision, opinion: row.opinion, fieldComments: row.field_comments, decidedBy: row.decided_by, decidedAt: row.decided_at,
    answerDueAt: row.answer_due_at, answerKind: row.answer_kind, answerComment: row.answer_comment, answerAttachments: row.answer_attachments,
    newSealedTable: row.new_sealed_table, answeredBy: row.answered_by, answeredAt: row.answered_at,
  }));
}

/** The change requests of a project, oldest first. */
export async function changeRequestsOfProject(db: Queryable, projectId: string): Promise<ProjectChangeRequest[]> {
  const result = await db.query<{
    id: string; kind: ProjectChangeRequest['kind']; changes: unknown; reason: string; requested_by: string; requested_at: Date;
    status: ProjectChangeRequest['status']; rule_reason: string | null; unit_opinion: ProjectChangeRequest['unitOpinion']; unit_comment: string | null;
    unit_by: string | null; unit_at: Date | null; decision_comment: string | null; decided_by: string | null; decided_at: Date | null; applied_at: Date | null;
  }>(
    `SELECT id, kind, changes, reason, requested_by, requested_at, status, rule_reason, unit_opinion, unit_comment, unit_by, unit_at,
            decision_comment, decided_by, decided_at, applied_at
       FROM project_change_request WHERE project_id = $1 ORDER BY requested_at, id`,
    [projectId],
  );
  return result.rows.map((row) => ({
    id: row.id, kind: row.kind, changes: row.changes, reason: row.reason, requestedBy: row.requested_by, requestedAt: row.requested_at,
    status: row.status, ruleReason: row.rule_reason, unitOpinion: row.unit_opinion, unitComment: row.unit_comment, unitBy: row.unit_by, unitAt: row.unit_at,
    decisionComment: row.decision_comment, decidedBy: row.decided_by, decidedAt: row.decided_at, appliedAt: row.applied_at,
  }));
}

/** The exit proposals of a project, oldest first. */
export async function exitProposalsOfProject(db: Queryable, projectId: string): Promise<ProjectExitProposal[]> {
  const result = await db.query<{
    id: string; ground: ProjectExitProposal['ground']; reason: string; proposed_by: string; proposed_at: Date; status: ProjectExitProposal['status'];
    decision_comment: string | null; decided_by: string | null; decided_at: Date | null;
  }>(
    `SELECT id, ground, reason, proposed_by, proposed_at, status, decision_comment, decided_by, decided_at
       FROM project_exit_proposal WHERE project_id = $1 ORDER BY proposed_at, id`,
    [projectId],
  );
  return result.rows.map((row) => ({
    id: row.id, ground: row.ground, reason: row.reason, proposedBy: row.proposed_by, proposedAt: row.proposed_at, status: row.status,
    decisionComment: row.decision_comment, decidedBy: row.decided_by, decidedAt: row.decided_at,
  }));
}

/** A project's admission snapshot as stored (null before admission). */
export async function projectSnapshotOf(db: Queryable, projectId: string): Promise<unknown> {
  const result = await db.query<{ snapshot: unknown }>('SELECT snapshot FROM project WHERE id = $1', [projectId]);
  return result.rows[0]?.snapshot ?? null;
}
