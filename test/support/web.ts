import type { FastifyInstance } from 'fastify';
import { createPool, type Pool } from '../../platform/database.js';
import { engineApi } from '../../platform/engine-api.js';
import { createEngineClient } from '../../platform/engine-client.js';
import type { EngineClientConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { buildApp } from '../../web/server/app.js';
import { testDatabaseUrl } from './database.js';
import { testEngineConfig } from './engine.js';

/** The web application wired to the test engine and database, for app.inject(). */
export async function testApp(engine: EngineClientConfig = testEngineConfig()): Promise<{ app: FastifyInstance; db: Pool; close(): Promise<void> }> {
  const db = createPool(testDatabaseUrl());
  const app = await buildApp({ engine: engineApi(createEngineClient(engine)), db, logger: createLogger('test-web', 'silent') });
  return {
    app,
    db,
    async close() {
      await app.close();
      await db.end();
    },
  };
}
