import { BasicAuthInterceptor, Client, Variables, type ExternalTask, type TaskService } from 'camunda-external-task-client-js';
import { z } from 'zod';
import type { EngineClientConfig } from '../config.js';
import type { EngineClient } from './client.js';
import { asText, TEXT_ANSWER } from './wire-format.js';

// External tasks, both ways the engine offers them: REST (read a failed one, set its retries, hand back the locks a
// stopped worker still holds) and fetch-and-lock with long polling through camunda-external-task-client-js, wrapped
// so that workers see plain values and typed calls, never the library.

const externalTask = z.object({ id: z.string(), topicName: z.string().nullable(), workerId: z.string().nullable(), errorMessage: z.string().nullable(), retries: z.number().nullable(), processInstanceId: z.string().nullable() });

/** External tasks over REST: read one and its failure details, set its retries, unlock a worker's tasks. */
export function createExternalTasksApi(engine: EngineClient) {
  const path = (id: string, rest = '') => `/external-task/${encodeURIComponent(id)}${rest}`;
  return {
    externalTask: (id: string) => engine.request('GET', path(id), { schema: externalTask }),

    /** Sets a failed external task's retries; above zero it resolves the incident and workers may fetch it again. */
    setExternalTaskRetries: (id: string, retries: number) => engine.request('PUT', path(id, '/retries'), { json: { retries }, schema: z.unknown() }),

    /** The details a worker reported with its last failure (our adapter sends the stack); null if none. */
    externalTaskErrorDetails: (id: string) => engine.request('GET', path(id, '/errorDetails'), { accept: TEXT_ANSWER, schema: z.unknown() }).then(asText),

    /**
     * Hands back every task still locked by this worker id (the client library has no unlock of its own); answers how
     * many. Short timeouts: it runs at shutdown.
     */
    async unlockExternalTasksLockedBy(workerId: string): Promise<number> {
      const locked = await engine.request('GET', `/external-task?workerId=${encodeURIComponent(workerId)}&locked=true`, {
        schema: z.array(z.object({ id: z.string() })),
        timeoutMs: 5_000,
      });
      for (const task of locked) await engine.request('POST', path(task.id, '/unlock'), { schema: z.unknown(), timeoutMs: 5_000 });
      return locked.length;
    },
  };
}

export type ExternalTasksApi = ReturnType<typeof createExternalTasksApi>;

/** A task this worker fetched and locked, with its variables as plain values (Json parsed). */
export interface LockedExternalTask {
  id: string;
  topicName: string;
  processInstanceId: string;
  processDefinitionId: string;
  businessKey: string | null;
  activityId: string;
  /** What the engine holds; null before the first reported failure. */
  retries: number | null;
  variables: Record<string, unknown>;
}

/** A failure to report: the engine retries after `retryTimeout` ms while `retries` is above zero, else raises an incident. */
export interface ExternalTaskFailure {
  errorMessage: string;
  errorDetails?: string;
  retries: number;
  retryTimeout: number;
}

/** What a handler may do with the task it holds; variables are plain values (objects and arrays become Json). */
export interface LockedTaskActions {
  complete(variables: Record<string, unknown>): Promise<void>;
  handleFailure(failure: ExternalTaskFailure): Promise<void>;
  handleBpmnError(errorCode: string, errorMessage: string, variables: Record<string, unknown>): Promise<void>;
  extendLock(durationMs: number): Promise<void>;
  unlock(): Promise<void>;
}

export type ExternalTaskHandler = (task: LockedExternalTask, actions: LockedTaskActions) => Promise<void>;

/** The task an event names. */
export interface ExternalTaskEventTask {
  id: string;
  topicName: string;
  processInstanceId: string;
}

type TaskAction = 'complete' | 'handleBpmnError' | 'handleFailure' | 'extendLock' | 'unlock';

/** The client's events (what to log): an action done or failed, a handler that threw, a poll that failed. */
export type ExternalTaskClientEvents = { [A in TaskAction as `${A}:success`]: [task: ExternalTaskEventTask] } & {
  [A in TaskAction as `${A}:error`]: [task: ExternalTaskEventTask, error: Error];
} & { 'handler:error': [error: Error]; 'poll:error': [error: Error] };

