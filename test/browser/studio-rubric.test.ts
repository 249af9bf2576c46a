import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../domain/call.js';
import { projectRoot } from '../../platform/config.js';
import { collectModelBundles } from '../../platform/model-deployment.js';
import { contentSha256, findVersion } from '../../store/model-version-repository.js';
import { definitionForCall, latestRelease, type Release } from '../../store/release-repository.js';
import { relayEngineCommands } from '../../web/server/engine-commands/relay.js';
import { signInThroughPage, waitForPage } from '../support/browser.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { openTestCall } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { provinceAccount, receivedBatch, waitForProjectStatus } from '../support/project-fixture.js';
import { releaseBundle } from '../support/studio.js';
import { deployWithComment, editorReady, saveWithComment } from '../support/studio-browser.js';
import { createTestAccount, signIn } from '../support/web.js';

// Issue 16's "Done when": changing the rubric weights in the studio's decision table changes the next session's
// ranking. Two projects, one strong on 发展基础好 only and one even, are reviewed by the same three experts before
// and after the administrator raises 发展基础好 from 40 to 60 points (创新模式优 and 推广意义大 to 20) in chromium,
// deploys the review campaign with the table and moves this test's call onto it: the first session keeps its
// 40/30/30 rubric and ranking, the next one scores on 60/20/20 and ranks the other way round. Afterwards the shipped
// campaign is released again, so files running later get the shipped rubric.

type Headers = Record<string, string>;
type Scores = { foundation: number; innovation: number; promotion: number };
interface SessionView {
  status: string; rubric: { code: string; maxScore: number }[] | null; openTask: { taskKey: string } | null;
  projects: { projectId: string; score: number | null; rank: number | null; seats: { seatId: string; expertId: string; status: string; active: boolean }[] }[];
}

const PROCESS = 'reviewSession';
const BUNDLE = 'review-session';
const DECISION = 'reviewRubric';
const PROCESS_NAME = '专家评审与试点遴选（评审会）';
// No other test's experts review this direction, so the shared pool holds only this test's three for it.
const DIRECTION = 'mode-platform-design';
const maxScores = (session: SessionView) => session.rubric?.map((c) => [c.code, c.maxScore]);
const resultOf = (session: SessionView, projectId: string) => {
  const project = session.projects.find((p) => p.projectId === projectId)!;
  return { score: project.score, rank: project.rank };
};

