import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isDatabaseReachable, type Queryable } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import { liveness, readiness } from '../schemas/health.js';

/** Liveness (`/health`: the process answers) and readiness (`/ready`: the engine and the database answer too). */
export const healthRoutes: FastifyPluginAsyncZod<{ engine: EngineApi; db: Queryable }> = async (app, { engine, db }) => {
  app.get('/health', {
    schema: { tags: ['health'], summary: 'Liveness', response: { 200: liveness } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/ready', {
    schema: { tags: ['health'], summary: 'Readiness of the engine and the database', response: { 200: readiness, 503: readiness } },
  }, async (_request, reply) => {
    const [engineState, databaseOk] = await Promise.all([
      engine.version().then(
        ({ version }) => ({ ok: true, version }),
        (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      ),
      isDatabaseReachable(db),
    ]);
    const ready = engineState.ok && databaseOk;
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not-ready', engine: engineState, database: { ok: databaseOk } });
  });
};
