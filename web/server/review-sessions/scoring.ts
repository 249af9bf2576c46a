import { withTransaction } from '../../../platform/database.js';
import { queueTaskCompletion } from '../../../store/engine-command-repository.js';
import { queueSeatMessage } from '../../../store/panel-draw-records.js';
import { findSeat, requestRescore, setSeatExclusion } from '../../../store/panel-seat-repository.js';
import { setReviewSessionStatus } from '../../../store/review-session-repository.js';
import { deliverAfterCommit } from '../engine-commands/deliver.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import type { ScopedTask, TaskDeps } from '../tasks/scope.js';
import { audit, lockedSession } from './panel-draws.js';
import { panelProblems } from './panel-problems.js';

// The officer's side of scoring while the panels are open: excluding a score with its reason (or taking the
// exclusion back), asking an expert to review a score (an outlier flag), and closing the scoring once every seat on
// a panel has scored; the campaign then aggregates and ranks (worker review-aggregate).

/** Excludes a seat's score from its project's aggregate with the reason, or (null) takes the exclusion back. */
export async function setExclusion(deps: TaskDeps, account: Account, sessionId: string, seatId: string, reason: string | null): Promise<void> {
  const now = deps.clock.now();
  await withTransaction(deps.db, async (client) => {
    const session = await lockedSession(client, sessionId, 'scoring', '只有专家评审期间可以排除或恢复评分。');
    const seat = await findSeat(client, seatId, true);
    if (!seat || seat.sessionId !== sessionId) throw new AppError('NOT_FOUND', '没有找到该专家席位。');
    if (seat.status !== 'scored') throw new AppError('CONFLICT', '该专家尚未评分，没有可排除的评分。');
    if (reason === null && seat.excludedReason === null) throw new AppError('CONFLICT', '该评分未被排除。');
    await setSeatExclusion(client, seatId, reason === null ? null : { reason, by: account.username, at: now });
    await audit(client, account, session, now, reason === null ? 'review.score-restored' : 'review.score-excluded', {
      seatId, projectId: seat.projectId, expertId: seat.expertId, total: seat.total, ...(reason === null ? { earlierReason: seat.excludedReason } : { reason }),
    });
  });
}

/** Asks the seat's expert to review their score, with the reason: the seat's process goes back to scoring. */
export async function askRescore(deps: TaskDeps, account: Account, sessionId: string, seatId: string, reason: string): Promise<void> {
  const now = deps.clock.now();
  const commandId = await withTransaction(deps.db, async (client) => {
    const session = await lockedSession(client, sessionId, 'scoring', '只有专家评审期间可以要求复核评分。');
    const seat = await findSeat(client, seatId, true);
    if (!seat || seat.sessionId !== sessionId) throw new AppError('NOT_FOUND', '没有找到该专家席位。');
    if (seat.status !== 'scored') throw new AppError('CONFLICT', '该专家尚未评分，不能要求复核。');
    await requestRescore(client, seatId, reason);
    await audit(client, account, session, now, 'review.rescore-requested', { seatId, projectId: seat.projectId, expertId: seat.expertId, total: seat.total, reason });
    return queueSeatMessage(client, seat, 'panelSeatRescore', 'RescoreRequested', { rescoreReason: reason });
  });
  await deliverAfterCommit(deps, commandId);
}

/** 评审打分与汇总 done: every active seat has scored and every panel keeps a score; scoring closes. */
export async function closeScoring(deps: TaskDeps, account: Account, scoped: ScopedTask, sessionId: string): Promise<void> {
  const now = deps.clock.now();
  const commandId = await withTransaction(deps.db, async (client) => {
    const session = await lockedSession(client, sessionId, 'scoring', '本次评审已结束评分。');
    const { problems, seats } = await panelProblems(client, session, (panel, number) => {
      const waiting = panel.filter((s) => s.status !== 'scored');
      if (waiting.length) return [`项目 ${number} 还有 ${waiting.length} 名专家未评分（${waiting.map((s) => s.expertName).join('、')}）`];
      if (!panel.some((s) => s.excludedReason === null)) return [`项目 ${number} 的评分都已排除，至少须保留一个评分`];
      return [];
    });
    if (problems.length) throw new AppError('CONFLICT', `还不能结束评分：${problems.join('；')}。`);
    await setReviewSessionStatus(client, sessionId, 'scoring', { scoringClosedBy: account.username, at: now });
    await audit(client, account, session, now, 'review.scoring-closed', {
      excluded: seats.filter((s) => s.active && s.excludedReason !== null).map((s) => ({ seatId: s.id, reason: s.excludedReason })),
    });
    return queueTaskCompletion(client, { taskId: scoped.task.id, processInstanceId: scoped.task.processInstanceId, subject: { reviewSessionId: sessionId }, variables: { scoringClosedBy: account.username } });
  });
  await deliverAfterCommit(deps, commandId);
}
