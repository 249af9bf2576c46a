import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { folderAttachmentStore } from '../../platform/attachment-store.js';
import { systemClock } from '../../platform/clock.js';
import { call2021 } from '../../domain/call.js';
import { insertCallIfMissing } from '../../store/call-repository.js';
import { loadDatabaseConfig, loadEngineClientConfig, loadWebConfig, projectRoot } from '../../platform/config.js';
import { createPool } from '../../platform/database.js';
import { createEngineApiFromConfig, type EngineApi } from '../../platform/engine/index.js';
import type { Logger } from '../../platform/logger.js';
import { migrate } from '../../platform/migrate.js';
import { assertPortFree } from '../../platform/ports.js';
import { buildApp } from './app.js';
import { startEngineCommandRelay } from './engine-commands/relay.js';
import { queueMissingProjectStarts } from './projects/project-start.js';
import { seedShippedModels } from './studio/seed-shipped-models.js';

/** The folder Vite builds the browser bundle into (a test run builds its own, named by WEB_CLIENT_DIST). */
export const BROWSER_DIR = process.env.WEB_CLIENT_DIST ?? path.join(projectRoot, 'web', 'client', 'dist');
export const MIGRATIONS_DIR = path.join(projectRoot, 'migrations');

export interface RunningWebServer {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

/** Migrates the database, deploys the models, and listens. Every failure stops start-up with its reason. */
export async function startWebServer(logger: Logger, env: NodeJS.ProcessEnv = process.env): Promise<RunningWebServer> {
  const web = loadWebConfig(env);
  const database = loadDatabaseConfig(env);
  const engineConfig = loadEngineClientConfig(env);
  await assertPortFree(web.WEB_PORT, 'WEB_PORT', web.WEB_HOST);

  const db = createPool(database.DATABASE_URL, database.DATABASE_POOL_SIZE);
  try {
    const applied = await migrate(db, MIGRATIONS_DIR);
    logger.info({ applied }, applied.length ? 'migrations applied' : 'database schema up to date');
    await insertCallIfMissing(db, call2021); // the 2021 call is history every installation keeps
    const engine = createEngineApiFromConfig(engineConfig);
    await waitForEngine(engine, web.ENGINE_WAIT_SECONDS * 1000, logger);
    if (web.DEPLOY_MODELS) {
      // The shipped files become versions; a process is deployed unless the studio has deployed it (studio/seed-shipped-models.ts).
      for (const outcome of await seedShippedModels({ db, engine, logger }, { processesDir: web.PROCESSES_DIR, formsDir: web.FORMS_DIR })) {
        logger.info({ processKey: outcome.processKey, releaseId: outcome.release?.id, processDefinitionId: outcome.release?.processDefinitionId }, outcome.release ? 'model deployed' : `model not redeployed (${outcome.kept})`);
      }
    }
    // Projects created before the project process existed get their instance (the relay delivers the starts).
    const backfilled = await queueMissingProjectStarts({ db, engine });
    if (backfilled) logger.info({ projects: backfilled }, 'project processes queued to start');
    const app = await buildApp({
      engine,
      db,
      logger,
      clock: systemClock,
      security: {
        cookieSecure: web.COOKIE_SECURE, sessionHours: web.SESSION_HOURS, signInAttemptsPerMinute: web.SIGN_IN_ATTEMPTS_PER_MINUTE,
        accountRequestsPerMinute: web.ACCOUNT_REQUESTS_PER_MINUTE, publicUrl: (web.PUBLIC_URL ?? `http://${web.WEB_HOST}:${web.WEB_PORT}`).replace(/\/+$/, ''),
      },
      attachments: { store: folderAttachmentStore(web.ATTACHMENT_DIR), maxBytes: web.ATTACHMENT_MAX_MB * 1024 * 1024 },
      browserDir: BROWSER_DIR,
    });
    await app.listen({ host: web.WEB_HOST, port: web.WEB_PORT });
    // Delivers the engine calls no request delivered (a crash, an engine that was down): now, then periodically.
    const relay = startEngineCommandRelay({ db, engine, logger });
    return {
      app,
      url: `http://${web.WEB_HOST}:${web.WEB_PORT}`,
      async stop() {
        await relay.stop();
        await app.close();
        await db.end();
      },
    };
  } catch (error) {
    await db.end();
    throw error;
  }
}

// In a deployment the web server may start before the engine answers: wait, with back-off, then give up clearly.
async function waitForEngine(engine: EngineApi, timeoutMs: number, logger: Logger): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 500; ; delay = Math.min(delay * 2, 10_000)) {
    try {
      await engine.version();
      return;
    } catch (error) {
      if (Date.now() + delay > deadline) throw new Error(`The engine did not answer within ${timeoutMs / 1000} s: ${(error as Error).message}`);
      logger.info({ retryInMs: delay }, 'waiting for the engine');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
