// Declaration benchmark: applications submitted through the web API with many in flight, against the bare engine
// running an equivalent model whose workers do nothing, in the same run on the same engine and database.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { folderAttachmentStore } from '../platform/attachment-store.js';
import { systemClock } from '../platform/clock.js';
import { projectRoot } from '../platform/config.js';
import { createPool } from '../platform/database.js';
import { createEngineApi } from '../platform/engine/index.js';
import { createEngineClient, type EngineClient } from '../platform/engine/client.js';
import { startLocalStack } from '../dev-stack/local-stack.js';
import { createLogger } from '../platform/logger.js';
import { migrate } from '../platform/migrate.js';
import { deployBundle, deployModels } from '../platform/model-deployment.js';
import { hashPassword } from '../platform/password.js';
import { findFreePort } from '../platform/ports.js';
import { call2021 } from '../domain/call.js';
import { usccCharset, usccCheckCharacter } from '../domain/uscc.js';
import { insertCallIfMissing } from '../store/call-repository.js';
import { buildApp } from '../web/server/app.js';
import { insertAccountIfMissing } from '../web/server/identity/account-repository.js';
import { MIGRATIONS_DIR } from '../web/server/server.js';
import { createWorkerDeps } from '../workers/deps.js';
import { allWorkers } from '../workers/index.js';
import { startWorkerRuntime } from '../workers/runtime.js';
import { defineWorker } from '../workers/worker.js';
import { figures, runConcurrently, type Figures } from './stats.js';

const ENTERPRISES = 50;
const DAY = 86_400_000;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const noop = (topic: string) => defineWorker({ topic, description: 'does nothing', input: z.object({}), output: z.object({}), handle: async () => ({}) });

/** Runs both halves and returns their figures: bare engine first, then this system. */
export async function benchmarkDeclaration(count: number, inFlight: number, log: (line: string) => void): Promise<Figures[]> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'iiot-bench-'));
  await chmod(root, 0o755);
  const password = randomBytes(12).toString('hex');
  const stack = await startLocalStack({
    embeddedPostgres: { dataDir: path.join(root, 'postgres'), port: await findFreePort(), password },
    engine: { port: await findFreePort(), restUser: 'benchservice', restPassword: password, adminUser: 'benchadmin', adminPassword: password, javaOptions: '-Xmx2g' },
    logDir: path.join(root, 'logs'),
    log,
  });
  const engineConfig = { ENGINE_URL: stack.engineUrl, ENGINE_REST_USER: 'benchservice', ENGINE_REST_PASSWORD: password };
  const engine = createEngineClient(engineConfig);
  const db = createPool(stack.databaseUrl, 20);
  const logger = createLogger('bench', 'error');
  try {
    await migrate(db, MIGRATIONS_DIR);
    await deployModels(engine, path.join(projectRoot, 'processes'), path.join(projectRoot, 'forms'));
    await deployBundle(engine, { name: 'bench-bare', files: [{ fileName: 'bare.bpmn', content: await readFile(path.join(projectRoot, 'bench', 'bare-declaration.bpmn'), 'utf8') }] });
    const attachmentDir = path.join(root, 'attachments');
    const workers = startWorkerRuntime({
      engine: engineConfig,
      config: { WORKER_MAX_TASKS: 20, WORKER_LOCK_MS: 60_000, WORKER_LONG_POLL_MS: 20_000, WORKER_RETRIES: 3, WORKER_RETRY_BASE_MS: 1_000, WORKER_ID_PREFIX: 'bench' },
      workers: [...allWorkers, noop('bench-bare-check'), noop('bench-bare-render')],
      deps: createWorkerDeps({ db, engine: engineConfig, attachmentDir, logger, clock: systemClock }),
    });
    const app = await buildApp({
      engine: createEngineApi(engine), db, logger, clock: systemClock,
      security: { cookieSecure: false, sessionHours: 8, signInAttemptsPerMinute: 100_000, accountRequestsPerMinute: 100_000, publicUrl: 'http://127.0.0.1' },
      attachments: { store: folderAttachmentStore(attachmentDir), maxBytes: 1024 * 1024 },
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      log(`bare engine: ${count} instances, ${inFlight} in flight …`);
      const bare = await runBare(engine, count, inFlight);
      log(`this system: ${count} applications through the web API, ${inFlight} in flight …`);
      const system = await runSystem(base, db, engine, count, inFlight);
      log(`the city's task list with ${count} open reviews …`);
      const tasklist = await runTasklist(base, db, engine);
      return [bare[0]!, system[0]!, bare[1]!, system[1]!, ...tasklist];
    } finally {
      await workers.stop();
      await app.close();
    }
  } finally {
    await db.end();
    await stack.stop();
    await rm(root, { recursive: true, force: true });
  }
}

