import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPool } from '../../platform/database.js';
import { deployBundle } from '../../platform/model-deployment.js';
import { startWorkerRuntime, type WorkerRuntime } from '../../workers/runtime.js';
import { BusinessError, defineWorker } from '../../workers/worker.js';
import { externalTaskProcess } from '../fixtures/external-task-process.js';
import { testDatabaseUrl } from '../support/database.js';
import { testWorkerDeps } from '../support/workers.js';
import { testEngine, testEngineConfig, waitFor } from '../support/engine.js';

// Each case deploys its own process with a topic no other test uses, so the shared worker pool never takes its tasks.
const run = randomBytes(4).toString('hex');
const topic = (name: string) => `adapter-${name}-${run}`;
let calls = 0;

const workers = [
  defineWorker({
    topic: topic('ok'),
    description: 'doubles a number',
    input: z.object({ amount: z.number().int() }),
    output: z.object({ doubled: z.number(), detail: z.object({ by: z.string() }) }),
    handle: async ({ amount }) => ({ doubled: amount * 2, detail: { by: 'adapter-test' } }),
  }),
  defineWorker({
    topic: topic('throws'),
    description: 'always fails',
    input: z.object({}),
    output: z.object({}),
    handle: async () => {
      calls++;
      throw new Error('database unreachable (simulated)');
    },
  }),
  defineWorker({
    topic: topic('refuses'),
    description: 'business outcome',
    input: z.object({}),
    output: z.object({}),
    handle: async () => {
      throw new BusinessError('REFUSED', '不符合申报条件', { reason: 'E1' });
    },
  }),
];

const RETRIES = 3;
const { client, api } = testEngine();
const db = createPool(testDatabaseUrl());
let runtime: WorkerRuntime;

async function startInstance(name: string, variables: Record<string, unknown>) {
  const id = `adapter_${name}_${run}`;
  await deployBundle(client, { name: id, files: [{ fileName: `${id}.bpmn`, content: externalTaskProcess(id, topic(name), 'REFUSED') }] });
  return api.startProcess(id, `${id}-1`, variables);
}

const endedIn = async (processInstanceId: string) =>
  waitFor(`instance ${processInstanceId} to end`, async () => {
    const instance = await api.historicProcessInstance(processInstanceId);
    if (instance.state !== 'COMPLETED') return undefined;
    const activities = await api.historicActivities(processInstanceId);
    return activities.map((a) => a.activityId);
  });

describe('the worker adapter against the real engine', () => {
  beforeAll(() => {
    runtime = startWorkerRuntime({
      engine: testEngineConfig(),
      config: { WORKER_MAX_TASKS: 5, WORKER_LOCK_MS: 20_000, WORKER_LONG_POLL_MS: 5_000, WORKER_RETRIES: RETRIES, WORKER_RETRY_BASE_MS: 100, WORKER_ID_PREFIX: 'adapter-test' },
      workers,
      deps: testWorkerDeps(db, 'adapter-test'),
    });
  });
  afterAll(async () => {
    await runtime.stop();
    await db.end();
  });

  it('completes the task with the parsed output as process variables', async () => {
    const instance = await startInstance('ok', { amount: 21 });
    expect(await endedIn(instance.id)).toEqual(['Start', 'Work', 'Done']);
    const variables = await client.request('GET', `/history/variable-instance?processInstanceId=${instance.id}&deserializeValues=false`, {
      schema: z.array(z.object({ name: z.string(), value: z.unknown(), type: z.string() })),
    });
    const byName = Object.fromEntries(variables.map((v) => [v.name, v]));
    expect(byName.doubled?.value).toBe(42);
    expect(byName.detail?.type).toBe('Json');
    expect(JSON.parse(String(byName.detail?.value))).toEqual({ by: 'adapter-test' });
  });

  it('turns a BusinessError into the BPMN error path, with its variables', async () => {
    const instance = await startInstance('refuses', {});
    expect(await endedIn(instance.id)).toEqual(['Start', 'Work', 'OnRefused', 'Refused']);
    const reason = await client.request('GET', `/history/variable-instance?processInstanceId=${instance.id}&variableName=reason`, {
      schema: z.array(z.object({ value: z.unknown() })),
    });
    expect(reason[0]?.value).toBe('E1');
  });

  it('retries a throwing handler with decreasing retries, then raises an incident', async () => {
    // given
    calls = 0;
    const instance = await startInstance('throws', {});
    // when: the retries run out
    const incidents = await waitFor('an incident', async () => {
      const found = await api.incidents(instance.id);
      return found.length ? found : undefined;
    });
    // then
    expect(calls).toBe(RETRIES);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ incidentType: 'failedExternalTask', activityId: 'Work' });
    expect(incidents[0]?.incidentMessage).toContain('database unreachable (simulated)');
    const logs = await client.request('GET', `/history/external-task-log?processInstanceId=${instance.id}&failureLog=true&sortBy=timestamp&sortOrder=asc`, {
      schema: z.array(z.object({ retries: z.number().nullable(), timestamp: z.string() })),
    });
    // Each failure log holds the retries the task had when it failed: none yet, then 2, then 1; the last report set 0.
    expect(logs.map((l) => l.retries)).toEqual([null, 2, 1]);
    // Back-off doubles from WORKER_RETRY_BASE_MS (100 ms): at least 100 ms, then at least 200 ms between attempts.
    const at = logs.map((l) => Date.parse(l.timestamp.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')));
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(100);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(200);
    expect((await api.historicProcessInstance(instance.id)).state).toBe('ACTIVE');
  });

  it('raises an incident at once, naming the field, when the input variables are invalid', async () => {
    const instance = await startInstance('ok', { amount: 'twenty-one' });
    const incidents = await waitFor('an incident', async () => {
      const found = await api.incidents(instance.id);
      return found.length ? found : undefined;
    });
    expect(incidents[0]?.incidentMessage).toMatch(/^Invalid input variables: amount: /);
  });
});
