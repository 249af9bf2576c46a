import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import { findProject, type Project } from '../../store/project-repository.js';
import { relayEngineCommands } from '../../web/server/engine-commands/relay.js';
import { BROWSER_DIR } from '../../web/server/server.js';
import {
  downloadedWorkbook, fillSteadily, hasHorizontalScroll, launchBrowser, seriousAccessibilityViolations, signInThroughPage, waitForForm, waitForPage,
} from '../support/browser.js';
import { openTestCall } from '../support/declaration.js';
import { inkInBoxOf, pdfText } from '../support/documents.js';
import { testEngine, waitFor } from '../support/engine.js';
import { receivedBatch, waitForProjectStatus } from '../support/project-fixture.js';
import { declareAndScore } from '../support/review-seats.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// Issue 16's journey in chromium at 1366×768: the officer creates a 评审会 over two units' library projects, draws
// panels of three, reads 资格说明, names the leaders and confirms; one expert signs the 回避声明 and scores in the
// browser (the others through the API); the officer closes the scoring, proposes the top project, records the
// collective decision on its task page, and after the 公示 (the web's clock moved on, the timer executed) settles the
// list and downloads its PDF and Excel, read back. Axe-clean on the session page at each step and on the expert's task.

type Headers = Record<string, string>;
type Credentials = { username: string; password: string };
interface SessionView {
  status: string;
  openTask: { taskId: string; taskKey: string } | null;
  projects: { projectId: string; seats: { seatId: string; expertId: string; status: string; active: boolean; isLeader: boolean }[] }[];
  documents: { format: string }[];
}

// No other test's experts review this direction: the pool for it is this file's four experts.
const DIRECTION = 'mode-service-extension';
const DIRECTION_LABEL = '服务化延伸';

