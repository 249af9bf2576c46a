import type { Queryable } from '../platform/database.js';
import { reviewSessionStatuses, type ReviewSessionStatus } from '../domain/review-session-status.js';

// Review sessions (评审会, migration 031) and the projects each reviews. The session's row is the lock every draw,
// seat change and step of the campaign takes first, so two of them for one session run one after the other.

export { reviewSessionStatuses, type ReviewSessionStatus };

/** One criterion of the rubric a session scores with. */
export interface SessionCriterion {
  code: string;
  label: string;
  maxScore: number;
  guidance: string;
}

export interface ReviewSession {
  id: string;
  callId: string;
  name: string;
  direction: string | null;
  panelSize: number;
  excludeSameUnit: boolean;
  rubric: SessionCriterion[] | null;
  limitPerDirection: number | null;
  limitPerUnit: number | null;
  status: ReviewSessionStatus;
  processInstanceId: string | null;
  createdBy: string;
  createdAt: Date;
  panelsConfirmedAt: Date | null;
  scoringClosedAt: Date | null;
  noticeFrom: Date | null;
  noticeUntil: Date | null;
  finalisedBy: string | null;
  finalisedAt: Date | null;
}

/** What the officer sets when creating a session. */
export interface NewReviewSession {
  callId: string;
  name: string;
  direction: string | null;
  panelSize: number;
  excludeSameUnit: boolean;
  limitPerDirection: number | null;
  limitPerUnit: number | null;
  projectIds: readonly string[];
  createdBy: string;
  createdAt: Date;
}

/** One reviewed project with its result, once scoring closed. */
export interface SessionProject {
  sessionId: string;
  projectId: string;
  position: number;
  aggregate: unknown;
  score: number | null;
  rank: number | null;
  needsConsensus: boolean;
  consensusOpinion: string | null;
  consensusBy: string | null;
  consensusAt: Date | null;
  selected: boolean;
}

interface SessionRow {
  id: string; call_id: string; name: string; direction: string | null; panel_size: number; exclude_same_unit: boolean;
  rubric: SessionCriterion[] | null; limit_per_direction: number | null; limit_per_unit: number | null; status: ReviewSessionStatus;
  process_instance_id: string | null; created_by: string; created_at: Date; panels_confirmed_at: Date | null; scoring_closed_at: Date | null;
  notice_from: Date | null; notice_until: Date | null; finalised_by: string | null; finalised_at: Date | null;
}

