import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI document at /docs/json and its browser at /docs, generated from the routes' zod schemas. */
export const openApi = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: { info: { title: '河北省工业互联网重点项目 — Web API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
});
