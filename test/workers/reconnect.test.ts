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
import { tcpGate } from '../support/tcp-gate.js';

describe('workers while the engine is unreachable', () => {
  it('back off instead of polling at a fixed pace, then reconnect and do the work', async () => {
    // given: the engine behind a gate that drops every connection
    const config = testEngineConfig();
    const engineUrl = new URL(config.ENGINE_URL);
    const gate = await tcpGate({ host: engineUrl.hostname, port: Number(engineUrl.port) });
    const id = `reconnect_${randomBytes(4).toString('hex')}`;
    const db = createPool(testDatabaseUrl());
    const runtime = startWorkerRuntime({
      engine: { ...config, ENGINE_URL: `http://127.0.0.1:${gate.port}/engine-rest` },
      config: { WORKER_MAX_TASKS: 2, WORKER_LOCK_MS: 20_000, WORKER_LONG_POLL_MS: 2_000, WORKER_RETRIES: 1, WORKER_RETRY_BASE_MS: 100, WORKER_ID_PREFIX: 'reconnect-test' },
      workers: [defineWorker({ topic: id, description: 'marks the instance', input: z.object({}), output: z.object({ done: z.boolean() }), handle: async () => ({ done: true }) })],
      deps: testWorkerDeps(db, 'reconnect-test'),
    });
    try {
      // when: the engine stays unreachable for 4 s
      await new Promise((resolve) => setTimeout(resolve, 4_000));

      // then: a fixed 300 ms pace would have tried about 13 times; doubling back-off tries 300, 600, 1200, 2400 ms apart
      expect(gate.refused()).toBeGreaterThanOrEqual(2);
      expect(gate.refused()).toBeLessThanOrEqual(6);

      // when: the engine becomes reachable and work arrives
      gate.open();
      const { client, api } = testEngine();
      await deployBundle(client, { name: id, files: [{ fileName: `${id}.bpmn`, content: externalTaskProcess(id, id, 'E') }] });
      const instance = await api.startProcess(id, `${id}-1`, {});

      // then: the worker reconnects and completes it
      await waitFor('the instance to complete', async () => ((await api.historicProcessInstance(instance.id)).state === 'COMPLETED' ? true : undefined), 30_000);
    } finally {
      await runtime.stop();
      await db.end();
      await gate.close();
    }
  });
});
