import type { Queryable } from '../platform/database.js';
import type { RuleOutcome } from '../domain/eligibility/rule.js';
import type { AttachmentReference } from '../domain/attachment-reference.js';

// The province's formal review of a project (migration 029): the checks re-run for each round, and one row per
// decision; a return carries its due date and, later, the unit's answer.

/** The formal review's outcomes (the CHECK of project_formal_review.decision). */
export const formalDecisions = ['admit', 'return', 'refuse'] as const;
export type FormalDecision = (typeof formalDecisions)[number];
/** How a return ended: answered, withdrawn from the batch, or left past its due date. */
export const returnAnswerKinds = ['answered', 'withdrawn', 'overdue'] as const;
export type ReturnAnswerKind = (typeof returnAnswerKinds)[number];

/** One field the officer asks the unit about. */
export interface FieldComment {
  field: string;
  comment: string;
}

/** One decision of the formal review, with the unit's answer when it was a return. */
export interface FormalReview {
  id: string;
  projectId: string;
  round: number;
  decision: FormalDecision;
  opinion: string;
  fieldComments: FieldComment[];
  decidedBy: string;
  decidedAt: Date;
  answerDueAt: Date | null;
  answerKind: ReturnAnswerKind | null;
  answerComment: string | null;
  answerAttachments: AttachmentReference[];
  newSealedTable: AttachmentReference | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

interface FormalReviewRow {
  id: string;
  project_id: string;
  round: number;
  decision: FormalDecision;
  opinion: string;
  field_comments: FieldComment[];
  decided_by: string;
  decided_at: Date;
  answer_due_at: Date | null;
  answer_kind: ReturnAnswerKind | null;
  answer_comment: string | null;
  answer_attachments: AttachmentReference[];
  new_sealed_table: AttachmentReference | null;
  answered_by: string | null;
  answered_at: Date | null;
}

function toFormalReview(row: FormalReviewRow): FormalReview {
  return {
    id: String(row.id), projectId: row.project_id, round: row.round, decision: row.decision, opinion: row.opinion, fieldComments: row.field_comments,
    decidedBy: row.decided_by, decidedAt: row.decided_at, answerDueAt: row.answer_due_at, answerKind: row.answer_kind, answerComment: row.answer_comment,
    answerAttachments: row.answer_attachments, newSealedTable: row.new_sealed_table, answeredBy: row.answered_by, answeredAt: row.answered_at,
  };
}

/**
 * One finding of the checks re-run at formal review: a rule's outcome (E1–E8), or `DATA` when the application's data
 * no longer parses as the form requires (changed behind the API's back): the officer sees it, nothing is skipped.
 */
export interface ProjectCheck {
  ruleId: RuleOutcome['ruleId'] | 'DATA';
  result: RuleOutcome['result'];
  reason?: string;
  field?: string;
}

/** The round the next decision belongs to: one more than the decisions made so far. */
export async function currentReviewRound(db: Queryable, projectId: string): Promise<number> {
  const result = await db.query<{ round: number }>('SELECT coalesce(max(round), 0) + 1 AS round FROM project_formal_review WHERE project_id = $1', [projectId]);
  return result.rows[0]!.round;
}

/** Replaces the checks of one round (a retried check writes the same round again). */
export async function storeProjectChecks(db: Queryable, projectId: string, round: number, outcomes: readonly ProjectCheck[], at: Date): Promise<void> {
  await db.query('DELETE FROM project_check WHERE project_id = $1 AND round = $2', [projectId, round]);
  for (const outcome of outcomes) {
    await db.query(
      'INSERT INTO project_check (project_id, round, rule_id, result, reason, field, checked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [projectId, round, outcome.ruleId, outcome.result, outcome.reason ?? null, outcome.field ?? null, at],
    );
  }
}

/** The checks of the latest round, in the order they were run. */
export async function latestProjectChecks(db: Queryable, projectId: string): Promise<(ProjectCheck & { round: number })[]> {
  const result = await db.query<{ rule_id: ProjectCheck['ruleId']; result: ProjectCheck['result']; reason: string | null; field: string | null; round: number }>(
    `SELECT rule_id, result, reason, field, round FROM project_check
      WHERE project_id = $1 AND round = (SELECT max(round) FROM project_check WHERE project_id = $1) ORDER BY id`,
    [projectId],
  );
  return result.rows.map((row) => ({
    ruleId: row.rule_id, result: row.result, round: row.round,
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.field ? { field: row.field } : {}),
  }));
}

/** Records a formal review decision in the caller's transaction. */
export async function insertFormalReview(
  db: Queryable,
  review: { projectId: string; round: number; decision: FormalDecision; opinion: string; fieldComments: readonly FieldComment[]; decidedBy: string; decidedAt: Date; answerDueAt: Date | null },
): Promise<void> {
  await db.query(
    `INSERT INTO project_formal_review (project_id, round, decision, opinion, field_comments, decided_by, decided_at, answer_due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [review.projectId, review.round, review.decision, review.opinion, JSON.stringify(review.fieldComments), review.decidedBy, review.decidedAt, review.answerDueAt],
  );
}

/** The return waiting for the unit's answer, if any; `forUpdate` locks it. */
export async function openReturn(db: Queryable, projectId: string, forUpdate = false): Promise<FormalReview | undefined> {
  const result = await db.query<FormalReviewRow>(
    `SELECT * FROM project_formal_review WHERE project_id = $1 AND decision = 'return' AND answer_kind IS NULL ORDER BY round DESC LIMIT 1${forUpdate ? ' FOR UPDATE' : ''}`,
    [projectId],
  );
  return result.rows[0] && toFormalReview(result.rows[0]);
}

/** Records the unit's answer to a return (or that its due date passed unanswered). */
export async function recordReturnAnswer(
  db: Queryable,
  answer: { reviewId: string; kind: ReturnAnswerKind; comment: string | null; attachments: readonly AttachmentReference[]; newSealedTable: AttachmentReference | null; by: string; at: Date },
): Promise<void> {
  await db.query(
    `UPDATE project_formal_review
        SET answer_kind = $2, answer_comment = $3, answer_attachments = $4, new_sealed_table = $5, answered_by = $6, answered_at = $7
      WHERE id = $1 AND answer_kind IS NULL`,
    [answer.reviewId, answer.kind, answer.comment, JSON.stringify(answer.attachments), answer.newSealedTable && JSON.stringify(answer.newSealedTable), answer.by, answer.at],
  );
}

/** Every formal review decision of a project, oldest first. */
export async function formalReviewsOf(db: Queryable, projectId: string): Promise<FormalReview[]> {
  const result = await db.query<FormalReviewRow>('SELECT * FROM project_formal_review WHERE project_id = $1 ORDER BY round', [projectId]);
  return result.rows.map(toFormalReview);
}
