import { directionLabel } from '../../../domain/directions.js';
import { proposalProblems } from '../../../domain/pilot-selection.js';
import { unitNameOf } from '../../../domain/units.js';
import { withTransaction } from '../../../platform/database.js';
import { findAttachment } from '../../../store/attachment-repository.js';
import { findCall } from '../../../store/call-repository.js';
import { queueTaskCompletion } from '../../../store/engine-command-repository.js';
import {
  answerObjection, findObjection, insertObjection, insertProposal, latestProposal, recordProposalDecision, sessionObjections, type PilotObjection,
} from '../../../store/pilot-selection-repository.js';
import { reviewProjectFacts, sessionProjects, setReviewSessionStatus } from '../../../store/review-session-repository.js';
import { deliverAfterCommit } from '../engine-commands/deliver.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import type { ScopedTask, TaskDeps } from '../tasks/scope.js';
import { audit, lockedSession } from './panel-draws.js';

// Selection (LIFECYCLE.md stage 4b): the officer proposes pilots from the ranking within the session's limits; the
// proposal is decided collectively (meeting, date, minutes' reference); during the 公示 real-name written objections
// are recorded and answered; the officer then settles the final list (the campaign renders and publishes it).

/** What the officer proposes at 提出试点建议名单. */
export interface Proposal {
  projectIds: string[];
  note: string | null;
}

/** What the collective decision records at 集体决策. */
export interface CollectiveDecision {
  pilotDecision: 'approve' | 'return';
  meeting: string;
  meetingDate: string;
  minutesRef: string;
  decisionComment: string | null;
}

/** Records the proposal, checked against the ranking and the limits; the decision comes next. */
export async function proposePilots(deps: TaskDeps, account: Account, scoped: ScopedTask, sessionId: string, proposal: Proposal): Promise<void> {
  const now = deps.clock.now();
  const commandId = await withTransaction(deps.db, async (client) => {
    const session = await lockedSession(client, sessionId, 'proposing', '本次评审当前不在提出建议名单阶段。');
    const call = (await findCall(client, session.callId))!;
    const results = await sessionProjects(client, sessionId);
    const facts = new Map((await reviewProjectFacts(client, results.map((r) => r.projectId))).map((f) => [f.projectId, f]));
    const candidates = results.map((r) => {
      const f = facts.get(r.projectId)!;
      return { projectId: r.projectId, projectNumber: f.projectNumber, direction: f.direction, directionLabel: directionLabel(f.direction, call.directions), unitId: f.unitId, unitName: unitNameOf(f.unitId), score: r.score };
    });
    const problems = proposalProblems(candidates, proposal.projectIds, { perDirection: session.limitPerDirection, perUnit: session.limitPerUnit });
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems.join(''), problems.map((message) => ({ path: 'projectIds', message })));
    const selected = [...new Set(proposal.projectIds)];
    const id = await insertProposal(client, { sessionId, projectIds: selected, note: proposal.note, by: account.username, at: now });
    await setReviewSessionStatus(client, sessionId, 'deciding');
    await audit(client, account, session, now, 'review.pilots-proposed', { proposalId: id, projectIds: selected, note: proposal.note });
    return queueTaskCompletion(client, { taskId: scoped.task.id, processInstanceId: scoped.task.processInstanceId, subject: { reviewSessionId: sessionId }, variables: { pilotsProposedBy: account.username } });
  });
  await deliverAfterCommit(deps, commandId);
}

/** Records the collective decision on the latest proposal: approved (the 公示 follows) or returned for a new one. */
export async function decideProposal(deps: TaskDeps, account: Account, scoped: ScopedTask, sessionId: string, decision: CollectiveDecision): Promise<void> {
  const now = deps.clock.now();
  const commandId = await withTransaction(deps.db, async (client) => {
    const session = await lockedSession(client, sessionId, 'deciding', '本次评审当前不在集体决策阶段。');
    const proposal = await latestProposal(client, sessionId);
    if (!proposal || proposal.decision !== null) throw new AppError('CONFLICT', '没有待决策的试点建议名单。');
    await recordProposalDecision(client, proposal.id, {
      decision: decision.pilotDecision, meeting: decision.meeting, meetingDate: decision.meetingDate, minutesRef: decision.minutesRef, comment: decision.decisionComment,
      by: account.username, at: now,
    });
    if (decision.pilotDecision === 'return') await setReviewSessionStatus(client, sessionId, 'proposing');
    await audit(client, account, session, now, 'review.pilots-decided', {
      proposalId: proposal.id, round: proposal.round, decision: decision.pilotDecision, meeting: decision.meeting, meetingDate: decision.meetingDate, minutesRef: decision.minutesRef,
      comment: decision.decisionComment,
    });
    return queueTaskCompletion(client, {
      taskId: scoped.task.id, processInstanceId: scoped.task.processInstanceId, subject: { reviewSessionId: sessionId },
      variables: { pilotDecision: decision.pilotDecision, pilotDecidedBy: account.username },
    });
  });
  await deliverAfterCommit(deps, commandId);
}

