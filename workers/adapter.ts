import { z } from 'zod';
import type { WorkerConfig } from '../platform/config.js';
import type { ExternalTaskClient, LockedExternalTask, LockedTaskActions } from '../platform/engine/index.js';
import { BusinessError, type Worker, type WorkerDeps } from './worker.js';

/** Counts handlers in flight, so shutdown can wait for them; once stopping, new tasks are handed back. */
export interface InFlight {
  stopping: boolean;
  count: number;
  idle(): Promise<void>;
  begin(): void;
  end(): void;
}

/** Creates the in-flight tracker shared by all subscriptions of one client. */
export function inFlightTracker(): InFlight {
  const waiters: (() => void)[] = [];
  const tracker: InFlight = {
    stopping: false,
    count: 0,
    begin: () => void tracker.count++,
    end: () => {
      tracker.count--;
      if (tracker.count === 0) waiters.splice(0).forEach((wake) => wake());
    },
    idle: () => (tracker.count === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
  return tracker;
}

type RetryPolicy = Pick<WorkerConfig, 'WORKER_RETRIES' | 'WORKER_RETRY_BASE_MS' | 'WORKER_LOCK_MS'>;

/**
 * Subscribes one worker. All Camunda plumbing lives here: parse variables with zod, complete with the parsed output,
 * raise a BPMN error for a BusinessError, and report any other failure with decreasing retries and growing back-off,
 * so that exhausted retries become an incident. Invalid input cannot heal by retrying: it becomes an incident at once.
 */
export function subscribeWorker(client: ExternalTaskClient, worker: Worker, deps: WorkerDeps, policy: RetryPolicy, inFlight: InFlight): void {
  client.subscribe(worker.topic, { lockDurationMs: policy.WORKER_LOCK_MS }, async (task, actions) => {
    if (inFlight.stopping) {
      await actions.unlock();
      return;
    }
    inFlight.begin();
    try {
      await runTask(worker, deps, policy, task, actions);
    } finally {
      inFlight.end();
    }
  });
}

async function runTask(worker: Worker, deps: WorkerDeps, policy: RetryPolicy, task: LockedExternalTask, actions: LockedTaskActions) {
  const log = deps.logger.child({ topic: worker.topic, externalTaskId: task.id, processInstanceId: task.processInstanceId });
  const input = worker.input.safeParse(task.variables);
  if (!input.success) {
    await reportFailure(actions, `Invalid input variables: ${describeIssues(input.error)}`, undefined, 0, 0);
    return;
  }
  let output: unknown;
  try {
    const context = { externalTaskId: task.id, processInstanceId: task.processInstanceId, processDefinitionId: task.processDefinitionId, businessKey: task.businessKey, activityId: task.activityId };
    output = worker.output.parse(await worker.handle(input.data, { ...deps, logger: log }, context));
  } catch (error) {
    if (error instanceof BusinessError) {
      await actions.handleBpmnError(error.code, error.message, error.variables);
      return;
    }
    const retries = task.retries === null ? policy.WORKER_RETRIES - 1 : Math.max(task.retries - 1, 0);
    const attempt = policy.WORKER_RETRIES - retries; // 1 on the first failure
    const backoff = policy.WORKER_RETRY_BASE_MS * 2 ** (attempt - 1);
    const message = error instanceof z.ZodError ? `Invalid handler output: ${describeIssues(error)}` : errorMessage(error);
    await reportFailure(actions, message, error instanceof Error ? error.stack : undefined, retries, backoff);
    return;
  }
  await actions.complete(output as Record<string, unknown>);
}

// helpers

function reportFailure(actions: LockedTaskActions, message: string, details: string | undefined, retries: number, retryTimeout: number) {
  // The engine stores at most 4000 characters of a message; keep it readable in Cockpit.
  return actions.handleFailure({ errorMessage: message.slice(0, 500), errorDetails: details ?? message, retries, retryTimeout });
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
