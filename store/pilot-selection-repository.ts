import type { Queryable } from '../platform/database.js';

// Pilot selection (migration 031): the officer's proposals and their collective decisions, the objections received
// during the 公示 with their answers, and the final list's files.

export interface PilotProposal {
  id: number;
  sessionId: string;
  round: number;
  projectIds: string[];
  note: string | null;
  proposedBy: string;
  proposedAt: Date;
  decision: 'approve' | 'return' | null;
  meeting: string | null;
  meetingDate: string | null;
  minutesRef: string | null;
  decisionComment: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface PilotObjection {
  id: number;
  sessionId: string;
  projectId: string;
  objectorName: string;
  objectorContact: string;
  objectorOrganisation: string | null;
  content: string;
  receivedOn: string;
  letterAttachmentId: string | null;
  recordedBy: string;
  recordedAt: Date;
  answer: string | null;
  upheld: boolean | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

/** Records a proposal as the session's next round; returns it. */
export async function insertProposal(db: Queryable, proposal: { sessionId: string; projectIds: readonly string[]; note: string | null; by: string; at: Date }): Promise<number> {
  const result = await db.query<{ id: string }>(
    `INSERT INTO pilot_proposal (session_id, round, project_ids, note, proposed_by, proposed_at)
     SELECT $1, coalesce(max(round), 0) + 1, $2, $3, $4, $5 FROM pilot_proposal WHERE session_id = $1 RETURNING id`,
    [proposal.sessionId, proposal.projectIds, proposal.note, proposal.by, proposal.at],
  );
  return Number(result.rows[0]!.id);
}

/** The session's proposals, oldest first. */
export async function sessionProposals(db: Queryable, sessionId: string): Promise<PilotProposal[]> {
  const result = await db.query<ProposalRow>(`SELECT *, to_char(meeting_date, 'YYYY-MM-DD') AS meeting_day FROM pilot_proposal WHERE session_id = $1 ORDER BY round`, [sessionId]);
  return result.rows.map(toProposal);
}

/** The latest proposal of the session, if any. */
export async function latestProposal(db: Queryable, sessionId: string): Promise<PilotProposal | undefined> {
  return (await sessionProposals(db, sessionId)).at(-1);
}

/** Records the collective decision on a proposal. */
export async function recordProposalDecision(
  db: Queryable,
  id: number,
  decision: { decision: 'approve' | 'return'; meeting: string; meetingDate: string; minutesRef: string; comment: string | null; by: string; at: Date },
): Promise<void> {
  await db.query(
    `UPDATE pilot_proposal SET decision = $2, meeting = $3, meeting_date = $4, minutes_ref = $5, decision_comment = $6, decided_by = $7, decided_at = $8
      WHERE id = $1 AND decision IS NULL`,
    [id, decision.decision, decision.meeting, decision.meetingDate, decision.minutesRef, decision.comment, decision.by, decision.at],
  );
}

/** Records an objection; returns its id. */
export async function insertObjection(db: Queryable, objection: Omit<PilotObjection, 'id' | 'answer' | 'upheld' | 'answeredBy' | 'answeredAt'>): Promise<number> {
  const result = await db.query<{ id: string }>(
    `INSERT INTO pilot_objection (session_id, project_id, objector_name, objector_contact, objector_organisation, content, received_on, letter_attachment_id, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [objection.sessionId, objection.projectId, objection.objectorName, objection.objectorContact, objection.objectorOrganisation, objection.content,
      objection.receivedOn, objection.letterAttachmentId, objection.recordedBy, objection.recordedAt],
  );
  return Number(result.rows[0]!.id);
}

/** The session's objections, oldest first. */
export async function sessionObjections(db: Queryable, sessionId: string): Promise<PilotObjection[]> {
  const result = await db.query<ObjectionRow>(`${SELECT_OBJECTION} WHERE session_id = $1 ORDER BY id`, [sessionId]);
  return result.rows.map(toObjection);
}

/** One objection; `lock` takes its row lock. */
export async function findObjection(db: Queryable, id: number, lock = false): Promise<PilotObjection | undefined> {
  const result = await db.query<ObjectionRow>(`${SELECT_OBJECTION} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return result.rows[0] && toObjection(result.rows[0]);
}

/** Records the answer to an objection, and whether it was upheld. */
export async function answerObjection(db: Queryable, id: number, answer: { answer: string; upheld: boolean; by: string; at: Date }): Promise<void> {
  await db.query('UPDATE pilot_objection SET answer = $2, upheld = $3, answered_by = $4, answered_at = $5 WHERE id = $1', [id, answer.answer, answer.upheld, answer.by, answer.at]);
}

/** Records one of the final list's files (once per format). */
export async function insertPilotListDocument(db: Queryable, doc: { sessionId: string; format: 'pdf' | 'xlsx'; attachmentId: string; sha256: string; at: Date }): Promise<boolean> {
  const result = await db.query(
    'INSERT INTO pilot_list_document (session_id, format, attachment_id, sha256, rendered_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
    [doc.sessionId, doc.format, doc.attachmentId, doc.sha256, doc.at],
  );
  return (result.rowCount ?? 0) > 0;
}

/** The final list's files of a session. */
export async function pilotListDocuments(db: Queryable, sessionId: string): Promise<{ format: 'pdf' | 'xlsx'; attachmentId: string; sha256: string; renderedAt: Date }[]> {
  const result = await db.query<{ format: 'pdf' | 'xlsx'; attachment_id: string; sha256: string; rendered_at: Date }>(
    'SELECT format, attachment_id, sha256, rendered_at FROM pilot_list_document WHERE session_id = $1 ORDER BY format',
    [sessionId],
  );
  return result.rows.map((row) => ({ format: row.format, attachmentId: row.attachment_id, sha256: row.sha256, renderedAt: row.rendered_at }));
}

// helpers

interface ProposalRow {
  id: string; session_id: string; round: number; project_ids: string[]; note: string | null; proposed_by: string; proposed_at: Date;
  decision: 'approve' | 'return' | null; meeting: string | null; meeting_day: string | null; minutes_ref: string | null; decision_comment: string | null;
  decided_by: string | null; decided_at: Date | null;
}

function toProposal(row: ProposalRow): PilotProposal {
  return {
    id: Number(row.id), sessionId: row.session_id, round: row.round, projectIds: row.project_ids, note: row.note, proposedBy: row.proposed_by,
    proposedAt: row.proposed_at, decision: row.decision, meeting: row.meeting, meetingDate: row.meeting_day, minutesRef: row.minutes_ref,
    decisionComment: row.decision_comment, decidedBy: row.decided_by, decidedAt: row.decided_at,
  };
}

interface ObjectionRow {
  id: string; session_id: string; project_id: string; objector_name: string; objector_contact: string; objector_organisation: string | null; content: string;
  received_day: string; letter_attachment_id: string | null; recorded_by: string; recorded_at: Date; answer: string | null; upheld: boolean | null;
  answered_by: string | null; answered_at: Date | null;
}

const SELECT_OBJECTION = `SELECT *, to_char(received_on, 'YYYY-MM-DD') AS received_day FROM pilot_objection`;

function toObjection(row: ObjectionRow): PilotObjection {
  return {
    id: Number(row.id), sessionId: row.session_id, projectId: row.project_id, objectorName: row.objector_name, objectorContact: row.objector_contact,
    objectorOrganisation: row.objector_organisation, content: row.content, receivedOn: row.received_day, letterAttachmentId: row.letter_attachment_id,
    recordedBy: row.recorded_by, recordedAt: row.recorded_at, answer: row.answer, upheld: row.upheld, answeredBy: row.answered_by, answeredAt: row.answered_at,
  };
}
