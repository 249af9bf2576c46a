import type { Queryable } from '../platform/database.js';

// Panel draws and seats (migration 031): who sits on which project's panel, how they got there, what they declared
// and scored. Written only under the session's row lock (store/review-session-repository.ts, findReviewSession with
// lock), so the load bound a draw checks is the one it writes against; the unique key (session, project, expert)
// holds whatever writes.

export type PanelDrawKind = 'draw' | 'redraw' | 'replacement';
export type SeatStatus = 'drawn' | 'declared' | 'scored' | 'declined' | 'redrawn';

/** A draw as recorded. */
export interface PanelDrawRow {
  id: number;
  sessionId: string;
  kind: PanelDrawKind;
  projectIds: string[];
  seed: string;
  algorithm: string;
  algorithmVersion: number;
  loadBound: number;
  record: unknown;
  reason: string | null;
  drawnBy: string;
  drawnAt: Date;
}

/** A seat with its expert's name and account. */
export interface PanelSeat {
  id: string;
  sessionId: string;
  projectId: string;
  expertId: string;
  expertName: string;
  expertOrganisation: string;
  expertTitle: string;
  expertUsername: string | null;
  drawId: number;
  position: number;
  status: SeatStatus;
  active: boolean;
  isLeader: boolean;
  declaredAt: Date | null;
  declinedAt: Date | null;
  declineReason: string | null;
  scores: Record<string, number> | null;
  total: number | null;
  opinion: string | null;
  scoredAt: Date | null;
  excludedReason: string | null;
  excludedBy: string | null;
  excludedAt: Date | null;
  rescoreReason: string | null;
  processInstanceId: string | null;
}

