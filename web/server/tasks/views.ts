import { unitById, unitNameOf } from '../../../domain/units.js';
import type { Queryable } from '../../../platform/database.js';
import { displayNames } from '../../../store/task-subject-repository.js';
import type { TaskRow } from '../schemas/tasks.js';
import type { ScopedTask } from './scope.js';
import { stageOf } from './stages.js';

// How a task appears in the tasklist and on its page (its schema: schemas/tasks.ts).

/** The list rows of tasks, with the display names of their assignees. */
export async function taskRows(db: Queryable, scoped: readonly ScopedTask[]): Promise<TaskRow[]> {
  const names = await displayNames(db, scoped.flatMap(({ task }) => (task.assignee ? [task.assignee] : [])));
  return scoped.map((item) => taskRowOf(item, names));
}

/** One list row. */
export function taskRowOf({ task, subject }: ScopedTask, names: ReadonlyMap<string, string>): TaskRow {
  const stage = stageOf(task.processDefinitionId, task.taskDefinitionKey, task.name);
  return {
    taskId: task.id,
    name: task.name,
    stage: stage.key,
    stageLabel: stage.label,
    created: iso(task.created)!,
    due: iso(task.due),
    followUp: iso(task.followUp),
    assignee: task.assignee ? { username: task.assignee, displayName: names.get(task.assignee) ?? task.assignee } : null,
    subject: subjectOf({ task, subject }),
  };
}

/** An engine date (`…+0800`) as an ISO string. */
export function iso(engineDate: string | null): string | null {
  return engineDate === null ? null : new Date(engineDate).toISOString();
}

// helpers

function subjectOf({ task, subject }: ScopedTask): TaskRow['subject'] {
  const none = { applicationId: null, applicationNumber: null, enterpriseName: null, projectName: null, template: null, unitId: null, unitName: null, warningCount: 0 };
  switch (subject.kind) {
    case 'application': {
      const a = subject.application;
      return {
        ...none, kind: 'application', title: a.projectName, applicationId: a.id, applicationNumber: a.applicationNumber, enterpriseName: a.enterpriseName,
        projectName: a.projectName, template: a.template, unitId: a.unitId, unitName: unitById(a.unitId ?? '')?.name ?? null, warningCount: a.warningCount,
      };
    }
    case 'batch': {
      const unitName = unitNameOf(subject.batch.unitId);
      return { ...none, kind: 'batch', title: `${unitName}推荐批次（${subject.batch.callTitle}）`, unitId: subject.batch.unitId, unitName };
    }
    case 'seat': {
      // An expert's seat: the project by name and number (what the 回避声明 may show), its unit.
      const a = subject.application;
      return {
        ...none, kind: 'application', title: a.projectName, applicationNumber: a.applicationNumber, enterpriseName: a.enterpriseName, projectName: a.projectName,
        template: a.template, unitId: a.unitId, unitName: unitById(a.unitId ?? '')?.name ?? null,
      };
    }
    case 'review-session':
      return { ...none, kind: 'none', title: `评审会：${subject.session.name}` };
    case 'none':
      return { ...none, kind: 'none', title: task.name ?? task.taskDefinitionKey };
  }
}
