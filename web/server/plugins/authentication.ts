import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../../../platform/clock.js';
import type { Queryable } from '../../../platform/database.js';
import { AppError } from '../errors.js';
import type { Role } from '../identity/roles.js';
import { findSession, type Session } from '../identity/session-repository.js';

/** Who may call a route: anyone, anyone signed in, or the listed roles. Every /api route must say. */
export type Access = 'public' | 'signed-in' | readonly Role[];

/** An /api route and who may call it, as registered. */
export interface ApiRoute {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: Session | null;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access: what the authorization test walks. */
    apiRoutes: ApiRoute[];
  }
}

export const SESSION_COOKIE = 'iiot_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sessions from the cookie, role checks and CSRF checks, before validation so an anonymous caller learns nothing
 * about a route's body rules. Scope (own unit, own enterprise) is checked by each route against its records.
 */
export const authentication = fp(async (app: FastifyInstance, { db, clock }: { db: Queryable; clock: Clock }) => {
  await app.register(cookie);
  app.decorateRequest('session', null);

  app.decorate('apiRoutes', [] as ApiRoute[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (access === undefined) throw new Error(`Route ${String(route.method)} ${route.url} must declare config.access`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, access });
  });

  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    request.session = await sessionOf(request, db, clock);
    if (!request.session) throw new AppError('UNAUTHENTICATED');
    if (access !== 'signed-in' && !access.includes(request.session.account.role)) throw new AppError('FORBIDDEN');
    if (!SAFE_METHODS.has(request.method) && !sameToken(request.headers['x-csrf-token'], request.session.csrfToken)) {
      throw new AppError('CSRF_FAILED');
    }
  });
});

/** The signed-in session of a request that passed the authentication hook. */
export function sessionOf(request: FastifyRequest, db: Queryable, clock: Clock): Promise<Session | null> {
  const token = request.cookies[SESSION_COOKIE];
  return token ? findSession(db, token, clock.now()).then((session) => session ?? null) : Promise.resolve(null);
}

/** The account of a request on a route that is not public; throws if the hook did not run. */
export function accountOf(request: FastifyRequest) {
  if (!request.session) throw new AppError('UNAUTHENTICATED');
  return request.session.account;
}

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
