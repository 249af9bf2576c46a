import { spawn } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { findFreePort } from '../../platform/ports.js';
import { testDatabaseUrl } from './database.js';

// A web server as its own operating-system process (web/server/main.ts), on the test run's database and engine: what
// a second replica is. It deploys nothing (the run's global setup did) and signs in over real HTTP.

export interface WebProcess {
  base: string;
  /** Signs in over HTTP; the headers a browser would send afterwards (cookie and CSRF token). */
  signIn(credentials: { username: string; password: string }): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

/** Starts a web server process and waits until it answers. */
export async function startWebProcess(): Promise<WebProcess> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'web/server/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URL: testDatabaseUrl(),
      ENGINE_URL: inject('engineUrl'), ENGINE_REST_USER: inject('engineUser'), ENGINE_REST_PASSWORD: inject('enginePassword'),
      WEB_PORT: String(port), DEPLOY_MODELS: 'false', COOKIE_SECURE: 'false', SIGN_IN_ATTEMPTS_PER_MINUTE: '1000', LOG_LEVEL: 'warn',
      ATTACHMENT_DIR: path.join(inject('tempDir'), 'attachments'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    const up = await fetch(`${base}/health`).then((r) => r.ok, () => false);
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the web process did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    base,
    async signIn(credentials) {
      const response = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
      if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith('iiot_session='))!.split(';')[0]!;
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      return { cookie, 'x-csrf-token': csrfToken };
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
