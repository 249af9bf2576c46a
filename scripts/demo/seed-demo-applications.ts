import { demoApplications, type DemoApplication } from './demo-applications.js';
import { expectStatus, signInAs, waitUntil, type DemoSession } from './demo-api.js';
import { tangshanEnterprise } from './demo-enterprises.js';
import { demoPdf } from './demo-files.js';

// The living demo: on the embedded default, `npm start` takes the demo enterprises' applications through the real
// declaration — the web API as the demo accounts, the processes and their workers — so every demo role finds work
// on first sign-in. Which applications exist is decided by what the API shows: an application whose project name
// the enterprise already has in the demo call is never created again, so a restart seeds nothing twice.

export interface DemoSeedOutcome {
  seeded: DemoApplication[];
  alreadyThere: number;
  batchSubmitted: boolean;
}

export interface DemoSeedOptions {
  baseUrl: string;
  password: string;
  callId: string;
  /** The whole seeding stops with an error once this passes; what it did so far stays. */
  budgetMs: number;
}

/** Seeds the demo applications that are missing, each as far as its target state; throws on the first that fails. */
export async function seedDemoApplications(options: DemoSeedOptions): Promise<DemoSeedOutcome> {
  const deadline = Date.now() + options.budgetMs;
  const sessions = new Map<string, Promise<DemoSession>>();
  const sessionOf = (username: string) => {
    if (!sessions.has(username)) sessions.set(username, signInAs(options.baseUrl, username, options.password));
    return sessions.get(username)!;
  };
  const context: SeedContext = { callId: options.callId, deadline, sessionOf };

  const existing = new Set<string>();
  for (const username of new Set(demoApplications.map((a) => a.enterprise.username))) {
    for (const name of await projectNamesOf(await sessionOf(username), options.callId)) existing.add(name);
  }
  const missing = demoApplications.filter((a) => !existing.has(a.projectName));
  // In parallel: most of the time is spent waiting for workers, and the engine takes them in one go.
  const results = await Promise.allSettled(missing.map((application) => takeThrough(context, application)));
  const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${missing[i]!.projectName}: ${(r.reason as Error).message}`] : []));
  if (failed.length) throw new Error(`${failed.length} of ${missing.length} demo applications did not reach their state; first: ${failed[0]}`);

  // 唐山's batch goes out only with the recommendations this very run made, never with a user's own later ones.
  const batchApplications = missing.filter((a) => a.enterprise === tangshanEnterprise && a.target === 'recommended');
  if (batchApplications.length) await submitBatch(context, await sessionOf(tangshanEnterprise.reviewer));
  return { seeded: missing, alreadyThere: demoApplications.length - missing.length, batchSubmitted: batchApplications.length > 0 };
}

interface SeedContext {
  callId: string;
  deadline: number;
  sessionOf(username: string): Promise<DemoSession>;
}

type ApplicationView = { id: string; callId: string; status: string; data: Record<string, unknown> };

async function projectNamesOf(session: DemoSession, callId: string): Promise<string[]> {
  const answer = await session.get('/api/applications');
  expectStatus(answer, 200, `listing ${session.username}'s applications`);
  return (answer.body as ApplicationView[]).filter((a) => a.callId === callId).map((a) => String(a.data.projectName ?? ''));
}