/** Records a draw; returns its id. */
export async function insertPanelDraw(db: Queryable, draw: Omit<PanelDrawRow, 'id'>): Promise<number> {
  const result = await db.query<{ id: string }>(
    `INSERT INTO panel_draw (session_id, kind, project_ids, seed, algorithm, algorithm_version, load_bound, record, reason, drawn_by, drawn_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [draw.sessionId, draw.kind, draw.projectIds, draw.seed, draw.algorithm, draw.algorithmVersion, draw.loadBound, JSON.stringify(draw.record), draw.reason, draw.drawnBy, draw.drawnAt],
  );
  return Number(result.rows[0]!.id);
}

/** The session's draws, oldest first. */
export async function panelDraws(db: Queryable, sessionId: string): Promise<PanelDrawRow[]> {
  const result = await db.query<{
    id: string; session_id: string; kind: PanelDrawKind; project_ids: string[]; seed: string; algorithm: string; algorithm_version: number; load_bound: number;
    record: unknown; reason: string | null; drawn_by: string; drawn_at: Date;
  }>('SELECT * FROM panel_draw WHERE session_id = $1 ORDER BY id', [sessionId]);
  return result.rows.map((row) => ({
    id: Number(row.id), sessionId: row.session_id, kind: row.kind, projectIds: row.project_ids, seed: row.seed, algorithm: row.algorithm,
    algorithmVersion: row.algorithm_version, loadBound: row.load_bound, record: row.record, reason: row.reason, drawnBy: row.drawn_by, drawnAt: row.drawn_at,
  }));
}

/** Adds seats of one draw; returns their ids in the given order. */
export async function insertSeats(db: Queryable, drawId: number, sessionId: string, seats: readonly { projectId: string; expertId: string; position: number }[]): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `INSERT INTO panel_seat (session_id, project_id, expert_id, draw_id, position)
     SELECT $1, s.project_id, s.expert_id, $2, s.position
       FROM unnest($3::uuid[], $4::uuid[], $5::int[]) WITH ORDINALITY AS s (project_id, expert_id, position, n)
      ORDER BY s.n
     RETURNING id`,
    [sessionId, drawId, seats.map((s) => s.projectId), seats.map((s) => s.expertId), seats.map((s) => s.position)],
  );
  return result.rows.map((row) => row.id);
}

/** Every seat of the session (all statuses), by project and position. */
export async function sessionSeats(db: Queryable, sessionId: string): Promise<PanelSeat[]> {
  const result = await db.query<SeatRow>(`${SELECT_SEAT} WHERE s.session_id = $1 ORDER BY s.project_id, s.position, s.id`, [sessionId]);
  return result.rows.map(toSeat);
}

/** One seat; `lock` takes its row lock. */
export async function findSeat(db: Queryable, seatId: string, lock = false): Promise<PanelSeat | undefined> {
  const result = await db.query<SeatRow>(`${SELECT_SEAT} WHERE s.id = $1${lock ? ' FOR UPDATE OF s' : ''}`, [seatId]);
  return result.rows[0] && toSeat(result.rows[0]);
}

/** The seats of these seat-process instances (the tasklist's subjects). */
export async function seatsOfInstances(db: Queryable, processInstanceIds: readonly string[]): Promise<PanelSeat[]> {
  if (!processInstanceIds.length) return [];
  const result = await db.query<SeatRow>(`${SELECT_SEAT} WHERE s.process_instance_id = ANY($1::text[])`, [processInstanceIds]);
  return result.rows.map(toSeat);
}

/** The seats an expert holds, every session. */
export async function seatsOfExpert(db: Queryable, expertId: string): Promise<PanelSeat[]> {
  const result = await db.query<SeatRow>(`${SELECT_SEAT} WHERE s.expert_id = $1 ORDER BY s.session_id, s.project_id`, [expertId]);
  return result.rows.map(toSeat);
}

/** Links a seat to the process instance its start command started. */
export async function setPanelSeatProcessInstance(db: Queryable, seatId: string, processInstanceId: string): Promise<void> {
  await db.query('UPDATE panel_seat SET process_instance_id = $2 WHERE id = $1', [seatId, processInstanceId]);
}

/** Takes the seats of these projects off their panels (a redraw before confirmation). */
export async function markSeatsRedrawn(db: Queryable, sessionId: string, projectIds: readonly string[]): Promise<number> {
  const result = await db.query(
    `UPDATE panel_seat SET status = 'redrawn', is_leader = false WHERE session_id = $1 AND project_id = ANY($2::uuid[]) AND active`,
    [sessionId, projectIds],
  );
  return result.rowCount ?? 0;
}

/** Takes one seat off its panel (replaced by the officer with a reason). */
export async function markSeatRedrawn(db: Queryable, seatId: string): Promise<void> {
  await db.query(`UPDATE panel_seat SET status = 'redrawn', is_leader = false WHERE id = $1`, [seatId]);
}

/** Names the panel's group leader (组长): this seat, and no other of the panel. */
export async function setLeader(db: Queryable, seat: Pick<PanelSeat, 'id' | 'sessionId' | 'projectId'>): Promise<void> {
  await db.query('UPDATE panel_seat SET is_leader = false WHERE session_id = $1 AND project_id = $2 AND is_leader', [seat.sessionId, seat.projectId]);
  await db.query('UPDATE panel_seat SET is_leader = true WHERE id = $1', [seat.id]);
}

/** The expert signed the 回避声明 for this seat's project. */
export async function markSeatDeclared(db: Queryable, seatId: string, at: Date): Promise<void> {
  await db.query(`UPDATE panel_seat SET status = 'declared', declared_at = $2 WHERE id = $1`, [seatId, at]);
}

/** The expert declined this seat with a reason (a conflict, or unavailable); it leaves the panel. */
export async function markSeatDeclined(db: Queryable, seatId: string, reason: string, at: Date): Promise<void> {
  await db.query(`UPDATE panel_seat SET status = 'declined', declined_at = $2, decline_reason = $3, is_leader = false WHERE id = $1`, [seatId, at, reason]);
}

/** Records a round of the expert's scores on the seat, and keeps it in panel_score; returns the round. */
export async function recordSeatScores(db: Queryable, seatId: string, scores: Record<string, number>, total: number, opinion: string, at: Date): Promise<number> {
  const round = await db.query<{ round: number }>('SELECT coalesce(max(round), 0)::int + 1 AS round FROM panel_score WHERE seat_id = $1', [seatId]);
  const next = round.rows[0]!.round;
  await db.query('INSERT INTO panel_score (seat_id, round, scores, total, opinion, scored_at) VALUES ($1, $2, $3, $4, $5, $6)', [seatId, next, JSON.stringify(scores), total, opinion, at]);
  await db.query(
    `UPDATE panel_seat SET status = 'scored', scores = $2, total = $3, opinion = $4, scored_at = $5, rescore_reason = NULL WHERE id = $1`,
    [seatId, JSON.stringify(scores), total, opinion, at],
  );
  return next;
}

/** The officer excludes a seat's score from the aggregate, with the reason; or takes the exclusion back (null). */
export async function setSeatExclusion(db: Queryable, seatId: string, exclusion: { reason: string; by: string; at: Date } | null): Promise<void> {
  await db.query('UPDATE panel_seat SET excluded_reason = $2, excluded_by = $3, excluded_at = $4 WHERE id = $1', [
    seatId, exclusion?.reason ?? null, exclusion?.by ?? null, exclusion?.at ?? null,
  ]);
}

/** The officer asks the expert to review the seat's score: it waits for a new round. */
export async function requestRescore(db: Queryable, seatId: string, reason: string): Promise<void> {
  await db.query(`UPDATE panel_seat SET status = 'declared', rescore_reason = $2 WHERE id = $1`, [seatId, reason]);
}

/** Whether the expert signed the session's 评审承诺书. */
export async function hasSignedCommitment(db: Queryable, sessionId: string, expertId: string): Promise<boolean> {
  const result = await db.query('SELECT 1 FROM review_commitment WHERE session_id = $1 AND expert_id = $2', [sessionId, expertId]);
  return (result.rowCount ?? 0) > 0;
}

/** Records the expert's 评审承诺书 for the session (once). */
export async function signCommitment(db: Queryable, sessionId: string, expertId: string, at: Date): Promise<void> {
  await db.query('INSERT INTO review_commitment (session_id, expert_id, signed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [sessionId, expertId, at]);
}

// helpers

interface SeatRow {
  id: string; session_id: string; project_id: string; expert_id: string; expert_name: string; expert_organisation: string; expert_title: string;
  expert_username: string | null; draw_id: string; position: number; status: SeatStatus; active: boolean; is_leader: boolean; declared_at: Date | null;
  declined_at: Date | null; decline_reason: string | null; scores: Record<string, number> | null; total: string | null; opinion: string | null;
  scored_at: Date | null; excluded_reason: string | null; excluded_by: string | null; excluded_at: Date | null; rescore_reason: string | null;
  process_instance_id: string | null;
}

const SELECT_SEAT = `
  SELECT s.*, e.name AS expert_name, e.organisation AS expert_organisation, e.title AS expert_title, a.username AS expert_username
    FROM panel_seat s JOIN expert e ON e.id = s.expert_id LEFT JOIN account a ON a.id = e.account_id`;

function toSeat(row: SeatRow): PanelSeat {
  return {
    id: row.id, sessionId: row.session_id, projectId: row.project_id, expertId: row.expert_id, expertName: row.expert_name,
    expertOrganisation: row.expert_organisation, expertTitle: row.expert_title, expertUsername: row.expert_username, drawId: Number(row.draw_id),
    position: row.position, status: row.status, active: row.active, isLeader: row.is_leader, declaredAt: row.declared_at, declinedAt: row.declined_at,
    declineReason: row.decline_reason, scores: row.scores, total: row.total === null ? null : Number(row.total), opinion: row.opinion, scoredAt: row.scored_at,
    excludedReason: row.excluded_reason, excludedBy: row.excluded_by, excludedAt: row.excluded_at, rescoreReason: row.rescore_reason,
    processInstanceId: row.process_instance_id,
  };
}

/**
 * Whether an expert (by account) may open an attachment: a file of an application (upload or rendered document)
 * whose project has a seat of that expert on its panel, declared (回避声明 signed), while the panel is open.
 */
export async function attachmentOpenToExpert(db: Queryable, attachmentId: string, username: string): Promise<boolean> {
  const result = await db.query(
    `SELECT 1
       FROM panel_seat s
       JOIN expert e ON e.id = s.expert_id JOIN account a ON a.id = e.account_id
       JOIN review_session r ON r.id = s.session_id
       JOIN project p ON p.id = s.project_id
      WHERE a.username = $2 AND s.active AND s.status IN ('declared', 'scored') AND r.status = 'scoring' AND r.scoring_closed_at IS NULL
        AND (EXISTS (SELECT 1 FROM application_attachment l WHERE l.application_id = p.application_id AND l.attachment_id = $1)
          OR EXISTS (SELECT 1 FROM application_document d WHERE d.application_id = p.application_id AND d.attachment_id = $1
                        AND d.kind IN ('materials', 'recommended-materials')))
      LIMIT 1`,
    [attachmentId, username],
  );
  return (result.rowCount ?? 0) > 0;
}