/** Creates a session with its projects, in the given order; returns its id. */
export async function insertReviewSession(db: Queryable, session: NewReviewSession): Promise<string> {
  const result = await db.query<{ id: string }>(
    `INSERT INTO review_session (call_id, name, direction, panel_size, exclude_same_unit, limit_per_direction, limit_per_unit, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [session.callId, session.name, session.direction, session.panelSize, session.excludeSameUnit, session.limitPerDirection, session.limitPerUnit, session.createdBy, session.createdAt],
  );
  const id = result.rows[0]!.id;
  await db.query(
    `INSERT INTO review_session_project (session_id, project_id, position)
     SELECT $1, project_id, position FROM unnest($2::uuid[]) WITH ORDINALITY AS p (project_id, position)`,
    [id, session.projectIds],
  );
  return id;
}

/** One session; `lock` takes its row lock for the caller's transaction. */
export async function findReviewSession(db: Queryable, id: string, lock = false): Promise<ReviewSession | undefined> {
  const result = await db.query<SessionRow>(`SELECT * FROM review_session WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return result.rows[0] && toSession(result.rows[0]);
}

/** The sessions of a call (or of every call), newest first. */
export async function listReviewSessions(db: Queryable, callId?: string): Promise<ReviewSession[]> {
  const result = await db.query<SessionRow>(
    `SELECT * FROM review_session WHERE $1::text IS NULL OR call_id = $1 ORDER BY created_at DESC, id`,
    [callId ?? null],
  );
  return result.rows.map(toSession);
}

/** The session that reviews a project, if any. */
export async function sessionOfProject(db: Queryable, projectId: string): Promise<ReviewSession | undefined> {
  const result = await db.query<SessionRow>(
    'SELECT s.* FROM review_session s JOIN review_session_project p ON p.session_id = s.id WHERE p.project_id = $1',
    [projectId],
  );
  return result.rows[0] && toSession(result.rows[0]);
}

/** Moves a session to its next step, recording what the step sets. */
export async function setReviewSessionStatus(
  db: Queryable,
  id: string,
  status: ReviewSessionStatus,
  stamps: { panelsConfirmedBy?: string; scoringClosedBy?: string; noticeFrom?: Date; noticeUntil?: Date; finalisedBy?: string; at?: Date } = {},
): Promise<void> {
  await db.query(
    `UPDATE review_session SET status = $2,
            panels_confirmed_by = coalesce($3, panels_confirmed_by), panels_confirmed_at = CASE WHEN $3::text IS NULL THEN panels_confirmed_at ELSE $8 END,
            scoring_closed_by = coalesce($4, scoring_closed_by), scoring_closed_at = CASE WHEN $4::text IS NULL THEN scoring_closed_at ELSE $8 END,
            notice_from = coalesce($5, notice_from), notice_until = coalesce($6, notice_until),
            finalised_by = coalesce($7, finalised_by), finalised_at = CASE WHEN $7::text IS NULL THEN finalised_at ELSE $8 END
      WHERE id = $1`,
    [id, status, stamps.panelsConfirmedBy ?? null, stamps.scoringClosedBy ?? null, stamps.noticeFrom ?? null, stamps.noticeUntil ?? null, stamps.finalisedBy ?? null, stamps.at ?? null],
  );
}

/** Records the rubric the session's process read from the decision table; false when one is already recorded. */
export async function recordSessionRubric(db: Queryable, id: string, rubric: readonly SessionCriterion[], at: Date): Promise<boolean> {
  const result = await db.query('UPDATE review_session SET rubric = $2, rubric_recorded_at = $3 WHERE id = $1 AND rubric IS NULL', [id, JSON.stringify(rubric), at]);
  return (result.rowCount ?? 0) > 0;
}

/** Links a session to the campaign instance its start command started. */
export async function setReviewSessionProcessInstance(db: Queryable, id: string, processInstanceId: string): Promise<void> {
  await db.query('UPDATE review_session SET process_instance_id = $2 WHERE id = $1', [id, processInstanceId]);
}

/** The session of a campaign instance (the tasklist's subject). */
export async function sessionsOfInstances(db: Queryable, processInstanceIds: readonly string[]): Promise<ReviewSession[]> {
  if (!processInstanceIds.length) return [];
  const result = await db.query<SessionRow>('SELECT * FROM review_session WHERE process_instance_id = ANY($1::text[])', [processInstanceIds]);
  return result.rows.map(toSession);
}

/** The session's projects in their order, with their results. */
export async function sessionProjects(db: Queryable, sessionId: string): Promise<SessionProject[]> {
  const result = await db.query<{
    session_id: string; project_id: string; position: number; aggregate: unknown; score: string | null; rank: number | null; needs_consensus: boolean;
    consensus_opinion: string | null; consensus_by: string | null; consensus_at: Date | null; selected: boolean;
  }>('SELECT * FROM review_session_project WHERE session_id = $1 ORDER BY position', [sessionId]);
  return result.rows.map((row) => ({
    sessionId: row.session_id, projectId: row.project_id, position: row.position, aggregate: row.aggregate, score: row.score === null ? null : Number(row.score),
    rank: row.rank, needsConsensus: row.needs_consensus, consensusOpinion: row.consensus_opinion, consensusBy: row.consensus_by, consensusAt: row.consensus_at,
    selected: row.selected,
  }));
}

/** Records one project's aggregate, score, rank and whether its panel needs the consensus step. */
export async function recordProjectResult(
  db: Queryable,
  result: { sessionId: string; projectId: string; aggregate: unknown; score: number | null; rank: number; needsConsensus: boolean },
): Promise<void> {
  await db.query(
    'UPDATE review_session_project SET aggregate = $3, score = $4, rank = $5, needs_consensus = $6 WHERE session_id = $1 AND project_id = $2',
    [result.sessionId, result.projectId, JSON.stringify(result.aggregate), result.score, result.rank, result.needsConsensus],
  );
}

/** Records the group leader's consensus opinion on one project; false when one is already recorded. */
export async function recordConsensus(db: Queryable, sessionId: string, projectId: string, opinion: string, by: string, at: Date): Promise<boolean> {
  const result = await db.query(
    `UPDATE review_session_project SET consensus_opinion = $3, consensus_by = $4, consensus_at = $5
      WHERE session_id = $1 AND project_id = $2 AND needs_consensus AND consensus_opinion IS NULL`,
    [sessionId, projectId, opinion, by, at],
  );
  return (result.rowCount ?? 0) > 0;
}

/** How many of the session's projects still wait for their consensus opinion. */
export async function pendingConsensusCount(db: Queryable, sessionId: string): Promise<number> {
  const result = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM review_session_project WHERE session_id = $1 AND needs_consensus AND consensus_opinion IS NULL',
    [sessionId],
  );
  return result.rows[0]!.count;
}

