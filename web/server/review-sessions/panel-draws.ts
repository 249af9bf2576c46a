import { drawPanels, panelDrawAlgorithm } from '../../../domain/panel-draw.js';
import { withTransaction, type PoolClient } from '../../../platform/database.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { findCall } from '../../../store/call-repository.js';
import { queueTaskCompletion } from '../../../store/engine-command-repository.js';
import {
  drawablePool, loadOf, newSeed, PANEL_SEAT_PROCESS, queueSeatMessage, queueSeatStart, replaceSeat, reviewedProject,
} from '../../../store/panel-draw-records.js';
import { findSeat, insertPanelDraw, insertSeats, markSeatsRedrawn, sessionSeats, setLeader } from '../../../store/panel-seat-repository.js';
import { definitionForCall } from '../../../store/release-repository.js';
import { findReviewSession, reviewProjectFacts, sessionProjects, setReviewSessionStatus, type ReviewSession } from '../../../store/review-session-repository.js';
import { deliverAfterCommit } from '../engine-commands/deliver.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import type { ScopedTask, TaskDeps } from '../tasks/scope.js';
import { panelProblems } from './panel-problems.js';

// The officer's side of the panels: the seeded draw (every panel not drawn yet, or a redraw of named projects with
// a reason), naming each panel's group leader, confirming the panels (the seats' processes start and the experts get
// their tasks), and replacing an expert who does not respond. Each runs under the session's row lock, so two draws
// for one session follow one another and the second sees the first's seats.

/** What a draw did: the draw's id and the seats it added. */
export interface DrawOutcome {
  drawId: number;
  seats: number;
}

/** Draws the panels of the session's projects that have none (or, with a reason, redraws the named ones). */
export async function drawSessionPanels(deps: TaskDeps, account: Account, sessionId: string, request: { projectIds?: string[] | undefined; reason: string | null }): Promise<DrawOutcome> {
  const now = deps.clock.now();
  return withTransaction(deps.db, async (client) => {
    const session = await lockedSession(client, sessionId, 'drawing', '专家名单已确认，不能再抽取；专家回避时系统自动补抽，未响应的专家可单独更换。');
    const projects = await sessionProjects(client, sessionId);
    const seats = await sessionSeats(client, sessionId);
    const drawn = new Set(seats.filter((s) => s.active).map((s) => s.projectId));
    const redraw = request.projectIds !== undefined && request.projectIds.length > 0;
    let targets: string[];
    if (redraw) {
      const unknown = request.projectIds!.filter((id) => !projects.some((p) => p.projectId === id));
      if (unknown.length) throw new AppError('VALIDATION_FAILED', '所选项目不在本评审会中。', [{ path: 'projectIds', message: '所选项目不在本评审会中' }]);
      const again = request.projectIds!.filter((id) => drawn.has(id));
      if (again.length && !request.reason) throw new AppError('VALIDATION_FAILED', '重新抽取已有评审组的项目须填写原因。', [{ path: 'reason', message: '请填写重新抽取的原因' }]);
      targets = [...new Set(request.projectIds!)];
    } else {
      targets = projects.map((p) => p.projectId).filter((id) => !drawn.has(id));
      if (!targets.length) throw new AppError('CONFLICT', '本评审会的项目都已抽取评审专家；如需重新抽取，请选择项目并填写原因。');
    }
    const call = (await findCall(client, session.callId))!;
    const facts = await reviewProjectFacts(client, targets);
    const pool = await drawablePool(client);
    const others = seats.filter((s) => !targets.includes(s.projectId));
    // A redraw keeps experts who sat on the project's panel before off it: the unique key would refuse them.
    const before = new Map(targets.map((id) => [id, new Set(seats.filter((s) => s.projectId === id).map((s) => s.expertId))]));
    const seed = newSeed();
    const result = drawPanels({
      seed, projects: facts.map((f) => reviewedProject(f, call.directions)),
      experts: pool.experts.filter((e) => !targets.some((id) => before.get(id)!.has(e.id))),
      panelSize: session.panelSize, settings: { excludeSameUnit: session.excludeSameUnit }, sessionDate: now.toISOString().slice(0, 10), existingLoad: loadOf(others),
    });
    if (!result.ok) throw new AppError('CONFLICT', result.shortfall.message);
    if (redraw) await markSeatsRedrawn(client, sessionId, targets);
    const drawId = await insertPanelDraw(client, {
      sessionId, kind: redraw && targets.some((id) => drawn.has(id)) ? 'redraw' : 'draw', projectIds: targets, seed, algorithm: panelDrawAlgorithm.name,
      algorithmVersion: panelDrawAlgorithm.version, loadBound: result.load.bound, record: { load: result.load, eligibility: result.eligibility },
      reason: request.reason, drawnBy: account.username, drawnAt: now,
    });
    const offset = (projectId: string) => Math.max(0, ...seats.filter((s) => s.projectId === projectId).map((s) => s.position));
    const added = await insertSeats(client, drawId, sessionId, result.panels.flatMap((panel) =>
      panel.expertIds.map((expertId, index) => ({ projectId: panel.projectId, expertId, position: offset(panel.projectId) + index + 1 }))));
    await audit(client, account, session, now, 'review.panels-drawn', {
      drawId, kind: redraw ? 'redraw' : 'draw', projectIds: targets, seed, reason: request.reason, loadBound: result.load.bound,
      panels: result.panels.map((p) => ({ projectId: p.projectId, expertIds: p.expertIds })),
    });
    return { drawId, seats: added.length };
  });
}

