import type { ApplicationStatus } from '../../domain/application-status.js';
import { summaryOf } from '../../domain/application-summary.js';
import { demoApplications, type DemoApplication } from './demo-applications.js';
import { expectStatus, signInAs, waitUntil, type DemoSession, type Waiting } from './demo-api.js';
import { tangshanEnterprise } from './demo-enterprises.js';
import { demoPdf } from './demo-files.js';

// The living demo: on the embedded default, `npm start` takes the demo enterprises' applications through the real
// declaration — the web API as the demo accounts, the processes and their workers — so every demo role finds work
// on first sign-in. What exists is decided by what the API shows: a demo application is known by its project name
// in its enterprise's own list for the demo call. One that is there and has reached its target is left alone; one a
// failed earlier start left on the way (draft, checking, awaiting the scans, at the city, in the library) is taken
// on from where it stands. Whatever a user did with it (returned, corrected, refused…) is never undone.

export interface DemoSeedOutcome {
  /** The applications this run created or moved on. */
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
  /** Aborts the seeding (Ctrl-C while it runs). */
  signal?: AbortSignal;
  /** The account that plays a demo account (tests run it as accounts of their own); the demo account itself by default. */
  accountName?: (demoUsername: string) => string;
}

/** The statuses the seeding passes through, in order; a status off this path is a user's doing and ends the seeding of it. */
const path = ['draft', 'submitted', 'checking', 'awaiting-sealed-scans', 'with-city', 'in-city-library', 'recommended'] as const satisfies readonly ApplicationStatus[];
const step = (status: ApplicationStatus) => path.indexOf(status as (typeof path)[number]);

type ApplicationView = { id: string; callId: string; status: ApplicationStatus; data: Record<string, unknown> };

/** Seeds the demo applications that are missing or unfinished; throws naming the first that fails. */
export async function seedDemoApplications(options: DemoSeedOptions): Promise<DemoSeedOutcome> {
  const waiting: Waiting = { deadline: Date.now() + options.budgetMs, signal: options.signal ?? new AbortController().signal };
  const sessions = new Map<string, Promise<DemoSession>>();
  const sessionOf = (username: string) => {
    if (!sessions.has(username)) sessions.set(username, signInAs(options.baseUrl, options.accountName?.(username) ?? username, options.password, waiting.signal));
    return sessions.get(username)!;
  };
  const context: SeedContext = { callId: options.callId, waiting, sessionOf };

  const existing = new Map<string, ApplicationView>();
  for (const username of new Set(demoApplications.map((a) => a.enterprise.username))) {
    for (const application of await applicationsOf(await sessionOf(username), options.callId)) existing.set(summaryOf(application.data).projectName, application);
  }
  const unfinished = demoApplications.filter((demo) => needsWork(demo, existing.get(demo.projectName)));
  // In parallel: most of the time is spent waiting for workers, and the engine takes them in one go.
  const results = await Promise.allSettled(unfinished.map((demo) => takeThrough(context, demo, existing.get(demo.projectName))));
  const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${unfinished[i]!.projectName}: ${(r.reason as Error).message}`] : []));
  if (failed.length) throw new Error(`${failed.length} of ${unfinished.length} demo applications did not reach their state; first: ${failed[0]}`);

  const batchSubmitted = await submitBatchIfDemoOnly(context, await sessionOf(tangshanEnterprise.reviewer));
  await admitDemoProjects(context, await sessionOf('province'));
  return { seeded: unfinished, alreadyThere: demoApplications.length - unfinished.length, batchSubmitted };
}

interface SeedContext {
  callId: string;
  waiting: Waiting;
  sessionOf(username: string): Promise<DemoSession>;
}

async function applicationsOf(session: DemoSession, callId: string): Promise<ApplicationView[]> {
  const answer = await session.get('/api/applications');
  expectStatus(answer, 200, `listing ${session.username}'s applications`);
  return (answer.body as ApplicationView[]).filter((a) => a.callId === callId);
}

/** Missing, or left by an earlier start on the seeding's own path short of its target. */
function needsWork(demo: DemoApplication, found: ApplicationView | undefined): boolean {
  if (!found) return true;
  if (step(found.status) < 0) return false;
  // A return for correction is the city review of an application at the city: one still at the city needs it.
  if (demo.target === 'correction-requested') return step(found.status) <= step('with-city');
  return step(found.status) < step(demo.target);
}

