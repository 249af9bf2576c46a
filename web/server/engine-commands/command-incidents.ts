import type { Pool } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import type { ProcessSubject } from '../../../store/dashboard-repository.js';
import { failingEngineCommands, findEngineCommand, type FailingEngineCommand } from '../../../store/engine-command-repository.js';
import type { IncidentView } from '../schemas/dashboard.js';
import { subjectView } from '../dashboard/subjects.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import { deliverEngineCommand } from './deliver.js';

// A command the relay keeps failing to deliver (the engine refuses it) is shown on the province's incidents panel
// beside the engine's own incidents, and retried from there: one delivery at once, recorded in the audit log.

const ID_PREFIX = 'engine-command-';

/** Whether an incident id names an engine command rather than an engine incident. */
export function isEngineCommandIncident(incidentId: string): boolean {
  return incidentId.startsWith(ID_PREFIX);
}

/** The failing engine commands as incident rows, oldest first. */
export async function engineCommandIncidents(db: Pool, maxResults: number): Promise<IncidentView[]> {
  return (await failingEngineCommands(db, maxResults)).map(incidentOf);
}

/** Delivers a failing command once, now; a refusal again is answered with the engine's message. */
export async function retryEngineCommand(deps: { db: Pool; engine: EngineApi }, account: Account, incidentId: string): Promise<void> {
  const id = incidentId.slice(ID_PREFIX.length);
  if (!/^\d{1,18}$/.test(id)) throw new AppError('INCIDENT_RESOLVED');
  const delivery = await deliverEngineCommand(deps, id);
  if (delivery === 'already-done') throw new AppError('INCIDENT_RESOLVED');
  const command = (await findEngineCommand(deps.db, id))!;
  await insertAuditEntry(deps.db, {
    actor: account.username,
    action: 'engine-command.retried',
    subject: `engine-command:${id}`,
    detail: { kind: command.kind, delivery, ...(delivery === 'failed' ? { error: command.lastError } : {}) },
  });
  if (delivery === 'failed') throw new AppError('CONFLICT', `重试后仍未成功：${command.lastError ?? '原因未知'}。请先排除原因，再重试。`);
}

// helpers

function incidentOf(failing: FailingEngineCommand): IncidentView {
  const { command } = failing;
  const [what, activityName] = describe(command);
  return {
    incidentId: `${ID_PREFIX}${command.id}`,
    incidentType: 'engineCommand',
    at: command.createdAt,
    processInstanceId: command.kind === 'correlate-message' ? null : command.processInstanceId,
    processName: '平台对流程引擎的调用',
    activityId: null,
    activityName,
    message: command.lastError,
    details: `${what}：已尝试 ${command.attempts} 次，平台会继续自动重试。\n${command.lastError ?? ''}`,
    topicName: null,
    retryable: true,
    ...subjectView(subjectOf(failing)),
  };
}

/** What the command asks, as an operator reads it, and its short name. */
function describe(command: FailingEngineCommand['command']): [string, string] {
  switch (command.kind) {
    case 'start-process':
      return [`启动流程实例（业务键 ${command.businessKey}）`, '启动流程实例'];
    case 'complete-task':
      return [`完成任务 ${command.taskId}`, '完成任务'];
    case 'correlate-message':
      return [`发送消息 ${command.messageName}（业务键 ${command.businessKey}）`, '发送流程消息'];
  }
}

function subjectOf({ command, ...row }: FailingEngineCommand): ProcessSubject | undefined {
  if (!row.callId) return undefined;
  return {
    processInstanceId: (command.kind === 'correlate-message' ? null : command.processInstanceId) ?? '',
    applicationId: command.subject && 'applicationId' in command.subject ? command.subject.applicationId : null,
    applicationNumber: row.applicationNumber,
    projectName: row.projectName,
    unitId: row.unitId,
    callId: row.callId,
    callTitle: row.callTitle ?? '',
  };
}