/** Names the panel's group leader (组长) among its active seats, before the panels are confirmed. */
export async function nameLeader(deps: TaskDeps, account: Account, sessionId: string, seatId: string): Promise<void> {
  const now = deps.clock.now();
  await withTransaction(deps.db, async (client) => {
    const session = await lockedSession(client, sessionId, 'drawing', '专家名单已确认，不能再更换组长。');
    const seat = await findSeat(client, seatId, true);
    if (!seat || seat.sessionId !== sessionId) throw new AppError('NOT_FOUND', '没有找到该专家席位。');
    if (!seat.active) throw new AppError('CONFLICT', '该专家已不在评审组中，不能担任组长。');
    await setLeader(client, seat);
    await audit(client, account, session, now, 'review.leader-named', { projectId: seat.projectId, seatId, expertId: seat.expertId });
  });
}

/**
 * 抽取评审专家 done: every project has a full panel with a leader; the session goes to scoring and each seat's
 * process starts, giving its expert the 回避声明 task.
 */
export async function confirmPanels(deps: TaskDeps, account: Account, scoped: ScopedTask, sessionId: string): Promise<void> {
  const now = deps.clock.now();
  const commandIds = await withTransaction(deps.db, async (client) => {
    const session = await lockedSession(client, sessionId, 'drawing', '专家名单已确认。');
    const { problems, seats } = await panelProblems(client, session, (panel, number) => {
      if (panel.length < session.panelSize) return [`项目 ${number} 的评审组只有 ${panel.length} 名专家，须为 ${session.panelSize} 名`];
      if (!panel.some((s) => s.isLeader)) return [`项目 ${number} 尚未指定评审组组长`];
      const withoutAccount = panel.filter((s) => !s.expertUsername);
      if (withoutAccount.length) return [`项目 ${number} 的评审专家 ${withoutAccount.map((s) => s.expertName).join('、')} 已没有登录账号，请更换`];
      return [];
    });
    if (problems.length) throw new AppError('CONFLICT', `还不能确认专家名单：${problems.join('；')}。`);
    const definitionId = (await definitionForCall(client, session.callId, PANEL_SEAT_PROCESS)) ?? (await deps.engine.latestProcessDefinition(PANEL_SEAT_PROCESS)).id;
    const ids: string[] = [];
    for (const seat of seats.filter((s) => s.active)) ids.push(await queueSeatStart(client, definitionId, seat, session, seat.expertUsername!));
    await setReviewSessionStatus(client, sessionId, 'scoring', { panelsConfirmedBy: account.username, at: now });
    await audit(client, account, session, now, 'review.panels-confirmed', { seats: seats.filter((s) => s.active).length });
    ids.push(await queueTaskCompletion(client, { taskId: scoped.task.id, processInstanceId: scoped.task.processInstanceId, subject: { reviewSessionId: sessionId }, variables: { panelsConfirmedBy: account.username } }));
    return ids;
  });
  for (const id of commandIds) await deliverAfterCommit(deps, id);
}

/** Replaces an expert who has not declared or scored yet (does not respond), with the reason; a replacement is drawn. */
export async function replaceSeatByOfficer(deps: TaskDeps, account: Account, sessionId: string, seatId: string, reason: string): Promise<string> {
  const now = deps.clock.now();
  const { seatId: newSeatId, commandIds } = await withTransaction(deps.db, async (client) => {
    const session = await lockedSession(client, sessionId, 'scoring', '只有专家评审期间可以更换专家；抽取阶段请重新抽取。');
    const seat = await findSeat(client, seatId, true);
    if (!seat || seat.sessionId !== sessionId) throw new AppError('NOT_FOUND', '没有找到该专家席位。');
    if (seat.status !== 'drawn' && seat.status !== 'declared') throw new AppError('CONFLICT', '该专家已评分或已不在评审组中，不能更换。');
    if (seat.isLeader) throw new AppError('CONFLICT', '组长不能直接更换；请先联系组长或重新组织评审。');
    const call = (await findCall(client, session.callId))!;
    const definitionId = (await definitionForCall(client, session.callId, PANEL_SEAT_PROCESS)) ?? (await deps.engine.latestProcessDefinition(PANEL_SEAT_PROCESS)).id;
    const replaced = await replaceSeat(client, { session, seat, reason, by: account.username, at: now, definitionId, directions: call.directions, takeOff: true });
    if (!replaced.ok) throw new AppError('CONFLICT', replaced.message);
    const withdraw = await queueSeatMessage(client, seat, 'panelSeatWithdrawn', 'SeatWithdrawn', { withdrawnReason: reason });
    await audit(client, account, session, now, 'review.expert-replaced', { projectId: seat.projectId, seatId, expertId: seat.expertId, reason, newSeatId: replaced.seatId, newExpertId: replaced.expertId });
    return { seatId: replaced.seatId, commandIds: [withdraw, replaced.startCommandId] };
  });
  for (const id of commandIds) await deliverAfterCommit(deps, id);
  return newSeatId;
}

// helpers

/** The session under its row lock, in the expected status; CONFLICT with `wrongStatus` otherwise. */
export async function lockedSession(client: PoolClient, sessionId: string, status: ReviewSession['status'], wrongStatus: string): Promise<ReviewSession> {
  const session = await findReviewSession(client, sessionId, true);
  if (!session) throw new AppError('NOT_FOUND', '没有找到该评审会。');
  if (session.status !== status) throw new AppError('CONFLICT', wrongStatus);
  return session;
}

/** An audit entry about the session. */
export async function audit(client: PoolClient, account: Pick<Account, 'username'>, session: ReviewSession, at: Date, action: string, detail: Record<string, unknown>): Promise<void> {
  await insertAuditEntry(client, { actor: account.username, action, subject: `review-session:${session.id}`, at, callId: session.callId, detail: { sessionName: session.name, ...detail } });
}
