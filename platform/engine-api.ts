import { z } from 'zod';
import type { EngineClient } from './engine-client.js';

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

export type EngineTask = z.infer<typeof task>;
export type HistoricActivity = z.infer<typeof historicActivity>;

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

    incidents: (processInstanceId: string) =>
      engine.request('GET', `/incident?processInstanceId=${encodeURIComponent(processInstanceId)}`, { schema: z.array(incident) }),
  };
}

export type EngineApi = ReturnType<typeof engineApi>;
