import { changeRequestStatuses, type ChangeRequestStatus } from '../../../domain/change-request-rules.js';
import { mayDecide, selfApprovalRefusal } from '../../../domain/project-exit.js';
import { withTransaction, type PoolClient } from '../../../platform/database.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { queueTaskCompletion } from '../../../store/engine-command-repository.js';
import { notifyChangeOutcome } from '../../../store/project-change-notices.js';
import {
  findChangeRequest, findExitProposal, openChangeRequest, pendingExitProposal, recordChangeDecision, recordExitDecision, recordUnitOpinion,
  type ChangeRequest,
} from '../../../store/project-change-repository.js';
import { findProject, type Project } from '../../../store/project-repository.js';
import { deliverAfterCommit } from '../engine-commands/deliver.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import type { ScopedTask, TaskDeps } from '../tasks/scope.js';

// The steps of a change request and an exit proposal in the project's process, taken from the tasklist: each
// records its decision with who and when on the request's row, and queues its task's completion, in one transaction.

/** What the unit says at ChangeUnitOpinion. */
export interface UnitOpinion {
  unitOpinion: 'agree' | 'disagree';
  unitComment: string;
}

/** What the province decides at ChangeDecision. */
export interface ChangeDecision {
  changeDecision: 'approve' | 'refuse';
  changeDecisionOpinion: string;
}

/** What the division head decides at ExitApproval. */
export interface ExitDecision {
  exitDecision: 'approve' | 'refuse';
  exitDecisionOpinion: string;
}

/** Records the unit's opinion on the project's open change request; it goes on to the province. */
export async function giveUnitOpinion(deps: TaskDeps, account: Account, scoped: ScopedTask, opinion: UnitOpinion): Promise<void> {
  const now = deps.clock.now();
  const commandId = await withTransaction(deps.db, async (client) => {
    const { project, request } = await lockedRequest(client, scoped, 'unit-review');
    await recordUnitOpinion(client, request.id, { opinion: opinion.unitOpinion, comment: opinion.unitComment, by: account.username, at: now });
    await audit(client, account, project, now, 'project.change-unit-opinion', { changeRequestId: request.id, opinion: opinion.unitOpinion, comment: opinion.unitComment });
    return queueTaskCompletion(client, {
      taskId: scoped.task.id, processInstanceId: scoped.task.processInstanceId, subject: { projectId: project.id },
      variables: { unitOpinion: opinion.unitOpinion, unitOpinionText: opinion.unitOpinion === 'agree' ? '同意' : '不同意', unitComment: opinion.unitComment, unitOpinionBy: account.username },
    });
  });
  await deliverAfterCommit(deps, commandId);
}

/**
 * Records the province's decision on the project's open change request and tells the enterprise; the process then
 * applies an approved change, or sets an approved termination's status (退库).
 */
export async function decideChange(deps: TaskDeps, account: Account, scoped: ScopedTask, decision: ChangeDecision): Promise<void> {
  const now = deps.clock.now();
  const commandId = await withTransaction(deps.db, async (client) => {
    const { project, request } = await lockedRequest(client, scoped, 'province-review');
    const approve = decision.changeDecision === 'approve';
    await recordChangeDecision(client, request.id, { approve, comment: decision.changeDecisionOpinion, by: account.username, at: now });
    await audit(client, account, project, now, 'project.change-decided', { changeRequestId: request.id, kind: request.kind, decision: decision.changeDecision, opinion: decision.changeDecisionOpinion });
    await notifyChangeOutcome(client, project, request, approve ? 'approved' : 'refused', decision.changeDecisionOpinion);
    return queueTaskCompletion(client, {
      taskId: scoped.task.id, processInstanceId: scoped.task.processInstanceId, subject: { projectId: project.id },
      variables: { changeDecision: decision.changeDecision, changeDecisionOpinion: decision.changeDecisionOpinion, changeDecidedBy: account.username },
    });
  });
  await deliverAfterCommit(deps, commandId);
}

/**
 * Records the division head's decision on the project's pending exit proposal; the process sets an approved exit's
 * status. The proposer cannot decide it: refused, with nothing changed.
 */
export async function decideExit(deps: TaskDeps, account: Account, scoped: ScopedTask, decision: ExitDecision): Promise<void> {
  const now = deps.clock.now();
  const commandId = await withTransaction(deps.db, async (client) => {
    const project = await lockedProject(client, scoped);
    const pending = await pendingExitProposal(client, project.id);
    const proposal = pending && (await findExitProposal(client, pending.id, true));
    if (proposal?.status !== 'pending') throw new AppError('CONFLICT', '该项目没有待审批的退库申请，请刷新后查看。');
    if (!mayDecide(proposal.proposedBy, account.username)) throw new AppError('CONFLICT', selfApprovalRefusal);
    await recordExitDecision(client, proposal.id, { approve: decision.exitDecision === 'approve', comment: decision.exitDecisionOpinion, by: account.username, at: now });
    await audit(client, account, project, now, 'project.exit-decided', { exitProposalId: proposal.id, decision: decision.exitDecision, opinion: decision.exitDecisionOpinion });
    return queueTaskCompletion(client, {
      taskId: scoped.task.id, processInstanceId: scoped.task.processInstanceId, subject: { projectId: project.id },
      variables: { exitDecision: decision.exitDecision, exitDecisionOpinion: decision.exitDecisionOpinion, exitDecidedBy: account.username },
    });
  });
  await deliverAfterCommit(deps, commandId);
}

// helpers

async function lockedProject(client: PoolClient, scoped: ScopedTask): Promise<Project> {
  const projectId = scoped.subject.kind === 'application' ? scoped.subject.project?.id : undefined;
  const project = projectId ? await findProject(client, projectId, true) : undefined;
  if (!project) throw new AppError('NOT_FOUND');
  return project;
}

async function lockedRequest(client: PoolClient, scoped: ScopedTask, status: ChangeRequestStatus): Promise<{ project: Project; request: ChangeRequest }> {
  const project = await lockedProject(client, scoped);
  const open = await openChangeRequest(client, project.id);
  const request = open && (await findChangeRequest(client, open.id, true));
  if (request?.status !== status) {
    throw new AppError('CONFLICT', request ? `该变更申请当前为“${changeRequestStatuses[request.status]}”，不能在此环节办理。` : '该项目没有正在办理的变更申请，请刷新后查看。');
  }
  return { project, request };
}

async function audit(client: PoolClient, account: Account, project: Project, at: Date, action: string, detail: Record<string, unknown>): Promise<void> {
  await insertAuditEntry(client, {
    actor: account.username, action, subject: `project:${project.id}`, at, callId: project.callId, unitId: project.unitId, applicationId: project.applicationId,
    detail: { projectNumber: project.projectNumber, ...detail },
  });
}
