import { aggregatePanel } from '../../../domain/score-aggregation.js';
import { hasSignedCommitment, sessionSeats, type PanelSeat } from '../../../store/panel-seat-repository.js';
import { findReviewSession, reviewProjectFacts, sessionProjects } from '../../../store/review-session-repository.js';
import type { SeatTaskInfo } from '../schemas/review-sessions.js';
import type { TaskDeps } from '../tasks/scope.js';
import { seatMayOpenMaterials } from './seat-access.js';

// The expert's view of a seat task: the project by the four facts the 回避声明 may show, the session's rubric, and
// for the group leader's consensus step the panel's totals and opinions (no one else's names before publication are
// shown to units; the panel sees itself).

/** Whether the seat's expert may open the project's materials now (seat-access.ts, with the session read fresh). */
export async function seatMaterialsOpen(deps: Pick<TaskDeps, 'db'>, seat: PanelSeat): Promise<boolean> {
  const session = await findReviewSession(deps.db, seat.sessionId);
  return !!session && seatMayOpenMaterials(seat, session);
}

/** The seat task's card. */
export async function seatTaskInfoOf(deps: Pick<TaskDeps, 'db'>, seat: PanelSeat): Promise<SeatTaskInfo> {
  const session = (await findReviewSession(deps.db, seat.sessionId))!;
  const [facts] = await reviewProjectFacts(deps.db, [seat.projectId]);
  const consensus = seat.isLeader && session.status === 'consensus';
  const panel = consensus ? (await sessionSeats(deps.db, session.id)).filter((s) => s.projectId === seat.projectId && s.active) : [];
  const result = consensus ? (await sessionProjects(deps.db, session.id)).find((p) => p.projectId === seat.projectId) : undefined;
  const aggregate = consensus ? aggregatePanel(panel.filter((s) => s.total !== null).map((s) => ({ seatId: s.id, total: s.total!, excludedReason: s.excludedReason }))) : undefined;
  return {
    seatId: seat.id, sessionName: session.name, projectNumber: facts!.projectNumber, projectName: facts!.projectName, enterpriseName: facts!.enterpriseName,
    uscc: facts!.uscc, preparedBy: facts!.preparedBy, isLeader: seat.isLeader, declared: seat.status === 'declared' || seat.status === 'scored',
    commitmentSigned: await hasSignedCommitment(deps.db, session.id, seat.expertId), rubric: session.rubric ?? [], rescoreReason: seat.rescoreReason,
    panelScores: consensus ? panel.map((s) => ({ expertName: s.expertName, total: s.total, opinion: s.opinion, excluded: s.excludedReason !== null })) : null,
    aggregate: aggregate ? { score: result?.score ?? aggregate.score, median: aggregate.median, range: aggregate.range } : null,
  };
}
