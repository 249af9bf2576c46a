import type { ExternalTaskClient } from '../platform/engine/index.js';
import type { Logger } from '../platform/logger.js';

interface TaskLike {
  id?: string;
  topicName?: string;
  processInstanceId?: string;
}

/** Logs the client's events; the adapter and the handlers never print. */
export function logClientEvents(client: ExternalTaskClient, logger: Logger): void {
  const fields = (task: TaskLike | undefined) => ({ externalTaskId: task?.id, topic: task?.topicName, processInstanceId: task?.processInstanceId });
  client.on('complete:success', (task: TaskLike) => logger.info(fields(task), 'task completed'));
  client.on('handleBpmnError:success', (task: TaskLike) => logger.info(fields(task), 'business error raised'));
  client.on('handleFailure:success', (task: TaskLike) => logger.warn(fields(task), 'task failed; engine will retry or raise an incident'));
  client.on('unlock:success', (task: TaskLike) => logger.info(fields(task), 'task handed back (shutting down)'));
  for (const action of ['complete', 'handleBpmnError', 'handleFailure', 'unlock'] as const) {
    client.on(`${action}:error`, (task: TaskLike, error: Error) => logger.error({ ...fields(task), err: error }, `${action} failed`));
  }
  client.on('handler:error', (error: Error) => logger.error({ err: error }, 'handler error outside the adapter'));
  // The client's errors carry their request options (the authorization header): the logger's err serialiser drops
  // them (platform/log-redaction.ts), so the status and the cause can be logged whole.
  client.on('poll:error', (error: Error) => logger.warn({ err: error }, 'cannot reach the engine; backing off'));
}
