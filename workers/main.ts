// Entry point of a worker process (docker-compose runs it, scaled to several replicas).
import { systemClock } from '../platform/clock.js';
import { loadDatabaseConfig, loadEngineClientConfig, loadWorkerConfig } from '../platform/config.js';
import { createPool } from '../platform/database.js';
import { runMain } from '../platform/run-main.js';
import { createWorkerDeps } from './deps.js';
import { allWorkers } from './index.js';
import { startWorkerRuntime } from './runtime.js';

runMain('workers', async (logger) => {
  const engine = loadEngineClientConfig();
  const config = loadWorkerConfig();
  const database = loadDatabaseConfig();
  const db = createPool(database.DATABASE_URL, database.DATABASE_POOL_SIZE);
  const deps = createWorkerDeps({ db, engine, attachmentDir: config.ATTACHMENT_DIR, logger, clock: systemClock });
  const runtime = startWorkerRuntime({ engine, config, workers: allWorkers, deps });
  return async () => {
    await runtime.stop();
    await db.end();
  };
});