async function waitForTask(engine: EngineClient, query: string): Promise<string> {
  for (;;) {
    const tasks = await engine.request('GET', `/task?${query}`, { schema: z.array(z.object({ id: z.string() })) });
    if (tasks[0]) return tasks[0].id;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function runBare(engine: EngineClient, count: number, inFlight: number): Promise<Figures[]> {
  const toSeal: number[] = [];
  const toCity: number[] = [];
  const began = performance.now();
  await runConcurrently(count, inFlight, async (i) => {
    const t0 = performance.now();
    const instance = await engine.request('POST', '/process-definition/key/benchBareDeclaration/start', { json: { businessKey: `bare-${i}`, variables: {} }, schema: z.object({ id: z.string() }) });
    const sealTask = await waitForTask(engine, `processInstanceId=${instance.id}&taskDefinitionKey=SealedScans`);
    toSeal.push(performance.now() - t0);
    await engine.request('POST', `/task/${sealTask}/complete`, { json: {}, schema: z.unknown() });
    toCity.push(performance.now() - t0);
  });
  const seconds = (performance.now() - began) / 1000;
  return [figures('bare engine: start → seal task', toSeal, seconds), figures('bare engine: start → city review task', toCity, seconds)];
}

interface Enterprise {
  headers: Record<string, string>;
  uscc: string;
  report: unknown;
  license: unknown;
  scans: { sealedMaterials: unknown; sealedCommitment: unknown };
}

async function runSystem(base: string, db: ReturnType<typeof createPool>, engine: EngineClient, count: number, inFlight: number): Promise<Figures[]> {
  const call = { ...call2021, id: 'bench', year: 2099, opensAt: new Date(Date.now() - DAY), enterpriseDeadline: new Date(Date.now() + 30 * DAY), cityDeadline: new Date(Date.now() + 45 * DAY) };
  await insertCallIfMissing(db, call);
  const enterprises = await Promise.all(Array.from({ length: ENTERPRISES }, (_, i) => enterprise(base, db, i)));
  const toSeal: number[] = [];
  const toCity: number[] = [];
  const began = performance.now();
  await runConcurrently(count, inFlight, async (i) => {
    const e = enterprises[i % ENTERPRISES]!;
    const draft = await http(base, 'POST', '/api/applications', e.headers, { callId: call.id, template: 'mode-application' });
    const t0 = performance.now();
    const submitted = await http(base, 'POST', `/api/applications/${draft.id}/submit`, e.headers, { data: applicationData(e, i) });
    await waitForTask(engine, `processInstanceBusinessKey=${submitted.applicationNumber}&taskDefinitionKey=SealedScans`);
    toSeal.push(performance.now() - t0);
    await http(base, 'POST', `/api/applications/${draft.id}/sealed-scans`, e.headers, e.scans, [409]);
    toCity.push(performance.now() - t0);
  });
  const seconds = (performance.now() - began) / 1000;
  return [figures('this system: submit → seal task', toSeal, seconds), figures('this system: submit → city review task', toCity, seconds)];
}

const TASKLIST_READS = 50;

/**
 * The reviewer's task list once every application waits at its city: the web API (scope, subjects, stage names, the
 * default filter) against the engine's own task query of the same group, read one after another.
 */
async function runTasklist(base: string, db: ReturnType<typeof createPool>, engine: EngineClient): Promise<Figures[]> {
  await insertAccountIfMissing(db, { username: 'bench.city', displayName: '石家庄市工信局', passwordHash: await hashPassword('bench-password'), role: 'city-reviewer', unitId: '130100' });
  const headers = await signIn(base, 'bench.city');
  const schema = z.array(z.object({ id: z.string() }));
  // The very query the web server sends for a city reviewer (platform/engine/tasks.ts tasklistTasks).
  const readRaw = async () => (await engine.request('POST', '/task?firstResult=0&maxResults=1000', { json: { candidateGroups: ['city130100'], includeAssignedTasks: true, sorting: [{ sortBy: 'created', sortOrder: 'desc' }] }, schema })).length;
  const readListed = async () => {
    const response = await fetch(`${base}/api/tasks`, { headers });
    if (!response.ok) throw new Error(`GET /api/tasks answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { tasks: unknown[] }).tasks.length;
  };
  // Alternate the two, so neither profits from a warmer engine or database.
  const latencies = { raw: [] as number[], listed: [] as number[] };
  const rows = { raw: 0, listed: 0 };
  const began = performance.now();
  for (let i = 0; i < TASKLIST_READS; i++) {
    for (const [which, read] of [['raw', readRaw], ['listed', readListed]] as const) {
      const t0 = performance.now();
      rows[which] = await read();
      latencies[which].push(performance.now() - t0);
    }
  }
  const seconds = (performance.now() - began) / 1000;
  return [
    figures(`bare engine: the city group's task query (${rows.raw} tasks)`, latencies.raw, seconds / 2),
    figures(`this system: GET /api/tasks as the city (${rows.listed} tasks)`, latencies.listed, seconds / 2),
  ];
}

async function signIn(base: string, username: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'bench-password' }) });
  const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  return { cookie, 'x-csrf-token': ((await response.json()) as { csrfToken: string }).csrfToken };
}