/** One application, from a new draft as far as its target state, waiting for each state the process reaches. */
async function takeThrough(context: SeedContext, demo: DemoApplication): Promise<void> {
  const applicant = await context.sessionOf(demo.enterprise.username);
  const owner = String(demo.enterprise.fields.enterpriseName);
  const created = await applicant.post('/api/applications', { callId: context.callId, template: demo.template });
  expectStatus(created, 201, 'creating the draft');
  const id = (created.body as { id: string }).id;
  const uploads: Record<string, unknown> = {};
  for (const [field, fileName] of Object.entries(demo.files)) uploads[field] = await applicant.upload(fileName, await demoPdf(fileName.replace(/\.pdf$/, ''), owner, [demo.projectName]));
  const data = { ...demo.enterprise.fields, projectName: demo.projectName, ...demo.fields, ...uploads };
  expectStatus(await applicant.post(`/api/applications/${id}/submit`, { data }), 200, 'submitting');
  await reachStatus(context, applicant, id, 'awaiting-sealed-scans');
  if (demo.target === 'awaiting-sealed-scans') return;

  const sealedMaterials = await applicant.upload('申报材料（盖章扫描件）.pdf', await demoPdf('申报材料（盖章扫描件）', owner, [demo.projectName, '（此处为加盖企业公章的扫描页）']));
  const sealedCommitment = await applicant.upload('承诺书（盖章扫描件）.pdf', await demoPdf('承诺书（盖章扫描件）', owner, ['（此处为加盖企业公章的扫描页）']));
  // The status is committed a moment before the engine creates the upload task: 409 until the task is there.
  await waitUntil('the sealed scans being taken', context.deadline, async () => {
    const answer = await applicant.post(`/api/applications/${id}/sealed-scans`, { sealedMaterials, sealedCommitment });
    if (answer.status === 409) return undefined;
    expectStatus(answer, 204, 'uploading the sealed scans');
    return true;
  });
  await reachStatus(context, applicant, id, 'with-city');
  if (demo.target === 'with-city') return;

  const reviewer = await context.sessionOf(demo.enterprise.reviewer);
  const taskId = await waitUntil('the city review task', context.deadline, async () => {
    const answer = await reviewer.get('/api/review-tasks');
    expectStatus(answer, 200, 'listing the review tasks');
    return (answer.body as { taskId: string; applicationId: string }[]).find((t) => t.applicationId === id)?.taskId;
  });
  const returned = demo.target === 'correction-requested';
  const review = { cityDecision: returned ? 'return' : 'pass', cityOpinion: demo.cityOpinion ?? '同意。', ...(demo.fieldComments ? { fieldComments: demo.fieldComments } : {}) };
  expectStatus(await reviewer.post(`/api/review-tasks/${taskId}/complete`, review), 204, 'completing the city review');
  if (returned) {
    // The status comes a moment before the applicant's correction task: the task is what the applicant needs.
    await waitUntil('the correction request', context.deadline, async () => ((await applicant.get(`/api/applications/${id}/correction`)).status === 200 ? true : undefined));
    return;
  }
  await reachStatus(context, applicant, id, 'in-city-library');
  if (demo.target === 'in-city-library') return;

  await waitUntil('the recommendation', context.deadline, async () => {
    const answer = await reviewer.post('/api/recommendations', { applicationId: id, opinion: demo.recommendationOpinion ?? '同意推荐。' });
    if (answer.status === 409 && /推荐环节/.test(JSON.stringify(answer.body))) return undefined; // the task is not there yet
    expectStatus(answer, 201, 'recommending');
    return true;
  });
}

/** Waits for a status; a refusal or withdrawal on the way fails at once with the recorded reason. */
async function reachStatus(context: SeedContext, session: DemoSession, id: string, status: string): Promise<void> {
  await waitUntil(`status ${status}`, context.deadline, async () => {
    const answer = await session.get(`/api/applications/${id}/status`);
    expectStatus(answer, 200, 'reading the status');
    const { status: now, history, ruleOutcomes } = answer.body as { status: string; history: { reason: string | null }[]; ruleOutcomes: { ruleId: string; result: string; reason?: string }[] };
    if (now === status) return true;
    if (now === 'refused' || now === 'withdrawn' || now === 'correction-requested') {
      const reasons = ruleOutcomes.filter((o) => o.result !== 'pass' && o.result !== 'warning').map((o) => `${o.ruleId} ${o.reason ?? ''}`);
      throw new Error(`the application ended up ${now}: ${reasons.join('; ') || history.at(-1)?.reason || 'no reason recorded'}`);
    }
    return undefined;
  });
}

/** 唐山's unit batch: the 推荐表 rendered from its recommendations, its stamped scan uploaded, submitted. */
async function submitBatch(context: SeedContext, reviewer: DemoSession): Promise<void> {
  const batchUrl = `/api/calls/${context.callId}/batch`;
  expectStatus(await reviewer.post(batchUrl), 202, 'rendering the 推荐表');
  await waitUntil('the rendered 推荐表', context.deadline, async () => {
    const answer = await reviewer.get(batchUrl);
    expectStatus(answer, 200, 'reading the batch');
    return (answer.body as { state: string }).state === 'ready' ? true : undefined;
  });
  const sealedTable = await reviewer.upload('推荐表（盖章扫描件）.pdf', await demoPdf('河北省工业互联网创新发展重点项目推荐表（盖章扫描件）', '唐山市工业和信息化局', ['（此处为加盖推荐单位公章的扫描页）']));
  expectStatus(await reviewer.post(`${batchUrl}/submit`, { sealedTable }), 204, 'submitting the batch');
}