/** One application, from where it stands (or a new draft) to its target state, waiting for each state the process reaches. */
async function takeThrough(context: SeedContext, demo: DemoApplication, found: ApplicationView | undefined): Promise<void> {
  const applicant = await context.sessionOf(demo.enterprise.username);
  const owner = String(demo.enterprise.fields.enterpriseName);
  const at = step(found?.status ?? 'draft');
  let id = found?.id;
  if (!id) {
    const created = await applicant.post('/api/applications', { callId: context.callId, template: demo.template });
    expectStatus(created, 201, 'creating the draft');
    id = (created.body as { id: string }).id;
  }
  if (at === step('draft')) {
    const uploads: Record<string, unknown> = {};
    for (const [field, fileName] of Object.entries(demo.files)) uploads[field] = await applicant.upload(fileName, await demoPdf(fileName.replace(/\.pdf$/, ''), owner, [demo.projectName]));
    const data = { ...demo.enterprise.fields, projectName: demo.projectName, ...demo.fields, ...uploads };
    expectStatus(await applicant.post(`/api/applications/${id}/submit`, { data }), 200, 'submitting');
  }
  if (at < step('with-city')) {
    await reachStatus(context, applicant, id, 'awaiting-sealed-scans');
    if (demo.target === 'awaiting-sealed-scans') return;
    await sendSealedScans(context, applicant, id, demo, owner);
    await reachStatus(context, applicant, id, 'with-city');
  }
  if (demo.target === 'with-city') return;

  const reviewer = await context.sessionOf(demo.enterprise.reviewer);
  if (at < step('in-city-library')) {
    const returned = demo.target === 'correction-requested';
    await completeCityReview(context, reviewer, id, { cityDecision: returned ? 'return' : 'pass', cityOpinion: demo.cityOpinion ?? '同意。', ...(demo.fieldComments ? { fieldComments: demo.fieldComments } : {}) });
    if (returned) {
      // The status comes a moment before the applicant's correction task: the task is what the applicant needs.
      await waitUntil('the correction request', context.waiting, async () => ((await applicant.get(`/api/applications/${id}/correction`)).status === 200 ? true : undefined));
      return;
    }
    await reachStatus(context, applicant, id, 'in-city-library');
  }
  if (demo.target === 'in-city-library') return;

  await waitUntil('the recommendation', context.waiting, async () => {
    const answer = await reviewer.post('/api/recommendations', { applicationId: id, opinion: demo.recommendationOpinion ?? '同意推荐。' });
    if (answer.status === 409 && /推荐环节/.test(JSON.stringify(answer.body))) return undefined; // its task is not there yet
    expectStatus(answer, 201, 'recommending');
    return true;
  });
}

async function sendSealedScans(context: SeedContext, applicant: DemoSession, id: string, demo: DemoApplication, owner: string): Promise<void> {
  const sealedMaterials = await applicant.upload('申报材料（盖章扫描件）.pdf', await demoPdf('申报材料（盖章扫描件）', owner, [demo.projectName, '（此处为加盖企业公章的扫描页）']));
  const sealedCommitment = await applicant.upload('承诺书（盖章扫描件）.pdf', await demoPdf('承诺书（盖章扫描件）', owner, ['（此处为加盖企业公章的扫描页）']));
  // The status is committed a moment before the engine creates the upload task: 409 until the task is there.
  await waitUntil('the sealed scans being taken', context.waiting, async () => {
    const answer = await applicant.post(`/api/applications/${id}/sealed-scans`, { sealedMaterials, sealedCommitment });
    if (answer.status === 409) return undefined;
    expectStatus(answer, 204, 'uploading the sealed scans');
    return true;
  });
}

async function completeCityReview(context: SeedContext, reviewer: DemoSession, id: string, review: Record<string, unknown>): Promise<void> {
  const taskId = await waitUntil('the city review task', context.waiting, async () => {
    const answer = await reviewer.get('/api/tasks?stage=CityReview');
    expectStatus(answer, 200, 'listing the review tasks');
    return (answer.body as { tasks: { taskId: string; subject: { applicationId: string | null } }[] }).tasks.find((t) => t.subject.applicationId === id)?.taskId;
  });
  expectStatus(await reviewer.post(`/api/tasks/${taskId}/complete`, review), 204, 'completing the city review');
}

