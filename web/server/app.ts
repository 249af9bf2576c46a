import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock.js';
import type { Pool } from '../../platform/database.js';
import type { EngineApi } from '../../platform/engine-api.js';
import type { Logger } from '../../platform/logger.js';
import { authentication } from './plugins/authentication.js';
import { browserBundle } from './plugins/browser-bundle.js';
import { errorHandler } from './plugins/error-handler.js';
import { openApi } from './plugins/openapi.js';
import { healthRoutes } from './routes/health.js';
import { sessionRoutes } from './routes/session.js';
import { skeletonRoutes } from './routes/skeleton.js';

export interface AppDeps {
  engine: EngineApi;
  db: Pool;
  logger: Logger;
  clock: Clock;
  security: { cookieSecure: boolean; sessionHours: number; signInAttemptsPerMinute: number };
  /** The built browser bundle; omitted in API tests. */
  browserDir?: string;
}

/** Builds the web application (no listening): external plugins, then app plugins, then routes. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: deps.logger, bodyLimit: 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(openApi);
  await app.register(errorHandler);
  await app.register(authentication, { db: deps.db, clock: deps.clock });

  await app.register(healthRoutes, { engine: deps.engine, db: deps.db });
  await app.register(sessionRoutes, { db: deps.db, clock: deps.clock, ...deps.security });
  await app.register(skeletonRoutes, { engine: deps.engine, db: deps.db });
  if (deps.browserDir) await app.register(browserBundle, { dir: deps.browserDir });

  return app as unknown as FastifyInstance;
}
