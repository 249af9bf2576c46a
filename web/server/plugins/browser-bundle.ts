import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The browser application's own paths: a reload or a shared link there gets the application, which then routes. */
const PAGES = ['/login', '/register', '/register/*', '/password-reset', '/password-reset/*', '/portal', '/tasks', '/tasks/*', '/dashboard', '/indicators', '/working-days', '/audit', '/library', '/experts', '/review-sessions', '/review-sessions/*', '/unit/*', '/applications/*', '/account/*', '/studio', '/studio/*', '/calls', '/calls/*', '/admin/*', '/messages', '/messages/*', '/projects/*', '/province/*'];

/** Serves the built browser bundle (Vite's output) when it exists. */
export const browserBundle = fp(async (app: FastifyInstance, { dir }: { dir: string }) => {
  if (!existsSync(dir)) {
    app.log.warn({ dir }, 'no browser bundle: run `npm run build:web`');
    return;
  }
  await app.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, index: ['index.html'] });
  for (const page of PAGES) app.get(page, { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
});
