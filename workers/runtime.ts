import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { EngineClientConfig, WorkerConfig } from '../platform/config.js';
import { createEngineApiFromConfig, createExternalTaskClient } from '../platform/engine/index.js';
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
  const client = createExternalTaskClient(engine, {
    workerId,
    maxTasks: config.WORKER_MAX_TASKS,
    lockDurationMs: config.WORKER_LOCK_MS,
    longPollMs: config.WORKER_LONG_POLL_MS,
    pollIntervalMs: POLL_INTERVAL_MS,
    maxPollBackoffMs: MAX_POLL_BACKOFF_MS,
  });
  const logger = deps.logger.child({ workerId });
  logClientEvents(client, logger);
  const inFlight = inFlightTracker();
  for (const worker of workers) subscribeWorker(client, worker, { ...deps, logger }, config, inFlight);
  client.start();
  logger.info({ topics: workers.map((w) => w.topic) }, 'workers started');

  return {
    workerId,
    async stop() {
      inFlight.stopping = true;
      client.stop();
      await inFlight.idle();
      // A long poll still open at shutdown may have locked tasks this process will never run: hand them back.
      await createEngineApiFromConfig(engine)
        .unlockExternalTasksLockedBy(workerId)
        .catch((error: unknown) => logger.warn({ err: error }, 'could not unlock remaining tasks'));
      logger.info('workers stopped');
    },
  };
}