describe('expert review and pilot selection in chromium', () => {
  let web: Awaited<ReturnType<typeof testApp>>, base: string, browser: Browser;
  const { client, api } = testEngine();
  let offsetMs = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
  const tag = randomBytes(3).toString('hex');
  const callTitle = `服务化延伸评审测试批次${tag}`;
  let officer: Credentials;
  let officerHeaders: Headers;
  let projects: [Project, Project];
  const experts: { id: string; account: Credentials; headers: Headers }[] = [];

  const inject = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) => web.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const complete = (taskId: string, headers: Headers, payload: object) => inject('POST', `/api/tasks/${taskId}/complete`, headers, payload);
  // Commands the workers queue (seat starts, messages) are delivered by the web's relay, which no timer runs here.
  const relay = () => relayEngineCommands({ db: web.db, engine: api });

  beforeAll(async () => {
    web = await testApp({ clock, browserDir: BROWSER_DIR });
    base = await web.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    officer = await createTestAccount(web.db, 'province-officer');
    officerHeaders = await signIn(web.app, officer);
    // two units' projects of one call, admitted to the library, declaring the file's direction
    const call = await openTestCall(web.db, new Date(), { title: callTitle });
    const admitted: Project[] = [];
    for (const unitId of ['130100', '130200']) {
      const [{ project, taskId }] = (await receivedBatch(web, client, officerHeaders, unitId, 1, call)).projects as [{ project: Project; taskId: string }];
      expect((await complete(taskId, officerHeaders, { formalDecision: 'admit', formalOpinion: '同意入库' })).statusCode).toBe(204);
      await waitForProjectStatus(web.db, project.applicationId, 'admitted');
      await web.db.query(`UPDATE application SET data = jsonb_set(data, '{direction}', to_jsonb($2::text)) WHERE id = $1`, [project.applicationId, DIRECTION]);
      admitted.push(project);
    }
    projects = admitted as [Project, Project];
    // the pool: four experts of the direction, each with an account
    for (let i = 0; i < 4; i++) {
      const account = await createTestAccount(web.db, 'expert');
      const created = await inject('POST', '/api/experts', officerHeaders, {
        name: `服务专家${tag}${i}`, organisation: `河北工业大学${tag}${i}`, organisationUscc: null, homeUnitId: '130900', fields: [DIRECTION], title: '教授',
        phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, email: `${account.username}@example.test`, relationships: [], accountUsername: account.username,
      });
      expect(created.statusCode, created.body).toBe(201);
      experts.push({ id: (created.json() as { id: string }).id, account, headers: await signIn(web.app, account) });
    }
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const newPage = () => browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  const looksRight = async (page: Page) => {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
  };
  const labelled = (label: string) => new RegExp(`^${label.replace(/[()（）*]/g, '\\$&')}\\s*\\*?$`);
  const card = (page: Page, heading: string) => page.locator('.ant-card', { has: page.getByRole('heading', { name: heading, exact: true }) });
  const popconfirmButton = (page: Page, name: RegExp) => page.locator('.ant-popconfirm:visible').getByRole('button', { name });
  /**
   * Waits until `locator` shows, relaying the engine's commands meanwhile (the page polls while the engine works); on
   * a timeout the error says what the page's alerts showed instead.
   */
  const shows = async (locator: Locator, timeout = 60_000) => {
    try {
      await expect.poll(async () => {
        await relay();
        return locator.count();
      }, { timeout, interval: 500 }).toBeGreaterThan(0);
    } catch (error) {
      const shown = await locator.page().locator('.ant-alert, .ant-message').allInnerTexts().catch(() => []);
      throw new Error(`${locator.page().url()} did not show ${String(locator)}; the page shows: ${JSON.stringify(shown)}`, { cause: error });
    }
  };
  const view = async (sessionId: string) => (await inject('GET', `/api/review-sessions/${sessionId}`, officerHeaders)).json() as SessionView;
  const waitForView = (sessionId: string, what: string, test: (v: SessionView) => boolean) => waitFor(what, async () => {
    await relay();
    const v = await view(sessionId);
    return test(v) ? v : undefined;
  }, 90_000);
  /** Opens the task of the project at `stage` from the tasklist, once it is listed. */
  const openTask = async (page: Page, projectNumber: string, stage: string) => {
    const row = page.getByRole('row', { name: new RegExp(projectNumber) }).filter({ hasText: stage });
    await expect.poll(async () => {
      await relay();
      await page.goto(`${base}/tasks`);
      await page.getByRole('heading', { name: '待办任务' }).waitFor();
      await page.locator('[aria-busy="false"] .ant-table').waitFor();
      return row.count();
    }, { timeout: 60_000 }).toBe(1);
    await row.getByRole('link', { name: '办理' }).click();
    await waitForForm(page);
  };

  it('draws and confirms the panels, takes an expert’s declaration and scores, and settles the list after the decision and the 公示', async () => {
    const [p1, p2] = projects;
    // given: the officer on 评审会, from the menu
    const page = await newPage();
    await signInThroughPage(page, base, officer);
    await waitForPage(page, `${base}/dashboard`);
    await page.getByRole('menuitem', { name: '评审会' }).click();
    await waitForPage(page, `${base}/review-sessions`);

    // when: it creates a session over the two projects, panels of three
    await page.getByRole('button', { name: '新建评审会' }).click();
    const dialog = page.getByRole('dialog', { name: '新建评审会' });
    await dialog.waitFor();
    await dialog.getByLabel('申报批次', { exact: true }).click();
    await dialog.getByLabel('申报批次', { exact: true }).fill(tag);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: callTitle }).click();
    await dialog.getByLabel('评审会名称').fill(`服务化延伸方向评审会${tag}`);
    await dialog.getByLabel('申报方向', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: DIRECTION_LABEL }).click();
    await dialog.getByLabel('每个项目评审专家人数').fill('3');
    for (const project of projects) await dialog.getByRole('checkbox', { name: `选择 ${project.projectNumber}` }).check();
    await dialog.getByText('参加评审的项目（已选 2 个）').waitFor();
    await looksRight(page);
    await dialog.getByRole('button', { name: '创建评审会' }).click();
    await waitForPage(page, /\/review-sessions\/[0-9a-f-]{36}$/);
    const sessionId = new URL(page.url()).pathname.split('/').at(-1)!;

    // then: once the campaign recorded the rubric, the draw is open
    const panels = card(page, '项目与评审组');
    await shows(page.getByRole('button', { name: '确认专家名单' }));
    await card(page, '评审会概况').getByRole('cell', { name: '发展基础好', exact: true }).waitFor();
    // when: it draws
    await panels.getByRole('button', { name: '抽取专家' }).click();
    const panelOf = (project: Project) => panels.locator('tr.ant-table-row', { hasText: project.projectNumber }).locator('xpath=following-sibling::tr[1]');
    for (const project of projects) {
      const row = panels.locator('tr.ant-table-row', { hasText: project.projectNumber });
      await row.getByRole('cell', { name: '3 人，已评分 0' }).waitFor();
      await row.getByRole('button', { name: '展开行' }).click();
      // then: three of the four experts on each panel
      await expect.poll(() => panelOf(project).locator('tr.ant-table-row').count()).toBe(3);
      expect(await panelOf(project).getByText('待声明').count()).toBe(3);
    }
    // 资格说明: all four could be drawn
    await panels.getByRole('button', { name: `资格说明：${p1.projectNumber}` }).click();
    const explanation = page.getByRole('dialog', { name: new RegExp(`资格说明：${p1.projectNumber}`) });
    await explanation.getByText(/专家库中 \d+ 位专家，4 位可抽取为本项目的评审专家/).waitFor();
    await looksRight(page);
    await page.keyboard.press('Escape');
    await explanation.waitFor({ state: 'hidden' });
    // the leaders, then the panels confirmed
    for (const project of projects) {
      await panelOf(project).getByRole('button', { name: /^设为组长：/ }).first().click();
      await panelOf(project).locator('.ant-tag', { hasText: /^组长$/ }).waitFor();
    }
    await looksRight(page);
    await page.getByRole('button', { name: '确认专家名单' }).click();
    await popconfirmButton(page, /^确\s*认$/).click();
    let session = await waitForView(sessionId, 'the scoring step', (v) => v.status === 'scoring' && v.openTask?.taskKey === 'CollectScores');
    await page.getByText('专家名单已确认，已通知评审专家').waitFor();

    // when: one expert of p1's panel (not its leader) declares and scores in the browser
    const seatsOf = (v: SessionView, project: Project) => v.projects.find((p) => p.projectId === project.id)!.seats.filter((s) => s.active);
    const browserSeat = seatsOf(session, p1).find((s) => !s.isLeader)!;
    const browserExpert = experts.find((e) => e.id === browserSeat.expertId)!;
    const expertPage = await newPage();
    await signInThroughPage(expertPage, base, browserExpert.account);
    await expertPage.waitForURL((url) => !url.pathname.startsWith('/login'));
    await openTask(expertPage, p1.projectNumber, '签署评审承诺书与回避声明');
    // then: before the 回避声明 the project's facts only, no materials
    const reviewed = card(expertPage, '评审项目');
    await reviewed.getByText('签署回避声明后方可查看申报材料').waitFor();
    expect(await reviewed.getByText(p1.projectNumber).count()).toBe(1);
    expect(await reviewed.getByRole('heading', { name: '申报材料' }).count()).toBe(0);
    await expect.poll(() => expertPage.getByRole('button', { name: '提交声明' }).isEnabled(), { timeout: 15_000 }).toBe(true);
    await expertPage.getByLabel(/本人已阅读并签署本次评审的评审承诺书/).check();
    await expertPage.getByLabel('无需回避，签署回避声明').check();
    await looksRight(expertPage);
    await expertPage.getByRole('button', { name: '提交声明' }).click();
    await waitForPage(expertPage, `${base}/tasks`);
    // and, declared, it scores with the materials open
    await openTask(expertPage, p1.projectNumber, '专家评分');
    await reviewed.getByRole('heading', { name: '申报材料' }).waitFor();
    await expect.poll(() => expertPage.getByRole('button', { name: '提交评分' }).isEnabled(), { timeout: 15_000 }).toBe(true);
    for (const [label, score] of [['发展基础好（满分40分）', '33'], ['创新模式优（满分30分）', '25'], ['推广意义大（满分30分）', '24']] as const) {
      await expertPage.getByLabel(labelled(label)).fill(score);
    }
    await fillSteadily(expertPage, '评审意见', '模式清晰，服务化延伸成效明显。');
    await looksRight(expertPage);
    await expertPage.getByRole('button', { name: '提交评分' }).click();
    await waitForPage(expertPage, `${base}/tasks`);

    // and the other seats through the API: p1's totals 82 (the browser's), 84, 80; p2's 72, 70, 74 — no consensus
    const totals = new Map([[p1.id, [84, 80]], [p2.id, [72, 70, 74]]]);
    for (const project of projects) {
      for (const [index, seat] of seatsOf(session, project).filter((s) => s.seatId !== browserSeat.seatId).entries()) {
        await declareAndScore(web.app, experts.find((e) => e.id === seat.expertId)!.headers, seat.seatId, totals.get(project.id)![index]!, `评审意见${index}`, relay);
      }
    }
    session = await waitForView(sessionId, 'every score', (v) => v.projects.every((p) => p.seats.filter((s) => s.active).every((s) => s.status === 'scored')));

    // when: the officer, on the reloaded page, closes the scoring
    await page.reload();
    for (const project of projects) await panels.locator('tr.ant-table-row', { hasText: project.projectNumber }).getByRole('cell', { name: '3 人，已评分 3' }).waitFor();
    await panels.getByRole('button', { name: '结束评分' }).click();
    await popconfirmButton(page, /^结束评分$/).click();
    // then: the ranking, p1 first at 82
    const ranking = card(page, '评审排名与试点建议');
    await shows(ranking.getByRole('checkbox', { name: `选择 ${p1.projectNumber}` }));
    const rows = ranking.locator('tbody tr.ant-table-row');
    expect(await rows.nth(0).getByRole('cell').allInnerTexts()).toEqual(['', '1', p1.projectNumber, p1.projectName, p1.enterpriseName, '石家庄市', DIRECTION_LABEL, '82']);
    expect(await rows.nth(1).getByRole('cell').nth(1).innerText()).toBe('2');
    await looksRight(page);
    // when: it proposes p1 and goes on to the collective decision
    await ranking.getByRole('checkbox', { name: `选择 ${p1.projectNumber}` }).check();
    await ranking.getByRole('button', { name: '提出试点建议名单' }).click();
    await shows(page.getByRole('link', { name: '前往集体决策' }));
    await page.getByRole('link', { name: '前往集体决策' }).click();
    await waitForPage(page, /\/tasks\/[0-9a-f-]+$/);
    await waitForForm(page);
    await expect.poll(() => page.getByRole('button', { name: '记录决策结论' }).isEnabled(), { timeout: 15_000 }).toBe(true);
    await page.getByLabel('同意试点建议名单，进行公示').check();
    await page.getByLabel(labelled('决策会议')).fill('厅长办公会议');
    await page.getByLabel('会议日期').fill('2021/12/20');
    await page.getByLabel('会议日期').press('Enter');
    await page.getByLabel(labelled('会议纪要文号')).fill('冀工信纪〔2021〕12号');
    await page.getByRole('button', { name: '记录决策结论' }).click();
    await waitForPage(page, `${base}/tasks`);
    // then: the list is under 公示, and the list cannot be settled yet
    await page.goto(`${base}/review-sessions/${sessionId}`);
    const notice = card(page, '公示与异议');
    await shows(notice);
    await notice.getByText('公示期结束后可确定试点名单。').waitFor();
    expect(await notice.getByRole('button', { name: '确定试点名单' }).isDisabled()).toBe(true);
    await looksRight(page);

    // when: the 公示 is over (the web's clock ten days on, the timer executed, not waited for)
    offsetMs = 10 * 24 * 3600_000;
    officerHeaders = await signIn(web.app, officer); // sessions last hours: sign in again on the later day
    const [instance] = await client.request('GET', `/process-instance?businessKey=${sessionId}&processDefinitionKey=reviewSession`, { schema: z.array(z.object({ id: z.string() })) });
    const [timer] = await client.request('GET', `/job?processInstanceId=${instance!.id}&timers=true`, { schema: z.array(z.object({ id: z.string() })) });
    await client.request('POST', `/job/${timer!.id}/execute`, { schema: z.unknown() });
    await waitForView(sessionId, 'the final step', (v) => v.openTask?.taskKey === 'FinalisePilotList');
    // and the officer, its browser on the later day too and signed in again, settles the list
    await page.clock.setFixedTime(clock.now());
    await signInThroughPage(page, base, officer);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${base}/review-sessions/${sessionId}`);
    await notice.getByRole('button', { name: '确定试点名单' }).click();
    await popconfirmButton(page, /^确\s*定$/).click();
    // then: the final list with its two files
    const final = card(page, '试点项目名单');
    await shows(final.getByRole('link', { name: '下载试点项目名单（Excel）' }), 90_000);
    expect(await final.locator('tbody tr.ant-table-row').allInnerTexts()).toEqual([expect.stringContaining(p1.projectNumber)]);
    await looksRight(page);
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), final.getByRole('link', { name: '下载试点项目名单（PDF）' }).click()]);
    const pdf = await readFile(await pdfDownload.path());
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    expect(text).toContain(p1.projectNumber);
    expect(text).not.toContain(p2.projectNumber);
    expect(text).toContain('冀工信纪〔2021〕12号');
    const ink = await inkInBoxOf(pdf, '试点项目名单');
    expect(ink.area).toBeGreaterThan(20);
    expect(ink.dark / ink.area).toBeGreaterThan(0.05);
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), final.getByRole('link', { name: '下载试点项目名单（Excel）' }).click()]);
    const cells = (await downloadedWorkbook(xlsxDownload)).worksheets[0]!.getSheetValues().flat().map((value) => String(value ?? ''));
    expect(cells).toContain(p1.projectNumber);
    expect(cells).not.toContain(p2.projectNumber);
    // and p1 became a pilot through its process, p2 stayed in the library
    await waitFor('the pilot status', async () => {
      await relay();
      return (await findProject(web.db, p1.id))!.status === 'pilot' ? true : undefined;
    }, 60_000);
    expect((await findProject(web.db, p2.id))!.status).toBe('admitted');
    for (const opened of [page, expertPage]) await opened.close();
  }, 480_000);
});