describe('the studio changes the review rubric', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  let officer: { headers: Headers; username: string };
  let admin: { username: string; password: string };
  let call: Call;
  let shippedRelease: Release;
  const { client, api } = testEngine();
  const suffix = randomBytes(4).toString('hex');

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    officer = await provinceAccount(web);
    admin = await createTestAccount(web.db, 'administrator');
    shippedRelease = (await latestRelease(web.db, PROCESS))!;
    call = await openTestCall(web.db, new Date(), { title: `评分标准测试批次 ${suffix}` });
  });
  afterAll(async () => {
    try {
      if (web) await restoreShippedCampaign();
    } finally {
      await closeBrowserHarness({ web, browser });
    }
  });

  /** The shipped campaign, its forms and its rubric become the latest versions and release again; a new call gets them. */
  async function restoreShippedCampaign(): Promise<void> {
    const shipped = (await collectModelBundles(path.join(projectRoot, 'processes'), path.join(projectRoot, 'forms'))).find((b) => b.name === BUNDLE)!;
    const release = await releaseBundle(web.db, api, shipped);
    const fresh = await openTestCall(web.db);
    expect(await definitionForCall(web.db, fresh.id, PROCESS)).toBe(release.processDefinitionId);
    const members = await Promise.all(release.members.map((m) => findVersion(web.db, m.versionId)));
    expect(members.map((m) => m!.sha256).toSorted()).toEqual(shipped.files.map((f) => contentSha256(f.content)).toSorted());
  }

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers, payload?: object) => web.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const view = async (sessionId: string) => (await inject('GET', `/api/review-sessions/${sessionId}`, officer.headers)).json() as SessionView;
  // Commands the workers queue (messages to seats, seat starts) are delivered by the web's relay.
  const relay = () => relayEngineCommands({ db: web.db, engine: api });
  const waitForView = (sessionId: string, what: string, test: (v: SessionView) => boolean) =>
    waitFor(what, async () => {
      await relay();
      const v = await view(sessionId);
      return test(v) ? v : undefined;
    }, 60_000);
  const complete = (taskId: string, headers: Headers, payload: object) => inject('POST', `/api/tasks/${taskId}/complete`, headers, payload);
  /** Waits for the open task of `stage` on the seat, as its expert sees it. */
  const seatTask = (headers: Headers, stage: string, seatId: string) => waitFor(`the ${stage} task of seat ${seatId}`, async () => {
    await relay();
    const { tasks } = (await inject('GET', `/api/tasks?stage=${stage}`, headers)).json() as { tasks: { taskId: string }[] };
    for (const { taskId } of tasks) {
      const detail = (await inject('GET', `/api/tasks/${taskId}`, headers)).json() as { reviewSeat: { seatId: string } | null };
      if (detail.reviewSeat?.seatId === seatId) return taskId;
    }
    return undefined;
  }, 60_000);

  /** Creates a session of panels of three over the projects, draws, names leaders, confirms, and has every seat declare. */
  async function sessionReadyToScore(name: string, projectIds: string[], headersOf: (expertId: string) => Headers): Promise<SessionView & { sessionId: string }> {
    const created = await inject('POST', '/api/review-sessions', officer.headers, { callId: call.id, name, direction: DIRECTION, projectIds, panelSize: 3 });
    expect(created.statusCode, created.body).toBe(201);
    const { sessionId } = created.json() as { sessionId: string };
    await waitForView(sessionId, 'the draw task', (v) => v.openTask?.taskKey === 'DrawPanels' && v.rubric !== null);
    const drawn = await inject('POST', `/api/review-sessions/${sessionId}/draws`, officer.headers, {});
    expect(drawn.statusCode, drawn.body).toBe(201);
    let session = await view(sessionId);
    for (const project of session.projects) {
      expect(project.seats.filter((s) => s.active)).toHaveLength(3);
      expect((await inject('PUT', `/api/review-sessions/${sessionId}/seats/${project.seats[0]!.seatId}/leader`, officer.headers)).statusCode).toBe(204);
    }
    expect((await inject('POST', `/api/review-sessions/${sessionId}/panels/confirm`, officer.headers)).statusCode).toBe(204);
    for (const seat of session.projects.flatMap((p) => p.seats)) {
      const headers = headersOf(seat.expertId);
      const declared = await complete(await seatTask(headers, 'DeclareConflict', seat.seatId), headers, { commitmentSigned: true, declaration: 'no-conflict' });
      expect(declared.statusCode, declared.body).toBe(204);
    }
    session = await waitForView(sessionId, 'every seat declared', (v) => v.status === 'scoring' && v.projects.every((p) => p.seats.every((s) => s.status === 'declared')));
    return { ...session, sessionId };
  }

  /** Scores every seat with its project's scores, closes the scoring and waits for the ranking. */
  async function scoreAndRank(session: SessionView & { sessionId: string }, scoresOf: Map<string, Scores>, headersOf: (expertId: string) => Headers): Promise<SessionView> {
    for (const project of session.projects) {
      for (const seat of project.seats) {
        const headers = headersOf(seat.expertId);
        const scored = await complete(await seatTask(headers, 'ScoreProject', seat.seatId), headers, { scores: scoresOf.get(project.projectId)!, opinion: '评审意见' });
        expect(scored.statusCode, scored.body).toBe(204);
      }
    }
    await waitForView(session.sessionId, 'every score', (v) => v.projects.every((p) => p.seats.every((s) => s.status === 'scored')));
    expect((await inject('POST', `/api/review-sessions/${session.sessionId}/scoring/close`, officer.headers)).statusCode).toBe(204);
    return waitForView(session.sessionId, 'the ranking', (v) => v.projects.every((p) => p.rank !== null));
  }

  it('ranks the next session by the weights the administrator deployed, the earlier session keeping its own', async () => {
    // given: four admitted projects of the call in the test's direction (a project is reviewed in one session only)
    const { projects: received } = await receivedBatch(web, client, officer.headers, '130100', 4, call);
    for (const { project, taskId } of received) {
      expect((await complete(taskId, officer.headers, { formalDecision: 'admit', formalOpinion: '同意入库' })).statusCode).toBe(204);
      await waitForProjectStatus(web.db, project.applicationId, 'admitted');
      await web.db.query(`UPDATE application SET data = jsonb_set(data, '{direction}', to_jsonb($2::text)) WHERE id = $1`, [project.applicationId, DIRECTION]);
    }
    const [a1, b1, a2, b2] = received.map((r) => r.project.id) as [string, string, string, string];
    // and three experts of the direction with accounts
    const experts = new Map<string, Headers>();
    for (let i = 0; i < 3; i++) {
      const account = await createTestAccount(web.db, 'expert');
      const created = await inject('POST', '/api/experts', officer.headers, {
        name: `评分专家${randomBytes(3).toString('hex')}`, organisation: `河北工业大学${randomBytes(3).toString('hex')}`, organisationUscc: null, homeUnitId: '130900',
        fields: [DIRECTION], title: '教授', phone: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, email: `${account.username}@example.test`,
        relationships: [], accountUsername: account.username,
      });
      expect(created.statusCode, created.body).toBe(201);
      experts.set((created.json() as { id: string }).id, await signIn(web.app, account));
    }
    const headersOf = (expertId: string) => experts.get(expertId)!;

    // when: session 1 on the shipped rubric; A is strong on 发展基础好 only (58), B even (60)
    const first = await sessionReadyToScore(`平台化设计评审会（调整前）${suffix}`, [a1, b1], headersOf);
    expect(maxScores(first)).toEqual([['foundation', 40], ['innovation', 30], ['promotion', 30]]);
    // a foundation score of 45 is refused on the old scale
    const probeSeat = first.projects.find((p) => p.projectId === a1)!.seats[0]!;
    const probeTask = await seatTask(headersOf(probeSeat.expertId), 'ScoreProject', probeSeat.seatId);
    const refused = await complete(probeTask, headersOf(probeSeat.expertId), { scores: { foundation: 45, innovation: 10, promotion: 10 }, opinion: '超出满分' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual([{ path: 'body.scores.foundation', message: '不能大于40' }]);
    const ranked1 = await scoreAndRank(first, new Map([[a1, { foundation: 38, innovation: 10, promotion: 10 }], [b1, { foundation: 20, innovation: 20, promotion: 20 }]]), headersOf);
    // then: B ranks first
    expect([resultOf(ranked1, a1), resultOf(ranked1, b1)]).toEqual([{ score: 58, rank: 2 }, { score: 60, rank: 1 }]);

    // when: the administrator sets the weights to 60/20/20 in the studio's decision table and saves
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(page, base, admin);
    await waitForPage(page, `${base}/dashboard`);
    await page.goto(`${base}/studio/decision/${DECISION}`);
    await editorReady(page, '决策表');
    for (const [rule, weight] of [['Rule_foundation', '60'], ['Rule_innovation', '20'], ['Rule_promotion', '20']] as const) {
      const cell = page.locator(`.tjs-container td[data-row-id="${rule}"][data-col-id="Output_maxScore"]`);
      await cell.click();
      const editable = cell.locator('[contenteditable="true"]:visible').first();
      await editable.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(weight);
      await expect.poll(() => editable.innerText(), { timeout: 15_000 }).toBe(weight);
    }
    await page.getByText('有未保存的修改').waitFor();
    const decisionVersion = async () => (await web.db.query<{ id: string; version: number; content: string }>(
      "SELECT id::text, version, content FROM model_version WHERE kind = 'decision' AND key = $1 ORDER BY version DESC LIMIT 1", [DECISION])).rows[0]!;
    const next = (await decisionVersion()).version + 1;
    await saveWithComment(page, '发展基础好权重调整为60分');
    await page.getByText(`已保存为第 ${next} 版`).waitFor({ timeout: 15_000 });
    const decision = await decisionVersion();
    for (const [code, weight] of [['foundation', 60], ['innovation', 20], ['promotion', 20]] as const) {
      expect(decision.content).toMatch(new RegExp(`<outputEntry id="OutputEntry_${code}_max">\\s*<text>${weight}</text>`));
    }
    // and deploys the review campaign with it, as the studio does
    await page.goto(`${base}/studio/process/${PROCESS}`);
    await editorReady(page, '流程图');
    await deployWithComment(page, '评分权重调整', new RegExp(`「评审评分标准」第 ${decision.version} 版`));
    await page.getByText(/已部署为引擎版本 \d+/).waitFor({ timeout: 30_000 });
    const release = (await latestRelease(web.db, PROCESS))!;
    expect(release.id).not.toBe(shippedRelease.id);
    expect(release.members.map((m) => m.versionId)).toContain(decision.id);
    // and moves this test's call onto the new release on the studio's home
    await page.goto(`${base}/studio`);
    await page.getByRole('button', { name: `更新版本：评分标准测试批次 ${suffix} ${PROCESS_NAME}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`引擎版本 ${release.processDefinitionVersion}（`).waitFor();
    await dialog.getByLabel('说明').fill('下一场评审会使用新评分标准');
    await dialog.getByRole('button', { name: '确认更新' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await definitionForCall(web.db, call.id, PROCESS)).toBe(release.processDefinitionId);
    await page.close();

    // when: session 2 over A2 and B2, the experts scoring the same strengths on the new scale
    const second = await sessionReadyToScore(`平台化设计评审会（调整后）${suffix}`, [a2, b2], headersOf);
    // then: it recorded the new rubric, and its scoring form shows it
    expect(maxScores(second)).toEqual([['foundation', 60], ['innovation', 20], ['promotion', 20]]);
    const seat = second.projects.find((p) => p.projectId === a2)!.seats[0]!;
    const task = await seatTask(headersOf(seat.expertId), 'ScoreProject', seat.seatId);
    const form = (await inject('GET', `/api/tasks/${task}`, headersOf(seat.expertId))).json() as { form: unknown };
    expect(JSON.stringify(form.form)).toContain('发展基础好（满分60分）');
    // and a foundation score of 45 is accepted now; the officer asks for a review, and the expert scores again below
    const accepted = await complete(task, headersOf(seat.expertId), { scores: { foundation: 45, innovation: 6, promotion: 6 }, opinion: '初评' });
    expect(accepted.statusCode, accepted.body).toBe(204);
    await waitFor('the first score delivered', async () => {
      await relay();
      const { tasks } = (await inject('GET', '/api/tasks?stage=ScoreProject', headersOf(seat.expertId))).json() as { tasks: { taskId: string }[] };
      return tasks.some((t) => t.taskId === task) ? undefined : true;
    }, 60_000);
    const rescore = await inject('POST', `/api/review-sessions/${second.sessionId}/seats/${seat.seatId}/rescore`, officer.headers, { reason: '请按评分要点复核发展基础好' });
    expect(rescore.statusCode, rescore.body).toBe(204);
    const ranked2 = await scoreAndRank(second, new Map([[a2, { foundation: 57, innovation: 6, promotion: 6 }], [b2, { foundation: 30, innovation: 13, promotion: 13 }]]), headersOf);
    // then: A ranks first now
    expect([resultOf(ranked2, a2), resultOf(ranked2, b2)]).toEqual([{ score: 69, rank: 1 }, { score: 56, rank: 2 }]);
    // and session 1 kept its rubric and its ranking
    const firstAfter = await view(first.sessionId);
    expect(maxScores(firstAfter)).toEqual([['foundation', 40], ['innovation', 30], ['promotion', 30]]);
    expect([resultOf(firstAfter, a1), resultOf(firstAfter, b1)]).toEqual([{ score: 58, rank: 2 }, { score: 60, rank: 1 }]);
  }, 600_000);
});
