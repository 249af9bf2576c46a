import type { Queryable } from '../../../platform/database.js';
import { fromEngineDate, type EngineApi, type EngineTask } from '../../../platform/engine/index.js';
import { processSubjects } from '../../../store/dashboard-repository.js';
import type { DueTask, DueTasks } from '../schemas/dashboard.js';
import { subjectView } from './subjects.js';

const DAY = 86_400_000;
/** The most rows one list shows; the total is still counted, and the page says when rows were left off. */
export const MAX_TASK_ROWS = 500;

/** Open user tasks past their due date, and those due within `withinDays`, each with its call, unit and application. */
export async function dueTasks(deps: { db: Queryable; engine: EngineApi }, now: Date, withinDays: number): Promise<DueTasks> {
  const nearDueUntil = new Date(now.getTime() + withinDays * DAY);
  const overdueWindow = { dueBefore: now };
  const nearDueWindow = { dueAfter: now, dueBefore: nearDueUntil };
  const [overdue, nearDue, overdueTotal, nearDueTotal] = await Promise.all([
    deps.engine.tasksDue(overdueWindow, MAX_TASK_ROWS),
    deps.engine.tasksDue(nearDueWindow, MAX_TASK_ROWS),
    deps.engine.tasksDueCount(overdueWindow),
    deps.engine.tasksDueCount(nearDueWindow),
  ]);
  const subjects = await processSubjects(deps.db, [...new Set([...overdue, ...nearDue].map((task) => task.processInstanceId))]);
  const view = (task: EngineTask & { due: string }): DueTask => ({
    taskId: task.id, name: task.name, processInstanceId: task.processInstanceId, assignee: task.assignee,
    created: fromEngineDate(task.created), due: fromEngineDate(task.due), ...subjectView(subjects.get(task.processInstanceId)),
  });
  return {
    now, nearDueUntil,
    overdue: { total: Math.max(overdueTotal, overdue.length), tasks: overdue.filter(hasDue).map(view) },
    nearDue: { total: Math.max(nearDueTotal, nearDue.length), tasks: nearDue.filter(hasDue).map(view) },
  };
}

// helpers

function hasDue(task: EngineTask): task is EngineTask & { due: string } {
  return task.due !== null;
}
