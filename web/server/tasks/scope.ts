import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import type { EngineApi, TasklistQuery, TasklistTask } from '../../../platform/engine/index.js';
import { isUnitId } from '../../../domain/units.js';
import { seatsOfInstances, type PanelSeat } from '../../../store/panel-seat-repository.js';
import { sessionsOfInstances, type ReviewSession } from '../../../store/review-session-repository.js';
import {
  applicationsOfInstances, batchesOfInstances, projectApplicationsById, projectApplicationsOfInstances, type TaskApplication, type TaskBatch, type TaskProject,
} from '../../../store/task-subject-repository.js';
import { AppError } from '../errors.js';
import { candidateGroupsOf, type Account } from '../identity/roles.js';

// Whose tasks are whose. The engine knows groups: a city reviewer's unit group, the province group, and for experts
// the tasks assigned to them by name. The application database knows units: a city reviewer acts only on an
// application (or a unit batch) of its own unit, even if a model put the task in its group by mistake.

export interface TaskDeps {
  db: Pool;
  engine: EngineApi;
  clock: Clock;
}

/** What a task is about: an application, a unit's batch, or nothing the application database knows. */
export type TaskSubject =
  | { kind: 'application'; application: TaskApplication; project?: TaskProject }
  | { kind: 'batch'; batch: TaskBatch }
  | { kind: 'seat'; seat: PanelSeat; application: TaskApplication; project: TaskProject }
  | { kind: 'review-session'; session: ReviewSession }
  | { kind: 'none' };

/** A task the account may see, with its subject. */
export interface ScopedTask {
  task: TasklistTask;
  subject: TaskSubject;
}

/** The account's user id in the engine: tasks are claimed by, and assigned to, user names. */
export function engineUserOf(account: Pick<Account, 'username'>): string {
  return account.username;
}

/** Every open task the account may see, newest first. */
export async function tasksOf(deps: TaskDeps, account: Account): Promise<ScopedTask[]> {
  const query = queryOf(account);
  return query ? inScope(deps, account, await deps.engine.tasklistTasks(query)) : [];
}

/** The open tasks of one process instance that the account may see (a session's page asks for its campaign's). */
export async function tasksOfInstance(deps: TaskDeps, account: Account, processInstanceId: string): Promise<ScopedTask[]> {
  const query = queryOf(account);
  return query ? inScope(deps, account, await deps.engine.tasklistTasks({ ...query, processInstanceId })) : [];
}

/** One task the account may see; NOT_FOUND for any other, so another unit's task looks like no task at all. */
export async function scopedTask(deps: TaskDeps, account: Account, taskId: string): Promise<ScopedTask> {
  const query = queryOf(account);
  const found = query ? await inScope(deps, account, await deps.engine.tasklistTasks({ ...query, taskId }, 1)) : [];
  if (!found[0]) throw new AppError('NOT_FOUND', '没有找到该任务：它可能已由他人办结，或不属于您的办理范围。请返回待办任务列表刷新。');
  return found[0];
}

// helpers

function queryOf(account: Account): TasklistQuery | undefined {
  switch (account.role) {
    case 'city-reviewer':
      return account.unitId && isUnitId(account.unitId) ? { candidateGroups: candidateGroupsOf(account), includeAssignedTasks: true } : undefined;
    case 'province-officer':
    case 'division-head':
    case 'finance':
    case 'leadership':
      return { candidateGroups: candidateGroupsOf(account), includeAssignedTasks: true };
    case 'expert':
      // An expert sees only what was assigned to it by name (conflicts of interest are avoided at assignment).
      return { assignee: engineUserOf(account) };
    default:
      return undefined;
  }
}

async function inScope(deps: TaskDeps, account: Account, tasks: TasklistTask[]): Promise<ScopedTask[]> {
  const instances = [...new Set(tasks.map((task) => task.processInstanceId))];
  const [applications, batches, projects, seats, sessions] = await Promise.all([
    applicationsOfInstances(deps.db, instances), batchesOfInstances(deps.db, instances), projectApplicationsOfInstances(deps.db, instances),
    seatsOfInstances(deps.db, instances), sessionsOfInstances(deps.db, instances),
  ]);
  const seatProjects = await projectApplicationsById(deps.db, [...new Set(seats.map((seat) => seat.projectId))]);
  const applicationOf = new Map(applications.map((a) => [a.processInstanceId, a]));
  const batchOf = new Map(batches.map((b) => [b.processInstanceId, b]));
  const projectOf = new Map(projects.map((p) => [p.processInstanceId, p]));
  const seatOf = new Map(seats.map((seat) => [seat.processInstanceId!, seat]));
  const sessionOf = new Map(sessions.map((session) => [session.processInstanceId!, session]));
  const projectById = new Map(seatProjects.map((p) => [p.project.id, p]));
  return tasks
    .map((task): ScopedTask => ({ task, subject: subjectOfInstance(task.processInstanceId, { applicationOf, batchOf, projectOf, seatOf, sessionOf, projectById }) }))
    .filter(({ subject }) => mayActOn(account, subject));
}

function subjectOfInstance(
  instance: string,
  found: {
    applicationOf: Map<string, TaskApplication>; batchOf: Map<string, TaskBatch>; projectOf: Map<string, TaskApplication & { project: TaskProject }>;
    seatOf: Map<string, PanelSeat>; sessionOf: Map<string, ReviewSession>; projectById: Map<string, TaskApplication & { project: TaskProject }>;
  },
): TaskSubject {
  const application = found.applicationOf.get(instance);
  if (application) return { kind: 'application', application };
  const batch = found.batchOf.get(instance);
  if (batch) return { kind: 'batch', batch };
  const projectApplication = found.projectOf.get(instance);
  if (projectApplication) {
    const { project, ...rest } = projectApplication;
    return { kind: 'application', application: rest, project };
  }
  const seat = found.seatOf.get(instance);
  const seatProject = seat && found.projectById.get(seat.projectId);
  if (seat && seatProject) {
    const { project, ...rest } = seatProject;
    return { kind: 'seat', seat, application: rest, project };
  }
  const session = found.sessionOf.get(instance);
  if (session) return { kind: 'review-session', session };
  return { kind: 'none' };
}

/**
 * The double check: a city reviewer acts only on its own unit's subjects. An expert acts on its own seats, and on a
 * task assigned to it by name that concerns nothing the database knows (a model of the studio's own); never on an
 * application, batch or session, whose data the conflict rules have not cleared for it. A seat is its expert's only,
 * a session's task the province's.
 */
function mayActOn(account: Account, subject: TaskSubject): boolean {
  if (subject.kind === 'seat') return account.role === 'expert' && subject.seat.expertUsername === account.username;
  if (account.role === 'expert') return subject.kind === 'none';
  if (subject.kind === 'review-session') return account.role === 'province-officer';
  if (account.role !== 'city-reviewer') return true;
  if (subject.kind === 'application') return subject.application.unitId === account.unitId;
  if (subject.kind === 'batch') return subject.batch.unitId === account.unitId;
  return false;
}
