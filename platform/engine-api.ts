import { z } from 'zod';
import type { EngineClient } from './engine-client.js';
import { createDeployment, type ModelBundle } from './model-deployment.js';

// Typed wrappers over the few REST calls the web server uses. Each answer is parsed: the engine is outside code.

const processInstance = z.object({ id: z.string(), definitionId: z.string(), businessKey: z.string().nullable().optional(), ended: z.boolean() });
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
const historicActivity = z.object({
  id: z.string(),
  activityId: z.string(),
  activityName: z.string().nullable(),
  activityType: z.string(),
  startTime: z.string(),
  endTime: z.string().nullable(),
  sequenceCounter: z.number().optional(),
});
const historicProcessInstance = z.object({ id: z.string(), processDefinitionId: z.string(), state: z.string(), businessKey: z.string().nullable(), startTime: z.string(), endTime: z.string().nullable() });
const incident = z.object({ id: z.string(), incidentType: z.string(), incidentMessage: z.string().nullable(), processInstanceId: z.string().nullable(), activityId: z.string().nullable() });

// What the province's dashboards read: an incident in full, and the failed external task or job behind it.
const openIncident = incident.extend({
  processDefinitionId: z.string().nullable(),
  incidentTimestamp: z.string(),
  rootCauseIncidentId: z.string().nullable(),
  configuration: z.string().nullable(),
});
const externalTask = z.object({ id: z.string(), topicName: z.string().nullable(), workerId: z.string().nullable(), errorMessage: z.string().nullable(), retries: z.number().nullable(), processInstanceId: z.string().nullable() });
const job = z.object({ id: z.string(), exceptionMessage: z.string().nullable(), retries: z.number(), dueDate: z.string().nullable(), processInstanceId: z.string().nullable() });

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
const historicActivityStep = historicActivity.extend({ assignee: z.string().nullable(), canceled: z.boolean().optional(), taskId: z.string().nullable().optional() });

export type EngineTask = z.infer<typeof task>;
export type TasklistTask = z.infer<typeof tasklistTask>;
export type TaskComment = z.infer<typeof taskComment>;
export type HistoricActivityStep = z.infer<typeof historicActivityStep>;

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

/** A date in the engine's wire format (`yyyy-MM-dd'T'HH:mm:ss.SSSZ`). */
export function toEngineDate(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}
export type HistoricActivity = z.infer<typeof historicActivity>;
export type EngineIncident = z.infer<typeof openIncident>;

/** A date the engine wrote (`2021-12-20T10:00:00.000+0800`); JavaScript wants a colon in the offset. */
export function fromEngineDate(text: string): Date {
  return new Date(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

/** A process variable in the engine's wire format. */
export type EngineVariable = { value: unknown; type?: 'String' | 'Integer' | 'Long' | 'Double' | 'Boolean' | 'Json' | 'Object' | 'Date' | 'Null' };

/** Converts plain values to engine variables: objects and arrays become Json. */
export function toEngineVariables(values: Record<string, unknown>): Record<string, EngineVariable> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      value !== null && typeof value === 'object' ? { value: JSON.stringify(value), type: 'Json' } : { value },
    ]),
  );
}

/** Reads engine variables back to plain values, parsing Json. */
export function fromEngineVariables(variables: Record<string, { value: unknown; type: string }>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(variables).map(([name, v]) => [name, v.type === 'Json' && typeof v.value === 'string' ? JSON.parse(v.value) : v.value]),
  );
}

