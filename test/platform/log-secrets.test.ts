import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { z } from 'zod';
import { folderAttachmentStore } from '../../platform/attachment-store.js';
import { systemClock } from '../../platform/clock.js';
import type { EngineClientConfig } from '../../platform/config.js';
import { createPool, type Pool } from '../../platform/database.js';
import { createEngineApi } from '../../platform/engine/index.js';
import { createEngineClient } from '../../platform/engine/client.js';
import { createLogger, type Logger } from '../../platform/logger.js';
import { deployBundle } from '../../platform/model-deployment.js';
import { findFreePort } from '../../platform/ports.js';
import { buildApp } from '../../web/server/app.js';
import { createWorkerDeps } from '../../workers/deps.js';
import { startWorkerRuntime, type WorkerRuntime } from '../../workers/runtime.js';
import { defineWorker } from '../../workers/worker.js';
import { externalTaskProcess } from '../fixtures/external-task-process.js';
import { testDatabaseUrl } from '../support/database.js';
import { engineProxy } from '../support/engine-proxy.js';
import { testEngine, testEngineConfig, waitFor } from '../support/engine.js';
import { createTestAccount, signIn } from '../support/web.js';

// No credential in any log line: the failure paths that log a request — a worker's unlock refused at shutdown, a
// fetch with a wrong password or to an unreachable engine, an engine error answered by the web server, a sign-in —
// run with every log line captured at trace level, and the captured text is searched for the secret values
// themselves. Without the logger's redaction (platform/log-redaction.ts) the refused unlock alone prints the
// service account's `authorization: Basic …`.

