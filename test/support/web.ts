import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { folderAttachmentStore } from '../../platform/attachment-store.js';
import { systemClock, type Clock } from '../../platform/clock.js';
import type { EngineClientConfig } from '../../platform/config.js';
import { createPool, type Pool } from '../../platform/database.js';
import { createEngineApi } from '../../platform/engine/index.js';
import { createEngineClient } from '../../platform/engine/client.js';
import { createLogger } from '../../platform/logger.js';
import { hashPassword } from '../../platform/password.js';
import { buildApp } from '../../web/server/app.js';
import { insertAccountIfMissing } from '../../web/server/identity/account-repository.js';
import type { Role } from '../../web/server/identity/roles.js';
import { testDatabaseUrl } from './database.js';
import { testEngineConfig } from './engine.js';

export interface TestAppOptions {
  engine?: EngineClientConfig;
  clock?: Clock;
  signInAttemptsPerMinute?: number;
  accountRequestsPerMinute?: number;
  /** The address mailed links point at (default http://127.0.0.1:3000). */
  publicUrl?: string;
  attachmentMaxBytes?: number;
  /** Serve the built browser bundle too (browser tests). */
  browserDir?: string;
}

/** The web application wired to the test engine and database, for app.inject(). */
export async function testApp(options: TestAppOptions = {}): Promise<{ app: FastifyInstance; db: Pool; close(): Promise<void> }> {
  const db = createPool(testDatabaseUrl());
  const app = await buildApp({
    engine: createEngineApi(createEngineClient(options.engine ?? testEngineConfig())),
    db,
    logger: createLogger('test-web', 'silent'),
    clock: options.clock ?? systemClock,
    security: { cookieSecure: true, sessionHours: 8, signInAttemptsPerMinute: options.signInAttemptsPerMinute ?? 1000,
      accountRequestsPerMinute: options.accountRequestsPerMinute ?? 1000, publicUrl: options.publicUrl ?? 'http://127.0.0.1:3000' },
    attachments: { store: folderAttachmentStore(path.join(inject('tempDir'), 'attachments')), maxBytes: options.attachmentMaxBytes ?? 2 * 1024 * 1024 },
    ...(options.browserDir ? { browserDir: options.browserDir } : {}),
  });
  return {
    app,
    db,
    async close() {
      await app.close();
      await db.end();
    },
  };
}

/** Creates an account with a unique user name and a random password. */
export async function createTestAccount(db: Pool, role: Role, scope: { unitId?: string; enterpriseUscc?: string; email?: string; unitAdmin?: boolean; homeUnitId?: string } = {}) {
  const username = `${role.replace(/[^a-z]/g, '')}.${randomBytes(4).toString('hex')}`;
  const password = randomBytes(9).toString('base64url');
  await insertAccountIfMissing(db, { username, displayName: `测试 ${role}`, passwordHash: await hashPassword(password), role, ...scope });
  return { username, password };
}

/** Signs in over HTTP; returns the headers a browser would send afterwards (cookie and CSRF token). */
export async function signIn(app: FastifyInstance, credentials: { username: string; password: string }) {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: credentials });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'iiot_session');
  const { csrfToken } = response.json() as { csrfToken: string };
  return { cookie: `iiot_session=${cookie!.value}`, 'x-csrf-token': csrfToken };
}
