import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { findFreePort, isPortOpen } from '../../platform/ports.js';
import { startStack, untilOutput, type StartedStack } from '../support/npm-start.js';
import '../provided-context.js';

// `npm start` as a user runs it: a separate process, stopped with SIGINT (Ctrl-C).

type Started = StartedStack;

// Each start gets a data folder of its own under the run's temporary folder.
const start = async (extraEnv: Record<string, string> = {}): Promise<Started> =>
  startStack(path.join(inject('tempDir'), `start-${randomBytes(4).toString('hex')}`), extraEnv);
const until = untilOutput;

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
