import { displayNames } from '../../../store/task-subject-repository.js';
import type { Account } from '../identity/roles.js';
import type { TaskComment as CommentView } from '../schemas/tasks.js';
import { authoredMessage, readComment } from './comment-author.js';
import { scopedTask, type TaskDeps } from './scope.js';

/** The task's comments (the engine's task comments), oldest first. */
export async function commentsOf(deps: TaskDeps, account: Account, taskId: string): Promise<CommentView[]> {
  const { task } = await scopedTask(deps, account, taskId);
  const comments = (await deps.engine.taskComments(task.id)).map((c) => ({ ...c, ...readComment(c.message, c.userId) }));
  const names = await displayNames(deps.db, comments.flatMap((c) => (c.author ? [c.author] : [])));
  return comments
    .map((c) => ({ id: c.id, author: c.author ? { username: c.author, displayName: names.get(c.author) ?? c.author } : null, time: new Date(c.time).toISOString(), message: c.text }))
    .sort((a, b) => a.time.localeCompare(b.time));
}

/** Adds a comment by the account to the task. */
export async function addComment(deps: TaskDeps, account: Account, taskId: string, message: string): Promise<CommentView> {
  const { task } = await scopedTask(deps, account, taskId);
  const created = await deps.engine.createTaskComment(task.id, authoredMessage(account.username, message));
  return { id: created.id, author: { username: account.username, displayName: account.displayName }, time: new Date(created.time).toISOString(), message };
}
