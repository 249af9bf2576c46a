import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { findFreePort, isPortOpen } from '../../platform/ports.js';
import '../provided-context.js';

// `npm start` as a user runs it: a separate process, stopped with SIGINT (Ctrl-C).

interface Started {
  ports: { web: number; engine: number; postgres: number };
  output: () => string;
  exited: Promise<number | null>;
  signal(name: NodeJS.Signals): void;
}

async function start(extraEnv: Record<string, string> = {}): Promise<Started> {
  const ports = { web: await findFreePort(), engine: await findFreePort(), postgres: await findFreePort() };
  // As `npm start` runs it: tsx in a process group of its own, so a Ctrl-C can go to the whole group, as a
  // terminal sends it (tsx then relays it to its child a second time).
  const child = spawn(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
    cwd: projectRoot,
    detached: true,
    env: {
      ...process.env,
      DATA_DIR: path.join(inject('tempDir'), `start-${ports.web}`),
      WEB_PORT: String(ports.web),
      ENGINE_PORT: String(ports.engine),
      EMBEDDED_PG_PORT: String(ports.postgres),
      // The global setup left the engine jar in the cache: a start that calls Maven now fails loudly.
      MAVEN_CMD: '/bin/false',
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { ports, output: () => output, exited, signal: (name) => process.kill(-child.pid!, name) };
}

async function until(started: Started, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!started.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`"${text}" did not appear within ${timeoutMs} ms; output:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function openPorts(ports: Started['ports']): Promise<number[]> {
  const open = await Promise.all(Object.values(ports).map(async (port) => ((await isPortOpen(port)) ? port : undefined)));
  return open.filter((port): port is number => port !== undefined);
}

describe('npm start', () => {
  it('brings the system up without Maven when the engine is cached, serves readiness, and Ctrl-C leaves no port open', async () => {
    // given / when
    const started = await start();
    await until(started, 'Ready in', 240_000);

    // then: the web server is ready, with the engine and the database behind it
    const ready = await fetch(`http://127.0.0.1:${started.ports.web}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', engine: { ok: true }, database: { ok: true } });
    expect(started.output()).not.toContain('Building the engine with Maven');
    expect(started.output()).toContain(`http://127.0.0.1:${started.ports.web}/`);

    // when: Ctrl-C
    started.signal('SIGINT');

    // then
    expect(await started.exited).toBe(0);
    expect(await openPorts(started.ports)).toEqual([]);
  }, 300_000);

  it('exits non-zero with the engine’s message when a model is broken, and stops what it started', async () => {
    const started = await start({ PROCESSES_DIR: path.join(projectRoot, 'test', 'fixtures', 'broken-model') });
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(/start failed to start: The engine rejected broken \(broken\.bpmn\): ENGINE-09005[\s\S]*NoSuchTask/);
    expect(await openPorts(started.ports)).toEqual([]);
  }, 300_000);

  it('stops at once with one line naming a malformed variable', async () => {
    const started = await start({ WEB_PORT: 'eighty' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('Environment variable WEB_PORT is invalid');
    expect(started.output()).not.toContain('Starting the embedded PostgreSQL');
  }, 60_000);

  it('reports a port that is taken instead of retrying', async () => {
    // given: something listens on the web port
    const blocker = net.createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      // when
      const started = await start({ WEB_PORT: String(port) });
      // then
      expect(await started.exited).toBe(1);
      expect(started.output()).toContain(`Port ${port} (WEB_PORT) is already in use`);
    } finally {
      blocker.close();
    }
  }, 60_000);
});
