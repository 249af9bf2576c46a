import { EngineError } from '../../../platform/engine/index.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { displayNames } from '../../../store/task-subject-repository.js';
import { taskAuditKeys } from '../audit/task-audit-keys.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import { engineUserOf, scopedTask, type ScopedTask, type TaskDeps } from './scope.js';

// Claiming: a claimed task is handled by its assignee only; anyone of the group may release it (a colleague on
// leave must not block the unit), and every claim and release is in the audit log.

/** Claims a task for the account; claiming one's own task again changes nothing. */
export async function claim(deps: TaskDeps, account: Account, taskId: string): Promise<void> {
  const { task, subject } = await scopedTask(deps, account, taskId);
  const me = engineUserOf(account);
  if (task.assignee === me) return;
  if (task.assignee) throw await claimedByOther(deps, task.assignee);
  await claimInEngine(deps, task.id, me);
  await insertAuditEntry(deps.db, { actor: account.username, action: 'task.claimed', subject: `task:${task.id}`, ...taskAuditKeys(subject), detail: { stage: task.taskDefinitionKey } });
}

/** Releases a claimed task back to its group. */
export async function unclaim(deps: TaskDeps, account: Account, taskId: string): Promise<void> {
  const { task, subject } = await scopedTask(deps, account, taskId);
  if (!task.assignee) return;
  await deps.engine.unclaimTask(task.id);
  await insertAuditEntry(deps.db, { actor: account.username, action: 'task.released', subject: `task:${task.id}`, ...taskAuditKeys(subject), detail: { assignee: task.assignee } });
}

/**
 * Makes sure the account may complete the task now: refused when someone else claimed it; claimed for the account
 * when nobody had, so the engine's history names who handled it. Returns whether it claimed.
 */
export async function takeForCompletion(deps: TaskDeps, account: Account, { task }: ScopedTask): Promise<boolean> {
  const me = engineUserOf(account);
  if (task.assignee === me) return false;
  if (task.assignee) throw await claimedByOther(deps, task.assignee);
  await claimInEngine(deps, task.id, me);
  return true;
}

// helpers

async function claimInEngine(deps: TaskDeps, taskId: string, userId: string): Promise<void> {
  try {
    await deps.engine.claimTask(taskId, userId);
  } catch (error) {
    // Two people claiming at once: the engine lets one win and refuses the other.
    if (error instanceof EngineError && error.type === 'TaskAlreadyClaimedException') {
      const winner = await deps.engine.task(taskId).then((task) => task.assignee, () => null);
      throw await claimedByOther(deps, winner ?? '');
    }
    throw error;
  }
}

async function claimedByOther(deps: TaskDeps, assignee: string): Promise<AppError> {
  const name = (await displayNames(deps.db, [assignee])).get(assignee) ?? assignee;
  return new AppError('CONFLICT', `该任务已由${name ? ` ${name} ` : '他人'}认领，只有认领人可以办理。如需接手，请先点击“释放”再认领。`);
}
