import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import './provided-context.js';
import { systemClock } from '../platform/clock.js';
import { createPool } from '../platform/database.js';
import { createEngineClient } from '../platform/engine/client.js';
import { startLocalStack } from '../dev-stack/local-stack.js';
import { createLogger } from '../platform/logger.js';
import { migrate } from '../platform/migrate.js';
import { createEngineApi } from '../platform/engine/index.js';
import { findFreePort } from '../platform/ports.js';
import { MIGRATIONS_DIR } from '../web/server/server.js';
import { seedShippedModels } from '../web/server/studio/seed-shipped-models.js';
import { allWorkers } from '../workers/index.js';
import { createWorkerDeps } from '../workers/deps.js';
import { startWorkerRuntime } from '../workers/runtime.js';
import { projectRoot } from '../platform/config.js';

/** Boots the real PostgreSQL and the real engine once, migrates, deploys the shipped models and runs the workers. */
export default async function setup(project: TestProject) {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'iiot-test-'));
  // As root PostgreSQL runs as the "postgres" user: a folder it can reach keeps the run's database inside tempDir
  // (removed with it) instead of under /var/lib/hebei-iiot (see dev-stack/embedded-postgres-as-root.ts).
  await chmod(tempDir, 0o755);
  const engineUser = 'iiottest';
  const enginePassword = randomBytes(12).toString('hex');
  const engineAdminPassword = randomBytes(12).toString('hex');
  const started = Date.now();
  // The browser tests serve the real bundle, built for this run alone: a second run on the same checkout (another
  // terminal) must not empty the folder this run's pages load from. Test files read it as BROWSER_DIR.
  const { build } = await import('vite');
  process.env.WEB_CLIENT_DIST = path.join(tempDir, 'browser');
  await build({ configFile: path.join(projectRoot, 'web', 'client', 'vite.config.ts'), logLevel: 'error', build: { outDir: process.env.WEB_CLIENT_DIST } });
  const stack = await startLocalStack({
    embeddedPostgres: { dataDir: path.join(tempDir, 'postgres'), port: await findFreePort(), password: randomBytes(12).toString('hex') },
    engine: { port: await findFreePort(), restUser: engineUser, restPassword: enginePassword, adminUser: 'testadmin', adminPassword: engineAdminPassword, javaOptions: '-Xmx1g' },
    logDir: path.join(tempDir, 'logs'),
    log: (line) => process.stderr.write(`[global-setup] ${line}\n`),
  });
  process.stderr.write(`[global-setup] database and engine ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const engineConfig = { ENGINE_URL: stack.engineUrl, ENGINE_REST_USER: engineUser, ENGINE_REST_PASSWORD: enginePassword };
  const db = createPool(stack.databaseUrl);
  try {
    await migrate(db, MIGRATIONS_DIR);
    // As the web server does at start: the shipped models become versions and releases.
    await seedShippedModels({ db, engine: createEngineApi(createEngineClient(engineConfig)) }, { processesDir: path.join(projectRoot, 'processes'), formsDir: path.join(projectRoot, 'forms') });
  } catch (error) {
    // A refused model or migration stops the run: vitest calls no teardown then, so the engine and PostgreSQL are
    // stopped here rather than left running.
    await db.end();
    await stack.stop();
    throw error;
  }
  const workers = startWorkerRuntime({
    engine: engineConfig,
    config: { WORKER_MAX_TASKS: 10, WORKER_LOCK_MS: 30_000, WORKER_LONG_POLL_MS: 10_000, WORKER_RETRIES: 3, WORKER_RETRY_BASE_MS: 200, WORKER_ID_PREFIX: 'test-pool' },
    workers: allWorkers,
    deps: createWorkerDeps({ db, engine: engineConfig, attachmentDir: path.join(tempDir, 'attachments'), logger: createLogger('test-workers', 'warn'), clock: systemClock }),
  });

  project.provide('databaseUrl', stack.databaseUrl);
  project.provide('engineUrl', stack.engineUrl);
  project.provide('engineUser', engineUser);
  project.provide('enginePassword', enginePassword);
  project.provide('engineAdmin', { user: 'testadmin', password: engineAdminPassword });
  project.provide('tempDir', tempDir);

  return async () => {
    await workers.stop();
    await db.end();
    await stack.stop();
    await rm(tempDir, { recursive: true, force: true });
  };
}