/** Waits for a status; a refusal, withdrawal or correction on the way fails at once with the recorded reasons. */
async function reachStatus(context: SeedContext, session: DemoSession, id: string, status: ApplicationStatus): Promise<void> {
  await waitUntil(`status ${status}`, context.waiting, async () => {
    const answer = await session.get(`/api/applications/${id}/status`);
    expectStatus(answer, 200, 'reading the status');
    const { status: now, history, ruleOutcomes } = answer.body as { status: ApplicationStatus; history: { reason: string | null }[]; ruleOutcomes: { ruleId: string; result: string; reason?: string }[] };
    if (now === status) return true;
    if (now === 'refused' || now === 'withdrawn' || now === 'correction-requested') {
      const reasons = ruleOutcomes.filter((o) => o.result !== 'pass' && o.result !== 'warning').map((o) => `${o.ruleId} ${o.reason ?? ''}`);
      throw new Error(`the application ended up ${now}: ${reasons.join('; ') || history.at(-1)?.reason || 'no reason recorded'}`);
    }
    return undefined;
  });
}

/**
 * The province's formal review of 唐山's demo batch: all its projects but the last admitted into the provincial
 * library (在库), the last left at formal review for the officer to try.
 */
async function admitDemoProjects(context: SeedContext, officer: DemoSession): Promise<void> {
  const demoNames = demoApplications.filter((a) => a.enterprise === tangshanEnterprise && a.target === 'recommended').map((a) => a.projectName);
  const library = await officer.get(`/api/library?callId=${encodeURIComponent(context.callId)}&unitId=${tangshanEnterprise.unitId}`);
  expectStatus(library, 200, 'reading the library');
  const projects = (library.body as { rows: { projectName: string; status: string }[] }).rows.filter((p) => demoNames.includes(p.projectName));
  // Only a batch just submitted, all of it still at formal review: a decision already made (by the demo or a user) stands.
  if (projects.length !== demoNames.length || projects.some((p) => p.status !== 'received')) return;
  const tasks = await waitUntil('the formal review tasks', context.waiting, async () => {
    const answer = await officer.get('/api/tasks?stage=FormalReview');
    expectStatus(answer, 200, 'reading the formal review tasks');
    const found = (answer.body as { tasks: { taskId: string; subject: { projectName: string | null } }[] }).tasks.filter((t) => demoNames.includes(t.subject.projectName ?? ''));
    return found.length === demoNames.length ? found : undefined;
  });
  const byName = (name: string) => tasks.find((t) => t.subject.projectName === name)!;
  for (const name of demoNames.slice(0, -1)) {
    expectStatus(await officer.post(`/api/tasks/${byName(name).taskId}/complete`, { formalDecision: 'admit', formalOpinion: '推荐材料齐全、盖章完整，同意纳入省级重点项目库。' }), 204, 'admitting a demo project');
  }
}

/**
 * 唐山's unit batch: the 推荐表 rendered, its stamped scan uploaded, submitted — while it was never submitted and
 * every recommendation in it is a demo one, so a user's own recommendations never go out in the demo's name.
 */
async function submitBatchIfDemoOnly(context: SeedContext, reviewer: DemoSession): Promise<boolean> {
  const batchUrl = `/api/calls/${context.callId}/batch`;
  const batch = await reviewer.get(batchUrl);
  expectStatus(batch, 200, 'reading the batch');
  if ((batch.body as { state: string }).state === 'submitted') return false;
  const library = await reviewer.get(`/api/calls/${context.callId}/library`);
  expectStatus(library, 200, 'reading the library');
  const recommended = (library.body as { entries: { projectName: string; recommendation: unknown }[] }).entries.filter((e) => e.recommendation !== null);
  const demoNames = new Set(demoApplications.filter((a) => a.enterprise === tangshanEnterprise && a.target === 'recommended').map((a) => a.projectName));
  if (recommended.length !== demoNames.size || !recommended.every((e) => demoNames.has(e.projectName))) return false;

  expectStatus(await reviewer.post(batchUrl), 202, 'rendering the 推荐表');
  await waitUntil('the rendered 推荐表', context.waiting, async () => {
    const answer = await reviewer.get(batchUrl);
    expectStatus(answer, 200, 'reading the batch');
    return (answer.body as { state: string }).state === 'ready' ? true : undefined;
  });
  const sealedTable = await reviewer.upload('推荐表（盖章扫描件）.pdf', await demoPdf('河北省工业互联网创新发展重点项目推荐表（盖章扫描件）', '唐山市工业和信息化局', ['（此处为加盖推荐单位公章的扫描页）']));
  expectStatus(await reviewer.post(`${batchUrl}/submit`, { sealedTable }), 204, 'submitting the batch');
  return true;
}
