import { changeSummary, checkChangeRequest, openItemRefusal, type ChangeKind } from '../../../domain/change-request-rules.js';
import { directionOptionsFor } from '../../../domain/call-directions.js';
import { projectStatuses } from '../../../domain/project-status.js';
import type { Clock } from '../../../platform/clock.js';
import { withTransaction, type Queryable } from '../../../platform/database.js';
import { findApplication } from '../../../store/application-repository.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { findCall } from '../../../store/call-repository.js';
import { queueMessageCorrelation } from '../../../store/engine-command-repository.js';
import {
  insertChangeRequest, listChangeRequests, openChangeRequest, pendingExitProposal, type ChangeRequest,
} from '../../../store/project-change-repository.js';
import { findProject, type Project } from '../../../store/project-repository.js';
import { deliverAfterCommit, type EngineCommandDeps } from '../engine-commands/deliver.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import type { ChangeRequestsAnswer, ProjectChangeHeader } from '../schemas/project-changes.js';
import { actorNamesFor } from './actor-names.js';
import { changeRequestView } from './project-records.js';
import { PROJECT_PROCESS } from './project-start.js';
import { projectVisibleTo } from './scope.js';

// 变更申请 (LIFECYCLE.md stage 4a): the enterprise asks, on a project in the library with nothing else open; the
// request is recorded and the project's process told (message projectChangeRequested) in one transaction. The
// process checks the city-platform rule, asks the unit's opinion and the province's decision.

export interface ChangeDeps extends EngineCommandDeps {
  clock: Clock;
}

/** What the enterprise asks. */
export interface ChangeRequestBody {
  kind: ChangeKind;
  changes: Record<string, unknown>;
  reason: string;
}

/**
 * Records the enterprise's change request on its own project and queues the message to the project's process;
 * refused, with nothing changed, for another enterprise's project (404), one not in the library or with a request or
 * exit open (409), or changes the rules do not allow (400).
 */
export async function requestChange(deps: ChangeDeps, account: Account, projectId: string, body: ChangeRequestBody): Promise<ChangeRequest> {
  const now = deps.clock.now();
  const { request, commandId } = await withTransaction(deps.db, async (client) => {
    // Locked, so two requests at once for one project are taken one after the other.
    const project = projectVisibleTo(account, await findProject(client, projectId, true));
    if (account.role !== 'applicant') throw new AppError('NOT_FOUND', '没有找到该项目。');
    const refusal = await openItemRefusalOf(client, project, '变更申请');
    if (refusal) throw new AppError('CONFLICT', refusal);
    const application = await findApplication(client, project.applicationId);
    const call = await findCall(client, project.callId);
    if (!application || !call) throw new AppError('NOT_FOUND', '没有找到该项目。');
    const check = checkChangeRequest(body, { data: application.data, template: application.template, call });
    if (!check.ok) throw new AppError('VALIDATION_FAILED', undefined, check.problems.map((p) => ({ path: `body.${p.path.join('.')}`, message: p.message })));
    const request = await insertChangeRequest(client, { projectId: project.id, kind: body.kind, changes: check.changes, reason: body.reason, requestedBy: account.username, requestedAt: now });
    // One paragraph a line in the forms' markdown.
    const summary = changeSummary(body.kind, check.changes, application.data, call).split('\n').join('\n\n');
    await insertAuditEntry(client, {
      actor: account.username, action: 'project.change-requested', subject: `project:${project.id}`, at: now,
      callId: project.callId, unitId: project.unitId, applicationId: project.applicationId,
      detail: { projectNumber: project.projectNumber, changeRequestId: request.id, kind: body.kind, changes: check.changes, reason: body.reason },
    });
    const commandId = await queueMessageCorrelation(client, {
      messageName: 'projectChangeRequested', businessKey: project.projectNumber, processDefinitionKey: PROJECT_PROCESS, catchingActivityId: 'ChangeRequested',
      // The request's id and kind route the process; its text and reason are what the unit's and the province's forms show.
      variables: { changeRequestId: request.id, changeKind: body.kind, changeSummary: summary, changeReason: body.reason, changeRequestedBy: account.username },
      subject: { projectId: project.id },
    });
    return { request, commandId };
  });
  await deliverAfterCommit(deps, commandId);
  return request;
}

/** The project's change requests for a reader of the project, with what the change page needs to ask a new one. */
export async function changeRequestsOf(deps: Pick<ChangeDeps, 'db'>, account: Account, projectId: string): Promise<ChangeRequestsAnswer> {
  const project = projectVisibleTo(account, await findProject(deps.db, projectId));
  const [application, call, requests] = await Promise.all([findApplication(deps.db, project.applicationId), findCall(deps.db, project.callId), listChangeRequests(deps.db, project.id)]);
  if (!application || !call) throw new AppError('NOT_FOUND', '没有找到该项目。');
  const name = await actorNamesFor(deps.db, account, requests.flatMap((r) => [r.requestedBy, r.unitBy, r.decidedBy]));
  const data = application.data;
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null);
  const amount = (key: string) => (typeof data[key] === 'number' ? (data[key] as number) : null);
  return {
    project: await headerOf(deps.db, project, '变更申请'),
    current: {
      totalInvestment: amount('totalInvestment'), completedInvestment: amount('completedInvestment'), content: text('content'), direction: text('direction'),
      periodStart: text('periodStart'), periodEnd: text('periodEnd'), enterpriseName: text('enterpriseName'),
    },
    directionOptions: directionOptionsFor(call, application.template, data.direction),
    requests: requests.map((request) => changeRequestView(request, [], name, account.role === 'applicant')),
  };
}

/** The project as the change and exit pages head it, with why nothing new can be asked now. */
export async function headerOf(db: Queryable, project: Project, what: '变更申请' | '退库'): Promise<ProjectChangeHeader> {
  return {
    id: project.id, projectNumber: project.projectNumber, projectName: project.projectName, enterpriseName: project.enterpriseName,
    status: project.status, statusLabel: projectStatuses[project.status], blockedBy: (await openItemRefusalOf(db, project, what)) ?? null,
  };
}

/** Why the project cannot take a new request or proposal now, read in the caller's transaction. */
export async function openItemRefusalOf(db: Queryable, project: Project, what: '变更申请' | '退库'): Promise<string | undefined> {
  const change = await openChangeRequest(db, project.id);
  const exit = await pendingExitProposal(db, project.id);
  return openItemRefusal(project, { changeRequest: !!change, exitProposal: !!exit }, what);
}
