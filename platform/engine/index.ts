import type { EngineClientConfig } from '../config.js';
import { createEngineClient, type EngineClient } from './client.js';
import { createDeploymentsApi, type DeploymentsApi } from './deployments.js';
import { createExternalTasksApi, type ExternalTasksApi } from './external-tasks.js';
import { createHistoryApi, type HistoryApi } from './history.js';
import { createIncidentsApi, type IncidentsApi } from './incidents.js';
import { createJobsApi, type JobsApi } from './jobs.js';
import { createProcessDefinitionsApi, type ProcessDefinitionsApi } from './process-definitions.js';
import { createProcessInstancesApi, type ProcessInstancesApi } from './process-instances.js';
import { createTasksApi, type TasksApi } from './tasks.js';
import { createVersionApi, type VersionApi } from './version.js';

// The engine adapter: the only code that talks to the engine. One file per REST resource, each exporting typed
// methods whose answers zod has parsed; the generic request of client.ts stays inside this folder. A caller may
// depend on one resource type (TasksApi, …) instead of the whole EngineApi.

export { EngineError, EngineUnavailableError } from './client.js';
export type { DeployedDefinition, DeploymentFiles, DeploymentOptions, DeploymentsApi } from './deployments.js';
export type {
  ExternalTaskClient,
  ExternalTaskClientEvents,
  ExternalTaskClientOptions,
  ExternalTaskEventTask,
  ExternalTaskFailure,
  ExternalTaskHandler,
  ExternalTasksApi,
  LockedExternalTask,
  LockedTaskActions,
} from './external-tasks.js';
export { createExternalTaskClient } from './external-tasks.js';
export type { HistoricActivity, HistoricActivityStep, HistoryApi } from './history.js';
export type { EngineIncident, IncidentsApi } from './incidents.js';
export type { JobsApi } from './jobs.js';
export type { ProcessDefinitionsApi } from './process-definitions.js';
export type { ProcessInstancesApi } from './process-instances.js';
export type { DueWindow, EngineTask, TaskComment, TasklistQuery, TasklistTask, TasksApi } from './tasks.js';
export type { VersionApi } from './version.js';
export { fromEngineDate, fromEngineVariables, toEngineDate, toEngineVariables, type EngineVariable } from './wire-format.js';

/** Every resource of the engine in one object: the operations web, workers and deployment use. */
export type EngineApi = VersionApi &
  DeploymentsApi &
  ProcessDefinitionsApi &
  ProcessInstancesApi &
  TasksApi &
  HistoryApi &
  IncidentsApi &
  JobsApi &
  ExternalTasksApi;

/** Composes the resources over one engine client. */
export function createEngineApi(engine: EngineClient): EngineApi {
  return {
    ...createVersionApi(engine),
    ...createDeploymentsApi(engine),
    ...createProcessDefinitionsApi(engine),
    ...createProcessInstancesApi(engine),
    ...createTasksApi(engine),
    ...createHistoryApi(engine),
    ...createIncidentsApi(engine),
    ...createJobsApi(engine),
    ...createExternalTasksApi(engine),
  };
}

/** The engine API for the engine at config.ENGINE_URL, with the service account: what a process builds at start. */
export function createEngineApiFromConfig(config: EngineClientConfig): EngineApi {
  return createEngineApi(createEngineClient(config));
}