describe('secrets in log lines', () => {
  let db: Pool;
  const engine = testEngineConfig();
  const basic = (config: EngineClientConfig) => Buffer.from(`${config.ENGINE_REST_USER}:${config.ENGINE_REST_PASSWORD}`).toString('base64');
  const workerPolicy = { WORKER_MAX_TASKS: 1, WORKER_LOCK_MS: 60_000, WORKER_LONG_POLL_MS: 10_000, WORKER_RETRIES: 1, WORKER_RETRY_BASE_MS: 100, WORKER_ID_PREFIX: 'log-secrets-test' };

  beforeAll(() => {
    db = createPool(testDatabaseUrl());
  });
  afterAll(() => db.end());

  it('the logger itself redacts authorization, cookie and password fields of whatever it is given', () => {
    // given
    const log = capturedLog();
    const secret = randomBytes(9).toString('hex');
    // when: shaped like a request, a reply, a body and a config
    log.logger.info({ req: { headers: { authorization: `Basic ${secret}`, cookie: `iiot_session=${secret}` } }, res: { headers: { 'set-cookie': [`iiot_session=${secret}`] } } }, 'request');
    log.logger.info({ body: { username: 'someone', password: secret }, config: { ENGINE_REST_PASSWORD: secret } }, 'body');
    log.logger.error({ err: Object.assign(new Error('failed'), { options: { headers: { authorization: `Basic ${secret}` } }, response: { body: secret } }) }, 'error');
    // then
    expect(log.lines()).toHaveLength(3);
    expect(log.text()).toContain('someone');
    expect(log.text()).not.toContain(secret);
  });

  it('a worker whose unlock the engine refuses at shutdown logs the failure without the service account', async () => {
    // given: a worker runtime behind a proxy, its long poll open, and a task of another topic locked by its worker id
    const proxy = await engineProxy(engine.ENGINE_URL);
    const log = capturedLog();
    const topic = `log_secrets_${randomBytes(4).toString('hex')}`;
    const { client, api } = testEngine();
    await deployBundle(client, { name: topic, files: [{ fileName: `${topic}.bpmn`, content: externalTaskProcess(topic, topic, 'E') }] });
    await deployBundle(client, { name: `${topic}_held`, files: [{ fileName: `${topic}_held.bpmn`, content: externalTaskProcess(`${topic}_held`, `${topic}_held`, 'E') }] });
    const runtime = runtimeWith({ ...engine, ENGINE_URL: proxy.url }, log.logger, topic);
    try {
      await waitFor('the long poll', async () => (proxy.seen().some((r) => r.includes('/external-task/fetchAndLock')) ? true : undefined));
      await api.startProcess(`${topic}_held`, `${topic}-held`, {});
      const held = await client.request('POST', '/external-task/fetchAndLock', { json: { workerId: runtime.workerId, maxTasks: 1, topics: [{ topicName: `${topic}_held`, lockDuration: 60_000 }] }, schema: z.array(z.object({ id: z.string() })) });
      expect(held).toHaveLength(1);

      // when: the engine refuses every unlock, the runtime stops, and a task reaches the poll still open
      proxy.refuse(/\/unlock$/);
      const stopping = runtime.stop();
      await api.startProcess(topic, `${topic}-late`, {});
      await stopping;
      await waitFor('the client’s failed unlock', async () => (log.lines().some((l) => l.msg === 'unlock failed') ? true : undefined));

      // then: both failures are logged, with the engine's answer, and no secret
      expect(log.lines().map((l) => l.msg)).toEqual(expect.arrayContaining(['unlock failed', 'could not unlock remaining tasks']));
      expect(log.text()).toContain('refused by the test proxy');
      expectNoSecret(log.text(), [engine.ENGINE_REST_PASSWORD, basic(engine)]);
    } finally {
      proxy.refuse(null);
      await unlockAllOf(runtime.workerId);
      await proxy.close();
    }
  });

  it('a worker whose fetch fails — a wrong password, an unreachable engine — logs it without the password', async () => {
    // given: a service account the engine does not know (a wrong password of the real one would lock it out),
    // and a port nothing listens on
    const wrong = { ...engine, ENGINE_REST_USER: `nobody${randomBytes(3).toString('hex')}`, ENGINE_REST_PASSWORD: randomBytes(12).toString('hex') };
    const unreachable = { ...engine, ENGINE_URL: `http://127.0.0.1:${await findFreePort()}/engine-rest` };
    for (const config of [wrong, unreachable]) {
      const log = capturedLog();
      const runtime = runtimeWith(config, log.logger, `log_secrets_${randomBytes(4).toString('hex')}`);
      // when
      await waitFor('a failed fetch', async () => (log.lines().some((l) => l.msg === 'cannot reach the engine; backing off') ? true : undefined));
      await runtime.stop();
      // then: the failure says what happened, and carries no credential
      expect(log.text()).toMatch(config === wrong ? /401/ : /ECONNREFUSED|cannot be reached/);
      expectNoSecret(log.text(), [config.ENGINE_REST_PASSWORD, basic(config)]);
    }
  });

  it('the web server logs an engine error and sign-ins without the engine password, the session cookie or the account password', async () => {
    // given: the web server on the engine through the proxy, and an account
    const proxy = await engineProxy(engine.ENGINE_URL);
    const log = capturedLog();
    const app = await buildApp({
      engine: createEngineApi(createEngineClient({ ...engine, ENGINE_URL: proxy.url })),
      db,
      logger: log.logger,
      clock: systemClock,
      security: { cookieSecure: true, sessionHours: 8, signInAttemptsPerMinute: 1000, accountRequestsPerMinute: 1000, publicUrl: 'http://127.0.0.1:3000' },
      attachments: { store: folderAttachmentStore(path.join(inject('tempDir'), 'attachments')), maxBytes: 1024 * 1024 },
    });
    try {
      const credentials = await createTestAccount(db, 'province-officer');
      // when: a failed sign-in, a sign-in, and a request the engine answers with a 500
      const failed = await app.inject({ method: 'POST', url: '/api/session', payload: { username: credentials.username, password: `${credentials.password}x` } });
      expect(failed.statusCode).toBe(401);
      const headers = await signIn(app, credentials);
      proxy.refuse(/\/task/);
      const answer = await app.inject({ method: 'GET', url: '/api/tasks', headers });
      // then: a generic 500, the cause logged, no secret in any line
      expect(answer.statusCode).toBe(500);
      expect(log.lines().some((l) => l.msg === 'request failed' && JSON.stringify(l).includes('refused by the test proxy'))).toBe(true);
      const cookieValue = headers.cookie.replace(/^iiot_session=/, '');
      expectNoSecret(log.text(), [engine.ENGINE_REST_PASSWORD, basic(engine), cookieValue, headers['x-csrf-token']!, credentials.password]);
    } finally {
      await app.close();
      await proxy.close();
    }
  });

  // helpers

  function runtimeWith(config: EngineClientConfig, logger: Logger, topic: string): WorkerRuntime {
    return startWorkerRuntime({
      engine: config,
      config: workerPolicy,
      workers: [defineWorker({ topic, description: 'does nothing', input: z.object({}), output: z.object({}), handle: async () => ({}) })],
      deps: createWorkerDeps({ db, engine: config, attachmentDir: path.join(inject('tempDir'), 'attachments'), logger, clock: systemClock }),
    });
  }
});

/** A logger at trace level whose every line is kept. */
function capturedLog() {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('log-secrets-test', 'trace', destination);
  const text = () => chunks.join('');
  return { logger, text, lines: () => text().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { msg: string }) };
}

function expectNoSecret(text: string, secrets: string[]) {
  expect(text.length).toBeGreaterThan(0);
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThanOrEqual(8);
    expect(text.includes(secret), `a log line contains ${secret.slice(0, 3)}…`).toBe(false);
  }
}

// The tasks this test left locked, handed back directly, so nothing waits for their locks to expire.
async function unlockAllOf(workerId: string) {
  const { client } = testEngine();
  const locked = await client.request('GET', `/external-task?workerId=${encodeURIComponent(workerId)}&locked=true`, { schema: z.array(z.object({ id: z.string() })) });
  for (const task of locked) await client.request('POST', `/external-task/${task.id}/unlock`, { schema: z.unknown() });
}