/** One fetch-and-lock client: one worker id, long polling, and the topics subscribed before `start`. */
export interface ExternalTaskClient {
  readonly workerId: string;
  subscribe(topic: string, options: { lockDurationMs: number }, handler: ExternalTaskHandler): void;
  on<E extends keyof ExternalTaskClientEvents>(event: E, listener: (...args: ExternalTaskClientEvents[E]) => void): void;
  start(): void;
  /** Stops fetching; the long poll still open may fail when the engine goes first, and that is not reported. */
  stop(): void;
}

export interface ExternalTaskClientOptions {
  /** Unique per process: the engine knows a worker's locks by it. */
  workerId: string;
  /** At most this many tasks are locked and run at once. */
  maxTasks: number;
  lockDurationMs: number;
  /** How long one fetch-and-lock waits for a task (long polling). */
  longPollMs: number;
  pollIntervalMs: number;
  /** While the engine cannot be reached the poll interval doubles up to this, and is reset by the next success. */
  maxPollBackoffMs: number;
}

/** Creates a fetch-and-lock client for the engine at config.ENGINE_URL, with the service account. */
export function createExternalTaskClient(config: EngineClientConfig, options: ExternalTaskClientOptions): ExternalTaskClient {
  const client = new Client({
    baseUrl: config.ENGINE_URL,
    workerId: options.workerId,
    maxTasks: options.maxTasks,
    maxParallelExecutions: options.maxTasks,
    asyncResponseTimeout: options.longPollMs,
    lockDuration: options.lockDurationMs,
    interval: options.pollIntervalMs,
    autoPoll: false,
    interceptors: new BasicAuthInterceptor({ username: config.ENGINE_REST_USER, password: config.ENGINE_REST_PASSWORD }) as never,
  });
  // The client re-polls at a fixed interval even when the engine is down; back off instead, and reset on success.
  client.on('poll:error', () => {
    client.options.interval = Math.min(client.options.interval * 2, options.maxPollBackoffMs);
  });
  client.on('poll:success', () => {
    client.options.interval = options.pollIntervalMs;
  });
  return {
    workerId: options.workerId,
    subscribe(topic, { lockDurationMs }, handler) {
      client.subscribe(topic, { lockDuration: lockDurationMs }, ({ task, taskService }) => handler(lockedTask(task), actionsOn(task, taskService)));
    },
    on(event, listener) {
      client.on(event, listener as (...args: unknown[]) => void);
    },
    start: () => client.start(),
    stop() {
      client.stop();
      client.removeAllListeners('poll:error');
    },
  };
}

/** Plain values as the client's Variables: it types objects and arrays as Json itself, but null needs its own type. */
export function toClientVariables(values: Record<string, unknown>): Variables {
  const variables = new Variables();
  for (const [name, value] of Object.entries(values)) {
    if (value === null) variables.setTyped(name, { type: 'Null', value: null });
    else variables.set(name, value);
  }
  return variables;
}

// helpers

function lockedTask(task: ExternalTask): LockedExternalTask {
  const { id, topicName, processInstanceId, processDefinitionId, businessKey, activityId, retries } = task;
  return { id, topicName, processInstanceId, processDefinitionId, businessKey, activityId, retries, variables: task.variables.getAll() };
}

// The library's own task goes with each call, so that its events name the task (topic, process instance).
function actionsOn(task: ExternalTask, service: TaskService): LockedTaskActions {
  return {
    complete: (variables) => service.complete(task, toClientVariables(variables)),
    handleFailure: (failure) => service.handleFailure(task, failure),
    handleBpmnError: (errorCode, errorMessage, variables) => service.handleBpmnError(task, errorCode, errorMessage, toClientVariables(variables)),
    extendLock: (durationMs) => service.extendLock(task, durationMs),
    unlock: () => service.unlock(task),
  };
}
