import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { BasicAuthInterceptor, Client } from 'camunda-external-task-client-js';
import { z } from 'zod';
import type { EngineClientConfig, WorkerConfig } from '../platform/config.js';
import { createEngineClient } from '../platform/engine-client.js';
import { inFlightTracker, subscribeWorker } from './adapter.js';
import { logClientEvents } from './log-events.js';
import type { Worker, WorkerDeps } from './worker.js';

const POLL_INTERVAL_MS = 300;
const MAX_POLL_BACKOFF_MS = 30_000;

export interface WorkerRuntime {
  readonly workerId: string;
  /** Stops fetching, waits for running handlers, and unlocks every task still locked by this worker id. */
  stop(): Promise<void>;
}

/** Starts one client (one unique worker id) that serves every given worker with long polling. */
export function startWorkerRuntime(options: {
  engine: EngineClientConfig;
  config: Omit<WorkerConfig, 'ATTACHMENT_DIR'>;
  workers: Worker[];
  deps: WorkerDeps;
}): WorkerRuntime {
  const { engine, config, workers, deps } = options;
  const workerId = `${config.WORKER_ID_PREFIX}-${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const client = new Client({
    baseUrl: engine.ENGINE_URL,
    workerId,
    maxTasks: config.WORKER_MAX_TASKS,
    maxParallelExecutions: config.WORKER_MAX_TASKS,
    asyncResponseTimeout: config.WORKER_LONG_POLL_MS,
    lockDuration: config.WORKER_LOCK_MS,
    interval: POLL_INTERVAL_MS,
    autoPoll: false,
    interceptors: new BasicAuthInterceptor({ username: engine.ENGINE_REST_USER, password: engine.ENGINE_REST_PASSWORD }) as never,
  });
  const logger = deps.logger.child({ workerId });
  logClientEvents(client, logger);
  // The client re-polls at a fixed interval even when the engine is down; back off instead, and reset on success.
  client.on('poll:error', () => {
    client.options.interval = Math.min(client.options.interval * 2, MAX_POLL_BACKOFF_MS);
  });
  client.on('poll:success', () => {
    client.options.interval = POLL_INTERVAL_MS;
  });
  const inFlight = inFlightTracker();
  for (const worker of workers) subscribeWorker(client, worker, { ...deps, logger }, config, inFlight);
  client.start();
  logger.info({ topics: workers.map((w) => w.topic) }, 'workers started');

  return {
    workerId,
    async stop() {
      inFlight.stopping = true;
      client.stop();
      // The long poll still open fails when the engine goes away first: that is expected now, not worth a warning.
      client.removeAllListeners('poll:error');
      await inFlight.idle();
      await unlockRemaining(engine, workerId).catch((error: unknown) => logger.warn({ err: error }, 'could not unlock remaining tasks'));
      logger.info('workers stopped');
    },
  };
}

// A long poll still open at shutdown may have locked tasks this process will never run: hand them back.
async function unlockRemaining(engine: EngineClientConfig, workerId: string): Promise<void> {
  const rest = createEngineClient(engine);
  const locked = await rest.request('GET', `/external-task?workerId=${encodeURIComponent(workerId)}&locked=true`, {
    schema: z.array(z.object({ id: z.string() })),
    timeoutMs: 5_000,
  });
  for (const task of locked) {
    await rest.request('POST', `/external-task/${task.id}/unlock`, { schema: z.unknown(), timeoutMs: 5_000 });
  }
}
