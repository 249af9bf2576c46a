import { checkScores } from '../../../domain/review-rubric.js';
import { withTransaction, type PoolClient } from '../../../platform/database.js';
import { queueMessageCorrelation, queueTaskCompletion } from '../../../store/engine-command-repository.js';
import {
  findSeat, hasSignedCommitment, markSeatDeclared, markSeatDeclined, recordSeatScores, signCommitment, type PanelSeat,
} from '../../../store/panel-seat-repository.js';
import {
  findReviewSession, pendingConsensusCount, recordConsensus, setReviewSessionStatus, type ReviewSession,
} from '../../../store/review-session-repository.js';
import { deliverAfterCommit } from '../engine-commands/deliver.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import type { ScopedTask, TaskDeps } from '../tasks/scope.js';
import { audit } from './panel-draws.js';
import { REVIEW_SESSION_PROCESS } from './session-create.js';

// The expert's steps on a seat (processes/panel-seat.bpmn), each recorded on the seat with its time and queued as
// the task's completion in one transaction: the 评审承诺书 (once per session) with the 回避声明 or a decline with its
// reason (the process then draws a replacement), the scores against the session's rubric, and the group leader's
// consensus opinion.

/** What the expert states at 签署评审承诺书与回避声明. */
export interface Declaration {
  commitmentSigned: boolean;
  declaration: 'no-conflict' | 'conflict';
  declineReason: string | null;
}

/** What the expert gives at 专家评分. */
export interface SeatScores {
  scores: Record<string, unknown>;
  opinion: string;
}

/** Records the declaration (or the decline with its reason) of the task's seat. */
export async function declareSeat(deps: TaskDeps, account: Account, scoped: ScopedTask, input: Declaration): Promise<void> {
  const now = deps.clock.now();
  const commandId = await withTransaction(deps.db, async (client) => {
    const { session, seat } = await lockedSeat(client, scoped, account);
    if (seat.status !== 'drawn') throw new AppError('CONFLICT', '该项目的回避声明已签署。');
    if (!input.commitmentSigned && !(await hasSignedCommitment(client, session.id, seat.expertId))) {
      throw new AppError('VALIDATION_FAILED', '请先阅读并签署本次评审的评审承诺书。', [{ path: 'commitmentSigned', message: '请签署评审承诺书' }]);
    }
    await signCommitment(client, session.id, seat.expertId, now);
    const declared = input.declaration === 'no-conflict';
    if (declared) await markSeatDeclared(client, seat.id, now);
    else await markSeatDeclined(client, seat.id, input.declineReason!, now);
    await audit(client, account, session, now, declared ? 'review.conflict-declared' : 'review.seat-declined', {
      seatId: seat.id, projectId: seat.projectId, expertId: seat.expertId, ...(declared ? {} : { reason: input.declineReason }),
    });
    return queueTaskCompletion(client, {
      taskId: scoped.task.id, processInstanceId: scoped.task.processInstanceId, subject: { panelSeatId: seat.id },
      variables: { seatDeclared: declared, declineReason: declared ? null : input.declineReason },
    });
  });
  await deliverAfterCommit(deps, commandId);
}

/** Records the seat's scores, checked against the session's rubric, while the panel is open. */
export async function scoreSeat(deps: TaskDeps, account: Account, scoped: ScopedTask, input: SeatScores): Promise<void> {
  const now = deps.clock.now();
  const commandId = await withTransaction(deps.db, async (client) => {
    const { session, seat } = await lockedSeat(client, scoped, account);
    if (session.status !== 'scoring' || session.scoringClosedAt) throw new AppError('CONFLICT', '本次评审已结束评分，不能再提交评分。');
    if (seat.status !== 'declared') throw new AppError('CONFLICT', seat.status === 'scored' ? '该项目已评分；省厅要求复核时可重新评分。' : '请先签署回避声明。');
    const checked = checkScores(session.rubric ?? [], input.scores);
    if (!checked.ok) throw new AppError('VALIDATION_FAILED', checked.problems.join(''), checked.problems.map((message) => ({ path: 'scores', message })));
    const round = await recordSeatScores(client, seat.id, checked.scores, checked.total, input.opinion, now);
    await audit(client, account, session, now, 'review.scored', { seatId: seat.id, projectId: seat.projectId, expertId: seat.expertId, round, scores: checked.scores, total: checked.total });
    return queueTaskCompletion(client, {
      taskId: scoped.task.id, processInstanceId: scoped.task.processInstanceId, subject: { panelSeatId: seat.id }, variables: { seatTotal: checked.total, scoreRound: round },
    });
  });
  await deliverAfterCommit(deps, commandId);
}

/** Records the group leader's consensus opinion; the last one lets the campaign go on to the proposal. */
export async function recordLeaderConsensus(deps: TaskDeps, account: Account, scoped: ScopedTask, opinion: string): Promise<void> {
  const now = deps.clock.now();
  const commandIds = await withTransaction(deps.db, async (client) => {
    const { session, seat } = await lockedSeat(client, scoped, account);
    if (!seat.isLeader) throw new AppError('FORBIDDEN', '只有评审组组长可以记录合议意见。');
    if (session.status !== 'consensus') throw new AppError('CONFLICT', '本次评审当前不在组长合议阶段。');
    if (!(await recordConsensus(client, session.id, seat.projectId, opinion, account.username, now))) throw new AppError('CONFLICT', '该项目的合议意见已记录。');
    await audit(client, account, session, now, 'review.consensus-recorded', { seatId: seat.id, projectId: seat.projectId, opinion });
    const ids = [await queueTaskCompletion(client, {
      taskId: scoped.task.id, processInstanceId: scoped.task.processInstanceId, subject: { panelSeatId: seat.id }, variables: { consensusOpinion: opinion },
    })];
    if ((await pendingConsensusCount(client, session.id)) === 0) {
      await setReviewSessionStatus(client, session.id, 'proposing');
      ids.push(await queueMessageCorrelation(client, {
        messageName: 'reviewConsensusRecorded', businessKey: session.id, processDefinitionKey: REVIEW_SESSION_PROCESS, catchingActivityId: 'AwaitConsensus',
        variables: {}, subject: { reviewSessionId: session.id },
      }));
    }
    return ids;
  });
  for (const id of commandIds) await deliverAfterCommit(deps, id);
}

// helpers

/** The task's seat and its session under the session's lock; the seat must be the signed-in expert's. */
async function lockedSeat(client: PoolClient, scoped: ScopedTask, account: Account): Promise<{ session: ReviewSession; seat: PanelSeat }> {
  const seatId = scoped.subject.kind === 'seat' ? scoped.subject.seat.id : undefined;
  const unlocked = seatId ? await findSeat(client, seatId) : undefined;
  if (!unlocked) throw new AppError('NOT_FOUND');
  const session = (await findReviewSession(client, unlocked.sessionId, true))!;
  const seat = (await findSeat(client, unlocked.id, true))!;
  if (seat.expertUsername !== account.username) throw new AppError('FORBIDDEN', '该评审任务不属于您。');
  return { session, seat };
}