/** What the officer records of a written objection. */
export type ObjectionEntry = Pick<PilotObjection, 'projectId' | 'objectorName' | 'objectorContact' | 'objectorOrganisation' | 'content' | 'receivedOn' | 'letterAttachmentId'>;

/** Records a real-name written objection about a project on the published list, within the 公示 window. */
export async function recordObjection(deps: TaskDeps, account: Account, sessionId: string, entry: ObjectionEntry): Promise<number> {
  const now = deps.clock.now();
  return withTransaction(deps.db, async (client) => {
    const session = await lockedSession(client, sessionId, 'public-notice', '本次评审不在公示期，不能登记异议。');
    if (!session.noticeUntil || now >= session.noticeUntil) throw new AppError('CONFLICT', '公示期已结束，不再受理异议。');
    const proposal = await latestProposal(client, sessionId);
    if (!proposal?.projectIds.includes(entry.projectId)) throw new AppError('VALIDATION_FAILED', '异议涉及的项目不在公示名单中。', [{ path: 'projectId', message: '请选择公示名单中的项目' }]);
    if (entry.letterAttachmentId && !(await findAttachment(client, entry.letterAttachmentId))) {
      throw new AppError('VALIDATION_FAILED', '书面异议扫描件不存在，请重新上传。', [{ path: 'letterAttachmentId', message: '扫描件不存在' }]);
    }
    const id = await insertObjection(client, { ...entry, sessionId, recordedBy: account.username, recordedAt: now });
    await audit(client, account, session, now, 'review.objection-recorded', { objectionId: id, projectId: entry.projectId, objectorName: entry.objectorName, receivedOn: entry.receivedOn });
    return id;
  });
}

/** Answers an objection, saying whether it is upheld (an upheld one takes its project off the final list). */
export async function answerOneObjection(deps: TaskDeps, account: Account, sessionId: string, objectionId: number, answer: { answer: string; upheld: boolean }): Promise<void> {
  const now = deps.clock.now();
  await withTransaction(deps.db, async (client) => {
    const session = await lockedSession(client, sessionId, 'public-notice', '试点名单已确定，不能再答复异议。');
    const objection = await findObjection(client, objectionId, true);
    if (!objection || objection.sessionId !== sessionId) throw new AppError('NOT_FOUND', '没有找到该异议。');
    if (objection.answer !== null) throw new AppError('CONFLICT', '该异议已答复。');
    await answerObjection(client, objectionId, { ...answer, by: account.username, at: now });
    await audit(client, account, session, now, 'review.objection-answered', { objectionId, projectId: objection.projectId, upheld: answer.upheld, answer: answer.answer });
  });
}

/** 答复异议并确定试点名单 done: the window is over and every objection answered; the campaign publishes the list. */
export async function finalisePilotList(deps: TaskDeps, account: Account, scoped: ScopedTask, sessionId: string): Promise<void> {
  const now = deps.clock.now();
  const commandId = await withTransaction(deps.db, async (client) => {
    const session = await lockedSession(client, sessionId, 'public-notice', '本次评审不在公示阶段。');
    if (session.noticeUntil && now < session.noticeUntil) throw new AppError('CONFLICT', '公示期尚未结束。');
    const open = (await sessionObjections(client, sessionId)).filter((o) => o.answer === null);
    if (open.length) throw new AppError('CONFLICT', `还有 ${open.length} 件异议未答复，答复后方可确定试点名单。`);
    await audit(client, account, session, now, 'review.pilot-list-settled', {});
    return queueTaskCompletion(client, { taskId: scoped.task.id, processInstanceId: scoped.task.processInstanceId, subject: { reviewSessionId: sessionId }, variables: { pilotListFinalisedBy: account.username } });
  });
  await deliverAfterCommit(deps, commandId);
}
