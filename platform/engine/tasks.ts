import { z } from 'zod';
import type { EngineClient } from './client.js';
import { fromEngineVariables, toEngineDate, toEngineVariables } from './wire-format.js';

// User tasks: the tasklist's queries, a task's variables and deployed form, claiming, dates, comments, completion.

const task = z.object({
  id: z.string(),
  name: z.string().nullable(),
  taskDefinitionKey: z.string(),
  processInstanceId: z.string(),
  processDefinitionId: z.string(),
  assignee: z.string().nullable(),
  created: z.string(),
  due: z.string().nullable(),
  formKey: z.string().nullable().optional(),
  camundaFormRef: z.object({ key: z.string(), binding: z.string(), version: z.number().nullable() }).nullable().optional(),
});
// The tasklist's view of a task: the fields a person sorts and plans by, besides those above.
const tasklistTask = task.extend({ followUp: z.string().nullable() });
// What `PUT /task/{id}` writes: it replaces every one of these, so an update sends back the ones it keeps.
const taskUpdate = z.object({
  name: z.string().nullable(),
  description: z.string().nullable(),
  priority: z.number(),
  assignee: z.string().nullable(),
  owner: z.string().nullable(),
  delegationState: z.string().nullable(),
  due: z.string().nullable(),
  followUp: z.string().nullable(),
  parentTaskId: z.string().nullable(),
  caseInstanceId: z.string().nullable(),
  tenantId: z.string().nullable(),
});
const taskComment = z.object({ id: z.string(), userId: z.string().nullable(), time: z.string(), message: z.string().nullable() });

export type EngineTask = z.infer<typeof task>;
export type TasklistTask = z.infer<typeof tasklistTask>;
export type TaskComment = z.infer<typeof taskComment>;

/** A task query of the tasklist (a subset of `POST /task`'s body). */
export interface TasklistQuery {
  taskId?: string;
  candidateGroups?: string[];
  /** With candidate groups: also tasks already claimed by someone (the engine leaves them out by default). */
  includeAssignedTasks?: boolean;
  assignee?: string;
  taskDefinitionKey?: string;
  processInstanceId?: string;
}

/** A due-date window of active user tasks; either end may be open. */
export interface DueWindow {
  dueAfter?: Date;
  dueBefore?: Date;
}

/** User tasks: query, read, claim, date, comment and complete them. */
export function createTasksApi(engine: EngineClient) {
  const path = (id: string, rest = '') => `/task/${encodeURIComponent(id)}${rest}`;
  return {
    tasks: (query: { processInstanceId?: string; processInstanceBusinessKey?: string; candidateGroup?: string; taskDefinitionKey?: string; processDefinitionKey?: string }) =>
      engine.request('POST', '/task', { json: query, schema: z.array(task) }),

    task: (id: string) => engine.request('GET', path(id), { schema: task }),

    taskVariables: (id: string) =>
      // Json values as their text: the engine would otherwise answer with its Spin object's properties.
      engine.request('GET', path(id, '/variables?deserializeValues=false'), {
        schema: z.record(z.string(), z.object({ value: z.unknown(), type: z.string() })),
      }).then(fromEngineVariables),

    deployedTaskForm: (id: string) => engine.request('GET', path(id, '/deployed-form'), { schema: z.unknown() }),

    completeTask: (id: string, variables: Record<string, unknown>) =>
      engine.request('POST', path(id, '/complete'), { json: { variables: toEngineVariables(variables) }, schema: z.unknown() }),

    /** Tasks of the tasklist, newest first (as the engine's own Tasklist lists them); at most `maxResults`. */
    tasklistTasks: (query: TasklistQuery, maxResults = 1000) =>
      engine.request('POST', `/task?firstResult=0&maxResults=${maxResults}`, {
        json: { ...query, sorting: [{ sortBy: 'created', sortOrder: 'desc' }] },
        schema: z.array(tasklistTask),
      }),

    claimTask: (id: string, userId: string) => engine.request('POST', path(id, '/claim'), { json: { userId }, schema: z.unknown() }),

    unclaimTask: (id: string) => engine.request('POST', path(id, '/unclaim'), { schema: z.unknown() }),

    /** Sets a task's due and follow-up dates (null clears one), keeping every other field `PUT /task/{id}` writes. */
    async setTaskDates(id: string, dates: { due?: Date | null; followUp?: Date | null }) {
      const current = await engine.request('GET', path(id), { schema: taskUpdate });
      const date = (value: Date | null | undefined, kept: string | null) => (value === undefined ? kept : value && toEngineDate(value));
      await engine.request('PUT', path(id), {
        json: { ...current, due: date(dates.due, current.due), followUp: date(dates.followUp, current.followUp) },
        schema: z.unknown(),
      });
    },

    taskComments: (id: string) => engine.request('GET', path(id, '/comment'), { schema: z.array(taskComment) }),

    createTaskComment: (id: string, message: string) => engine.request('POST', path(id, '/comment/create'), { json: { message }, schema: taskComment }),

    /** Active user tasks due in a window (either end open), earliest due first. */
    tasksDue: (window: DueWindow, maxResults: number) =>
      engine.request('POST', `/task?firstResult=0&maxResults=${maxResults}`, {
        json: { active: true, ...dueWindow(window), sorting: [{ sortBy: 'dueDate', sortOrder: 'asc' }] },
        schema: z.array(task),
      }),

    tasksDueCount: (window: DueWindow) =>
      engine.request('POST', '/task/count', { json: { active: true, ...dueWindow(window) }, schema: z.object({ count: z.number() }) }).then((answer) => answer.count),
  };
}

export type TasksApi = ReturnType<typeof createTasksApi>;

// helpers

function dueWindow(window: DueWindow) {
  return { ...(window.dueAfter ? { dueAfter: toEngineDate(window.dueAfter) } : {}), ...(window.dueBefore ? { dueBefore: toEngineDate(window.dueBefore) } : {}) };
}
