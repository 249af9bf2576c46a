import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { taskAuditKeys } from '../audit/task-audit-keys.js';
import type { Account } from '../identity/roles.js';
import { scopedTask, type TaskDeps } from './scope.js';

/** Sets a task's due date and/or follow-up date (null clears one; an absent one stays as it is). */
export async function setTaskDates(deps: TaskDeps, account: Account, taskId: string, dates: { due?: string | null; followUp?: string | null }): Promise<void> {
  const { task, subject } = await scopedTask(deps, account, taskId);
  const date = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(value));
  if (dates.due === undefined && dates.followUp === undefined) return;
  await deps.engine.setTaskDates(task.id, { due: date(dates.due), followUp: date(dates.followUp) });
  await insertAuditEntry(deps.db, { actor: account.username, action: 'task.dates-set', subject: `task:${task.id}`, ...taskAuditKeys(subject), detail: dates });
}
