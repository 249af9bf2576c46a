import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../platform/config.js';
import { findFreePort } from '../../platform/ports.js';

// `npm start` as a user runs it, for tests: a separate process group (a terminal's Ctrl-C reaches the group), its own ports
// and the DATA_DIR the caller names, so two starts can share one data folder.

export interface StartedStack {
  ports: { web: number; engine: number; postgres: number };
  base: string;
  output: () => string;
  exited: Promise<number | null>;
  signal(name: NodeJS.Signals): void;
}

/** Starts `scripts/start.ts` on free ports with DATA_DIR `dataDir`; `extraEnv` goes last. */
export async function startStack(dataDir: string, extraEnv: Record<string, string> = {}): Promise<StartedStack> {
  const ports = { web: await findFreePort(), engine: await findFreePort(), postgres: await findFreePort() };
  // As `npm start` runs it: node with tsx's loader, no tsx CLI in between (its signal relay SIGKILLs a child that
  // takes more than a few tens of milliseconds to acknowledge a Ctrl-C, which a busy system does).
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: projectRoot,
    detached: true,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      WEB_PORT: String(ports.web),
      ENGINE_PORT: String(ports.engine),
      EMBEDDED_PG_PORT: String(ports.postgres),
      // The global setup left the engine jar in the cache: a start that calls Maven now fails loudly.
      MAVEN_CMD: '/bin/false',
      LOG_LEVEL: 'warn',
      // Its own bundle: the start builds one, and must not rebuild the folder this run's browser tests are served from.
      WEB_CLIENT_DIST: path.join(dataDir, 'browser'),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { ports, base: `http://127.0.0.1:${ports.web}`, output: () => output, exited, signal: (name) => process.kill(-child.pid!, name) };
}

/** Waits until the output shows `text`; on a timeout the error carries the whole output. */
export async function untilOutput(started: StartedStack, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!started.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`"${text}" did not appear within ${timeoutMs} ms; output:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
