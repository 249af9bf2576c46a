import { EngineError } from '../../../platform/engine/index.js';
import { validateAgainstForm } from '../../../platform/form-validation.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { taskAuditKeys } from '../audit/task-audit-keys.js';
import { AppError, type FieldError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import { formForTask } from '../review-sessions/score-form.js';
import { takeForCompletion } from './assignment.js';
import { completionFor } from './completions/index.js';
import { scopedTask, type TaskDeps } from './scope.js';

/**
 * Completes a task with its form's data: in scope, not claimed by someone else, valid against the deployed form
 * and against the stage's own schema; then the stage's completion runs. A refused completion leaves the task as it
 * was, unclaimed if it was.
 */
export async function completeTask(deps: TaskDeps, account: Account, taskId: string, data: Record<string, unknown>): Promise<void> {
  const scoped = await scopedTask(deps, account, taskId);
  const form = await formForTask(deps, scoped, await deployedFormOf(deps, scoped.task.id));
  const completion = completionFor(scoped.task.processDefinitionId, scoped.task.taskDefinitionKey);
  const parsed = completion.schema.safeParse(data);
  const problems: FieldError[] = [
    ...validateAgainstForm(form, data).map((p) => ({ path: `body.${p.path}`, message: p.message })),
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: `body.${issue.path.join('.')}`, message: issue.message }))),
  ];
  if (problems.length || !parsed.success) throw new AppError('VALIDATION_FAILED', undefined, unique(problems));
  const claimedNow = await takeForCompletion(deps, account, scoped);
  try {
    await completion.complete(deps, { account, ...scoped }, parsed.data);
  } catch (error) {
    if (claimedNow) await deps.engine.unclaimTask(scoped.task.id).catch(() => undefined);
    throw error;
  }
  await insertAuditEntry(deps.db, { actor: account.username, action: 'task.completed', subject: `task:${scoped.task.id}`, ...taskAuditKeys(scoped.subject), detail: {
    // The form's own fields (the form check refused any other key): what was decided stays readable with who and when.
    stage: scoped.task.taskDefinitionKey, taskName: scoped.task.name, processInstanceId: scoped.task.processInstanceId, fields: data,
  } });
}

/** The task's deployed form-js form, or null when its model links none (then it cannot be completed here). */
export async function deployedFormOrNull(deps: TaskDeps, taskId: string): Promise<unknown> {
  try {
    return await deps.engine.deployedTaskForm(taskId);
  } catch (error) {
    // The engine answers 400 or 404 for a task without a deployed form.
    if (error instanceof EngineError && error.status < 500) return null;
    throw error;
  }
}

// helpers

async function deployedFormOf(deps: TaskDeps, taskId: string): Promise<unknown> {
  const form = await deployedFormOrNull(deps, taskId);
  if (form === null) throw new AppError('CONFLICT', '该任务没有可在本平台填写的表单，请联系平台管理员在流程引擎的任务列表中办理。');
  return form;
}

/** The first message per field: the form and the schema often say the same thing about a missing field. */
function unique(problems: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.path) && seen.add(p.path));
}
