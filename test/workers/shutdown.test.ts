import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPool } from '../../platform/database.js';
import { deployBundle } from '../../platform/model-deployment.js';
import { startWorkerRuntime } from '../../workers/runtime.js';
import { defineWorker } from '../../workers/worker.js';
import { externalTaskProcess } from '../fixtures/external-task-process.js';
import { testDatabaseUrl } from '../support/database.js';
import { testWorkerDeps } from '../support/workers.js';
import { testEngine, testEngineConfig, waitFor } from '../support/engine.js';

describe('worker shutdown', () => {
  it('finishes the task that is running and leaves no task locked by the stopped worker', async () => {
    // given: a handler that runs until released
    const id = `shutdown_${randomBytes(4).toString('hex')}`;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let entered = false;
    const db = createPool(testDatabaseUrl());
    const runtime = startWorkerRuntime({
      engine: testEngineConfig(),
      config: { WORKER_MAX_TASKS: 1, WORKER_LOCK_MS: 60_000, WORKER_LONG_POLL_MS: 1_000, WORKER_RETRIES: 1, WORKER_RETRY_BASE_MS: 100, WORKER_ID_PREFIX: 'shutdown-test' },
      workers: [defineWorker({
        topic: id,
        description: 'slow step',
        input: z.object({}),
        output: z.object({ finished: z.boolean() }),
        handle: async () => {
          entered = true;
          await released;
          return { finished: true };
        },
      })],
      deps: testWorkerDeps(db, 'shutdown-test'),
    });
    const { client, api } = testEngine();
    await deployBundle(client, { name: id, files: [{ fileName: `${id}.bpmn`, content: externalTaskProcess(id, id, 'E') }] });
    const running = await api.startProcess(id, `${id}-1`, {});
    await waitFor('the handler to start', async () => (entered ? true : undefined));

    // when: stop is asked while the handler runs
    let stopped = false;
    const stopping = runtime.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stopped).toBe(false); // it waits for the running handler
    release();
    await stopping;
    await db.end();

    // then: the running task was completed, and nothing stays locked by this worker id
    expect((await api.historicProcessInstance(running.id)).state).toBe('COMPLETED');
    const locked = await client.request('GET', `/external-task?workerId=${encodeURIComponent(runtime.workerId)}&locked=true`, { schema: z.array(z.unknown()) });
    expect(locked).toEqual([]);
  });
});
