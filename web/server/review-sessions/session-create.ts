import { withTransaction, type Queryable } from '../../../platform/database.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { findCall } from '../../../store/call-repository.js';
import { queueProcessStart } from '../../../store/engine-command-repository.js';
import { definitionForCall } from '../../../store/release-repository.js';
import { insertReviewSession, reviewProjectFacts, unreviewedLibraryProjects } from '../../../store/review-session-repository.js';
import { deliverAfterCommit } from '../engine-commands/deliver.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import type { NewReviewSessionBody } from '../schemas/review-sessions.js';
import type { TaskDeps } from '../tasks/scope.js';

// A review session (评审会) is created by a province officer over library projects (在库) of one call that no other
// session reviews; its campaign (processes/review-session.bpmn) starts in the same transaction through the engine
// command outbox and first records the rubric the decision table gives.

export const REVIEW_SESSION_PROCESS = 'reviewSession';

/** Creates the session and queues its campaign's start; returns its id. */
export async function createReviewSession(deps: TaskDeps, account: Account, body: NewReviewSessionBody): Promise<string> {
  const now = deps.clock.now();
  const { sessionId, commandId } = await withTransaction(deps.db, async (client) => {
    const call = await findCall(client, body.callId);
    if (!call) throw new AppError('VALIDATION_FAILED', '没有这个申报批次。', [{ path: 'callId', message: '没有这个申报批次' }]);
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`iiot.review-session:${body.callId}`]);
    const problems = await candidateProblems(client, body);
    if (problems.length) throw new AppError('VALIDATION_FAILED', `以下项目不能参加本次评审：${problems.join('；')}`, problems.map((message) => ({ path: 'projectIds', message })));
    const sessionId = await insertReviewSession(client, { ...body, createdBy: account.username, createdAt: now });
    const definitionId = (await definitionForCall(client, body.callId, REVIEW_SESSION_PROCESS)) ?? (await deps.engine.latestProcessDefinition(REVIEW_SESSION_PROCESS)).id;
    const commandId = await queueProcessStart(client, {
      processDefinitionId: definitionId, processDefinitionKey: REVIEW_SESSION_PROCESS, businessKey: sessionId,
      variables: { sessionId, callId: body.callId, direction: body.direction ?? '', sessionName: body.name },
      subject: { reviewSessionId: sessionId },
    });
    await insertAuditEntry(client, {
      actor: account.username, action: 'review.session-created', subject: `review-session:${sessionId}`, at: now, callId: body.callId,
      detail: { name: body.name, direction: body.direction, projectIds: body.projectIds, panelSize: body.panelSize, excludeSameUnit: body.excludeSameUnit,
        limitPerDirection: body.limitPerDirection, limitPerUnit: body.limitPerUnit },
    });
    return { sessionId, commandId };
  });
  await deliverAfterCommit(deps, commandId);
  return sessionId;
}

// helpers

async function candidateProblems(db: Queryable, body: NewReviewSessionBody): Promise<string[]> {
  const open = new Set(await unreviewedLibraryProjects(db, body.callId));
  const facts = new Map((await reviewProjectFacts(db, body.projectIds)).map((f) => [f.projectId, f]));
  const seen = new Set<string>();
  return body.projectIds.flatMap((projectId) => {
    const fact = facts.get(projectId);
    if (seen.has(projectId)) return [`项目 ${fact?.projectNumber ?? projectId} 重复`];
    seen.add(projectId);
    if (!fact || fact.callId !== body.callId) return [`项目 ${projectId} 不属于该申报批次`];
    if (body.direction && fact.direction !== body.direction) return [`项目 ${fact.projectNumber} 不属于本评审会的申报方向`];
    if (!open.has(projectId)) return [`项目 ${fact.projectNumber} 不在库或已参加其他评审会`];
    return [];
  });
}