/** Marks the projects of the final list. */
export async function markSelectedProjects(db: Queryable, sessionId: string, projectIds: readonly string[]): Promise<void> {
  await db.query('UPDATE review_session_project SET selected = (project_id = ANY($2::uuid[])) WHERE session_id = $1', [sessionId, projectIds]);
}

// helpers

function toSession(row: SessionRow): ReviewSession {
  return {
    id: row.id, callId: row.call_id, name: row.name, direction: row.direction, panelSize: row.panel_size, excludeSameUnit: row.exclude_same_unit,
    rubric: row.rubric, limitPerDirection: row.limit_per_direction, limitPerUnit: row.limit_per_unit, status: row.status,
    processInstanceId: row.process_instance_id, createdBy: row.created_by, createdAt: row.created_at, panelsConfirmedAt: row.panels_confirmed_at,
    scoringClosedAt: row.scoring_closed_at, noticeFrom: row.notice_from, noticeUntil: row.notice_until, finalisedBy: row.finalised_by,
    finalisedAt: row.finalised_at,
  };
}

/** A project as the review reads it: the conflict rules' fields, the ranking's tie-breakers, the lists' columns. */
export interface ReviewProjectFacts {
  projectId: string;
  applicationId: string;
  projectNumber: string;
  callId: string;
  unitId: string;
  status: string;
  template: string;
  projectName: string;
  enterpriseName: string;
  uscc: string;
  enterpriseGroup: string | null;
  enterpriseGroupUscc: string | null;
  preparedBy: string | null;
  preparedByUscc: string | null;
  direction: string;
  priorityRank: number | null;
  submittedAt: Date | null;
  contactEmail: string | null;
}

/** The projects' facts from their applications' current data, in the order asked. */
export async function reviewProjectFacts(db: Queryable, projectIds: readonly string[]): Promise<ReviewProjectFacts[]> {
  if (!projectIds.length) return [];
  const result = await db.query<{
    id: string; application_id: string; project_number: string; call_id: string; unit_id: string; status: string; template: string; data: Record<string, unknown>;
    priority_rank: number | null; submitted_at: Date | null; n: string;
  }>(
    `SELECT p.id, p.application_id, p.project_number, p.call_id, p.unit_id, p.status, a.template, a.data, a.priority_rank, a.submitted_at, ids.n
       FROM unnest($1::uuid[]) WITH ORDINALITY AS ids (id, n)
       JOIN project p ON p.id = ids.id JOIN application a ON a.id = p.application_id
      ORDER BY ids.n`,
    [projectIds],
  );
  const textOf = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
  return result.rows.map((row) => ({
    projectId: row.id, applicationId: row.application_id, projectNumber: row.project_number, callId: row.call_id, unitId: row.unit_id, status: row.status,
    template: row.template, projectName: textOf(row.data.projectName) ?? '', enterpriseName: textOf(row.data.enterpriseName) ?? '', uscc: textOf(row.data.uscc) ?? '',
    enterpriseGroup: textOf(row.data.enterpriseGroup), enterpriseGroupUscc: textOf(row.data.enterpriseGroupUscc), preparedBy: textOf(row.data.preparedBy),
    preparedByUscc: textOf(row.data.preparedByUscc), direction: textOf(row.data.direction) ?? '', priorityRank: row.priority_rank, submittedAt: row.submitted_at,
    contactEmail: textOf(row.data.contactEmail),
  }));
}

/** Library projects of a call that no session reviews yet (the candidates of a new session). */
export async function unreviewedLibraryProjects(db: Queryable, callId: string): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `SELECT p.id FROM project p WHERE p.call_id = $1 AND p.status = 'admitted'
        AND NOT EXISTS (SELECT 1 FROM review_session_project r WHERE r.project_id = p.id)
      ORDER BY p.project_number`,
    [callId],
  );
  return result.rows.map((row) => row.id);
}
