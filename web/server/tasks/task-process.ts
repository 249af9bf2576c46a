import { unitById } from '../../../domain/units.js';
import { statusHistory } from '../../../store/application-repository.js';
import { displayNames } from '../../../store/task-subject-repository.js';
import type { Account } from '../identity/roles.js';
import type { TaskDiagram, TaskHistory } from '../schemas/tasks.js';
import { scopedTask, type TaskDeps } from './scope.js';

// The process around a task: its definition's diagram with the steps done and the steps open now, and the
// history — the application's recorded statuses and the engine's record of every step.

/** The BPMN of the task's own process definition version, with the instance's open and finished activities. */
export async function diagramOf(deps: TaskDeps, account: Account, taskId: string): Promise<TaskDiagram> {
  const { task } = await scopedTask(deps, account, taskId);
  const [definition, steps] = await Promise.all([deps.engine.processDefinitionXml(task.processDefinitionId), deps.engine.historicActivitySteps(task.processInstanceId)]);
  const active = new Set(steps.filter((s) => !s.endTime).map((s) => s.activityId));
  const completed = new Set(steps.filter((s) => s.endTime && !active.has(s.activityId)).map((s) => s.activityId));
  return { xml: definition.bpmn20Xml, activeActivityIds: [...active], completedActivityIds: [...completed] };
}

/** What happened so far: the application's statuses (if the task has one) and the steps the engine recorded. */
export async function historyOf(deps: TaskDeps, account: Account, taskId: string): Promise<TaskHistory> {
  const { task, subject } = await scopedTask(deps, account, taskId);
  const [events, steps] = await Promise.all([
    subject.kind === 'application' ? statusHistory(deps.db, subject.application.id) : Promise.resolve([]),
    deps.engine.historicActivitySteps(task.processInstanceId),
  ]);
  const shown = steps.filter((s) => !s.activityType.endsWith('Gateway') && s.activityType !== 'multiInstanceBody');
  const names = await displayNames(deps.db, [...events.map((e) => e.actor), ...shown.flatMap((s) => (s.assignee ? [s.assignee] : []))]);
  return {
    statusEvents: events.map((e) => ({ status: e.status, at: e.at.toISOString(), actor: actorName(e.actor, names), reason: e.reason })),
    steps: shown.map((s) => ({
      activityId: s.activityId, name: s.activityName, type: s.activityType, startTime: new Date(s.startTime).toISOString(), endTime: s.endTime && new Date(s.endTime).toISOString(),
      canceled: s.canceled ?? false, assignee: s.assignee ? { username: s.assignee, displayName: names.get(s.assignee) ?? s.assignee } : null,
    })),
  };
}

// helpers

/** Who recorded a status, for people: an account's name, a unit's reviewers, or the system's own steps. */
function actorName(actor: string, names: ReadonlyMap<string, string>): string {
  const unit = actor.startsWith('city') ? unitById(actor.slice(4)) : undefined;
  return names.get(actor) ?? (actor === 'system' ? '系统' : unit ? `${unit.name}审核人员` : actor);
}