/** Operations on the engine the web server needs. */
export function engineApi(engine: EngineClient) {
  return {
    version: () => engine.request('GET', '/version', { schema: z.object({ version: z.string() }), timeoutMs: 3_000 }),

    startProcess: (key: string, businessKey: string, variables: Record<string, unknown>) =>
      engine.request('POST', `/process-definition/key/${encodeURIComponent(key)}/start`, {
        json: { businessKey, variables: toEngineVariables(variables) },
        schema: processInstance,
      }),

    /** Starts an instance of one process definition (a release), not of the latest version of a key. */
    startProcessById: (processDefinitionId: string, businessKey: string, variables: Record<string, unknown>) =>
      engine.request('POST', `/process-definition/${encodeURIComponent(processDefinitionId)}/start`, {
        json: { businessKey, variables: toEngineVariables(variables) },
        schema: processInstance,
      }),

    /** Deploys a bundle of model files as one deployment (see platform/model-deployment.ts). */
    deploy: (bundle: ModelBundle, options: { source: string; duplicateFiltering: boolean }) => createDeployment(engine, bundle, options),

    /** Running instances per process definition, for every definition that has any. */
    runningInstancesByDefinition: () =>
      engine.request('GET', '/process-definition/statistics', { schema: z.array(z.object({ id: z.string(), instances: z.number() })) })
        .then((rows) => new Map(rows.map((row) => [row.id, row.instances]))),

    tasks: (query: { processInstanceId?: string; processInstanceBusinessKey?: string; candidateGroup?: string; taskDefinitionKey?: string; processDefinitionKey?: string }) =>
      engine.request('POST', '/task', { json: query, schema: z.array(task) }),

    task: (id: string) => engine.request('GET', `/task/${encodeURIComponent(id)}`, { schema: task }),

    taskVariables: (id: string) =>
      // Json values as their text: the engine would otherwise answer with its Spin object's properties.
      engine.request('GET', `/task/${encodeURIComponent(id)}/variables?deserializeValues=false`, {
        schema: z.record(z.string(), z.object({ value: z.unknown(), type: z.string() })),
      }).then(fromEngineVariables),

    deployedTaskForm: (id: string) => engine.request('GET', `/task/${encodeURIComponent(id)}/deployed-form`, { schema: z.unknown() }),

    completeTask: (id: string, variables: Record<string, unknown>) =>
      engine.request('POST', `/task/${encodeURIComponent(id)}/complete`, { json: { variables: toEngineVariables(variables) }, schema: z.unknown() }),

    historicProcessInstance: (id: string) =>
      engine.request('GET', `/history/process-instance/${encodeURIComponent(id)}`, { schema: historicProcessInstance }),

    /** Every instance, running or ended, started with this business key (optionally of one process key), oldest first. */
    historicProcessInstancesByBusinessKey: (businessKey: string, processDefinitionKey?: string) =>
      engine.request(
        'GET',
        `/history/process-instance?processInstanceBusinessKey=${encodeURIComponent(businessKey)}${processDefinitionKey ? `&processDefinitionKey=${encodeURIComponent(processDefinitionKey)}` : ''}&sortBy=startTime&sortOrder=asc`,
        { schema: z.array(historicProcessInstance) },
      ),

    historicActivities: (processInstanceId: string) =>
      engine.request('GET', `/history/activity-instance?processInstanceId=${encodeURIComponent(processInstanceId)}&sortBy=occurrence&sortOrder=asc`, {
        schema: z.array(historicActivity),
      }),

    processDefinition: (id: string) =>
      engine.request('GET', `/process-definition/${encodeURIComponent(id)}`, { schema: z.object({ id: z.string(), deploymentId: z.string(), version: z.number() }) }),

    latestProcessDefinition: (key: string) =>
      engine.request('GET', `/process-definition/key/${encodeURIComponent(key)}`, { schema: z.object({ id: z.string(), deploymentId: z.string(), version: z.number() }) }),

    deploymentResources: (deploymentId: string) =>
      engine.request('GET', `/deployment/${encodeURIComponent(deploymentId)}/resources`, { schema: z.array(z.object({ id: z.string(), name: z.string() })) }),

    deploymentResourceJson: (deploymentId: string, resourceId: string) =>
      engine.request('GET', `/deployment/${encodeURIComponent(deploymentId)}/resources/${encodeURIComponent(resourceId)}/data`, { schema: z.unknown() }),

    /** Tasks of the tasklist, newest first (as the engine's own Tasklist lists them); at most `maxResults`. */
    tasklistTasks: (query: TasklistQuery, maxResults = 1000) =>
      engine.request('POST', `/task?firstResult=0&maxResults=${maxResults}`, {
        json: { ...query, sorting: [{ sortBy: 'created', sortOrder: 'desc' }] },
        schema: z.array(tasklistTask),
      }),

    claimTask: (id: string, userId: string) =>
      engine.request('POST', `/task/${encodeURIComponent(id)}/claim`, { json: { userId }, schema: z.unknown() }),

    unclaimTask: (id: string) => engine.request('POST', `/task/${encodeURIComponent(id)}/unclaim`, { schema: z.unknown() }),

    /** Sets a task's due and follow-up dates (null clears one), keeping every other field `PUT /task/{id}` writes. */
    async setTaskDates(id: string, dates: { due?: Date | null; followUp?: Date | null }) {
      const current = await engine.request('GET', `/task/${encodeURIComponent(id)}`, { schema: taskUpdate });
      const date = (value: Date | null | undefined, kept: string | null) => (value === undefined ? kept : value && toEngineDate(value));
      await engine.request('PUT', `/task/${encodeURIComponent(id)}`, {
        json: { ...current, due: date(dates.due, current.due), followUp: date(dates.followUp, current.followUp) },
        schema: z.unknown(),
      });
    },

    taskComments: (id: string) => engine.request('GET', `/task/${encodeURIComponent(id)}/comment`, { schema: z.array(taskComment) }),

    createTaskComment: (id: string, message: string) =>
      engine.request('POST', `/task/${encodeURIComponent(id)}/comment/create`, { json: { message }, schema: taskComment }),

    processDefinitionXml: (id: string) =>
      engine.request('GET', `/process-definition/${encodeURIComponent(id)}/xml`, { schema: z.object({ id: z.string(), bpmn20Xml: z.string() }) }),

    /** Every activity instance of a process instance, finished or not, in the order they started, with its assignee. */
    historicActivitySteps: (processInstanceId: string) =>
      engine.request('GET', `/history/activity-instance?processInstanceId=${encodeURIComponent(processInstanceId)}&sortBy=occurrence&sortOrder=asc`, {
        schema: z.array(historicActivityStep),
      }),

    incidents: (processInstanceId: string) =>
      engine.request('GET', `/incident?processInstanceId=${encodeURIComponent(processInstanceId)}`, { schema: z.array(incident) }),

    /** Active user tasks due in a window (either end open), earliest due first. */
    tasksDue: (window: { dueAfter?: Date; dueBefore?: Date }, maxResults: number) =>
      engine.request('POST', `/task?firstResult=0&maxResults=${maxResults}`, { json: { active: true, ...dueWindow(window), sorting: [{ sortBy: 'dueDate', sortOrder: 'asc' }] }, schema: z.array(task) }),

    tasksDueCount: (window: { dueAfter?: Date; dueBefore?: Date }) =>
      engine.request('POST', '/task/count', { json: { active: true, ...dueWindow(window) }, schema: z.object({ count: z.number() }) }).then((answer) => answer.count),

    /** Open incidents of every process, oldest first. */
    openIncidents: (maxResults: number) =>
      engine.request('GET', `/incident?sortBy=incidentTimestamp&sortOrder=asc&firstResult=0&maxResults=${maxResults}`, { schema: z.array(openIncident) }),

    openIncidentCount: () => engine.request('GET', '/incident/count', { schema: z.object({ count: z.number() }) }).then((answer) => answer.count),

    /** One open incident, or undefined once it is resolved. */
    openIncident: (id: string) =>
      engine.request('GET', `/incident?incidentId=${encodeURIComponent(id)}`, { schema: z.array(openIncident) }).then((found) => found[0]),

    externalTask: (id: string) => engine.request('GET', `/external-task/${encodeURIComponent(id)}`, { schema: externalTask }),

    /** Sets a failed external task's retries; above zero it resolves the incident and workers may fetch it again. */
    setExternalTaskRetries: (id: string, retries: number) =>
      engine.request('PUT', `/external-task/${encodeURIComponent(id)}/retries`, { json: { retries }, schema: z.unknown() }),

    /** The details a worker reported with its last failure (our adapter sends the stack); null if none. */
    externalTaskErrorDetails: (id: string) =>
      engine.request('GET', `/external-task/${encodeURIComponent(id)}/errorDetails`, { accept: TEXT, schema: z.unknown() }).then(asText),

    job: (id: string) => engine.request('GET', `/job/${encodeURIComponent(id)}`, { schema: job }),

    /** The stack trace of a failed job's last exception; null if none. */
    jobStacktrace: (id: string) => engine.request('GET', `/job/${encodeURIComponent(id)}/stacktrace`, { accept: TEXT, schema: z.unknown() }).then(asText),

    /** Sets a failed job's retries; above zero it resolves the incident and the job executor runs it again. */
    setJobRetries: (id: string, retries: number) =>
      engine.request('PUT', `/job/${encodeURIComponent(id)}/retries`, { json: { retries }, schema: z.unknown() }),

    processDefinitionName: (id: string) =>
      engine.request('GET', `/process-definition/${encodeURIComponent(id)}`, { schema: z.object({ key: z.string(), name: z.string().nullable() }) }),
  };
}

// Text endpoints answer errors as JSON, so both are acceptable.
const TEXT = 'text/plain, application/json';

function asText(value: unknown): string | null {
  return value === null || value === undefined || value === '' ? null : typeof value === 'string' ? value : JSON.stringify(value);
}

function dueWindow(window: { dueAfter?: Date; dueBefore?: Date }) {
  return { ...(window.dueAfter ? { dueAfter: toEngineDate(window.dueAfter) } : {}), ...(window.dueBefore ? { dueBefore: toEngineDate(window.dueBefore) } : {}) };
}

export type EngineApi = ReturnType<typeof engineApi>;