async function enterprise(base: string, db: ReturnType<typeof createPool>, index: number): Promise<Enterprise> {
  let body = `91130102${String(index).padStart(2, '0')}`;
  for (let i = body.length; i < 17; i++) body += usccCharset[(index * 7 + i) % usccCharset.length];
  const uscc = body + usccCheckCharacter(body);
  const username = `bench.${index}`;
  await insertAccountIfMissing(db, { username, displayName: `企业${index}`, passwordHash: await hashPassword('bench-password'), role: 'applicant', enterpriseUscc: uscc });
  const headers = await signIn(base, username);
  const up = async (name: string) => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(pdf)]), name);
    const response = await fetch(`${base}/api/attachments`, { method: 'POST', headers, body: form });
    const { id, sha256 } = (await response.json()) as { id: string; sha256: string };
    return { id, fileName: name, sha256 };
  };
  return { headers, uscc, report: await up('report.pdf'), license: await up('license.pdf'), scans: { sealedMaterials: await up('s1.pdf'), sealedCommitment: await up('s2.pdf') } };
}

function applicationData(e: Enterprise, i: number): Record<string, unknown> {
  return {
    enterpriseName: '石家庄示例装备制造有限公司', uscc: e.uscc, usccConfirmedAsPrinted: false, registeredAddress: '河北省石家庄市长安区示例路1号', declaredUnit: '130100',
    legalRepresentative: '张三', contactName: '李四', contactPhone: '0311-87908721', contactEmail: 'contact@example.com.cn', enterpriseKind: 'industrial',
    independentLegalPerson: true, integrationStage: 'integration', selfAssessmentReport: e.report, itTeamSize: 12, badRecordDeclared: false,
    priorityQualifications: ['specialized-sme'], projectName: `示范项目 ${i}`, direction: 'mode-intelligent-manufacturing', projectType: 'new', totalInvestment: 1200,
    completedInvestment: 300, periodStart: '2021-03-01', periodEnd: '2022-12-31', plannedForPilot: false, priorFiscalFunding: false, content: '建设设备联网和数据采集系统。',
    performanceTargets: [{ indicator: '生产效率提升', baseline: '0', target: '20', unit: '%' }], applicationScenario: '排程', technicalApproach: '平台', expectedBenefits: '提效',
    promotionValue: '推广', businessLicense: e.license, commitment: true,
  };
}

/** Calls the web API; statuses in `retryOn` are retried after a short pause (the engine has not caught up yet). */
async function http(base: string, method: string, url: string, headers: Record<string, string>, body: unknown, retryOn: number[] = []): Promise<Record<string, string>> {
  for (;;) {
    const response = await fetch(`${base}${url}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (retryOn.includes(response.status)) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      continue;
    }
    if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${await response.text()}`);
    return response.status === 204 ? {} : ((await response.json()) as Record<string, string>);
  }
}
