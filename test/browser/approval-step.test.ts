import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../domain/call.js';
import { projectRoot } from '../../platform/config.js';
import { collectModelBundles } from '../../platform/model-deployment.js';
import { findApplication } from '../../store/application-repository.js';
import { definitionForCall, latestRelease, type Release } from '../../store/release-repository.js';
import { findAccountByUsername } from '../../web/server/identity/account-repository.js';
import { fillSteadily, hasHorizontalScroll, seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { cityReviewTaskOf, completeCityReview } from '../support/city-review.js';
import { draftAndSubmit, newApplicant, openTestCall, randomUscc, sealAndSend, validModeData, waitForStatus } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { releaseBundle } from '../support/studio.js';
import { deployWithComment, editorReady, openPanelGroup, saveWithComment, selectElement } from '../support/studio-browser.js';
import { createTestAccount, signIn } from '../support/web.js';

// Issue 13's yearly change "add an approval step", in chromium at 1366×768 on the real declaration: the
// administrator makes room after 市级初审's pass path, drops a task on that flow, makes it the user task 分管领导审核
// with candidate group ${cityGroup}leader and the shipped sign-off form, deploys, moves this test's call to the
// release, and on 单位分组 puts a 石家庄市 reviewer in 分管领导. A new application that passes 市级初审 waits in that
// leader's tasklist (not a plain reviewer's of 石家庄市, nor 唐山市's 分管领导's); the leader signs off with an
// opinion and the application goes on to 市级重点项目库, the history and the audit log naming the leader. An
// application started on the old release goes straight on. Afterwards the shipped declaration is released again.

const PROCESS = 'declaration';
const STEP = 'LeaderSignOff';

describe('the yearly change: an approval step 分管领导审核 after 市级初审', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  let admin: { username: string; password: string };
  let call: Call;
  let shippedRelease: Release;
  const { api } = testEngine();
  const suffix = randomBytes(4).toString('hex');
  const people = { leader: { username: '', password: '' }, plain: { username: '', password: '' }, otherLeader: { username: '', password: '' } };
  const headers = {} as Record<keyof typeof people, Record<string, string>>;
  const newPage = () => browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    admin = await createTestAccount(web.db, 'administrator');
    shippedRelease = (await latestRelease(web.db, PROCESS))!;
    call = await openTestCall(web.db, new Date(), { title: `分管领导审核测试批次 ${suffix}` });
    for (const [who, unitId, name] of [['leader', '130100', '王分管'], ['plain', '130100', '赵审核'], ['otherLeader', '130200', '钱分管']] as const) {
      people[who] = await createTestAccount(web.db, 'city-reviewer', { unitId });
      await web.db.query('UPDATE account SET display_name = $2 WHERE username = $1', [people[who].username, name]);
    }
    // 唐山市's 分管领导, put there over the API: it must not see 石家庄市's step either
    const adminHeaders = await signIn(web.app, admin);
    const otherId = (await findAccountByUsername(web.db, people.otherLeader.username))!.account.id;
    const put = await web.app.inject({ method: 'PUT', url: `/api/unit-groups/accounts/${otherId}`, headers: adminHeaders, payload: { groups: ['city130200leader'] } });
    expect(put.statusCode, put.body).toBe(200);
    for (const who of Object.keys(people) as (keyof typeof people)[]) headers[who] = await signIn(web.app, people[who]);
  }, 120_000);
  afterAll(async () => {
    try {
      // the shipped declaration is the latest release again, for the files that run later
      const shipped = (await collectModelBundles(path.join(projectRoot, 'processes'), path.join(projectRoot, 'forms'))).find((b) => b.name === PROCESS)!;
      if (web) await releaseBundle(web.db, api, shipped);
    } finally {
      await closeBrowserHarness({ web, browser });
    }
  });

  /** A 石家庄市 application of the call, sealed and sent: its 市级初审 waits. */
  async function declared(): Promise<{ id: string; applicationNumber: string }> {
    const applicant = await newApplicant(web.app, web.db, randomUscc('130102'));
    const { id, response } = await draftAndSubmit(web.app, applicant.headers, call.id, await validModeData(web.app, applicant.headers, applicant.uscc));
    expect(response.statusCode, response.body).toBe(200);
    await sealAndSend(web.app, web.db, applicant.headers, id);
    return { id, applicationNumber: (response.json() as { applicationNumber: string }).applicationNumber };
  }
  /** Passes the application's 市级初审 as the plain reviewer, through the tasklist API. */
  async function passCityReview(applicationId: string): Promise<void> {
    const taskId = await cityReviewTaskOf(web.app, headers.plain, applicationId, 30_000);
    const answer = await completeCityReview(web.app, headers.plain, taskId, { cityDecision: 'pass', cityOpinion: '同意纳入市级重点项目库。', creditCheckPassed: true });
    expect(answer.statusCode, answer.body).toBe(204);
  }
  /** The open tasks of the application in a reviewer's tasklist, by stage. */
  async function stagesOf(who: keyof typeof people, applicationId: string): Promise<string[]> {
    const answer = await web.app.inject({ method: 'GET', url: '/api/tasks', headers: headers[who] });
    expect(answer.statusCode, answer.body).toBe(200);
    const { tasks } = answer.json() as { tasks: { stage: string; subject: { applicationId: string | null } }[] };
    return tasks.filter((t) => t.subject.applicationId === applicationId).map((t) => t.stage);
  }
  const activitiesOf = async (applicationId: string) => {
    const instanceId = (await findApplication(web.db, applicationId))!.processInstanceId!;
    return (await api.historicActivities(instanceId)).map((a) => a.activityId);
  };

  it('adds the step in the studio, puts a leader in 分管领导, and the leader signs a new application off; an older one goes straight on', async () => {
    // given: an application started on the shipped release, before the change
    const older = await declared();
    expect((await api.historicProcessInstance((await findApplication(web.db, older.id))!.processInstanceId!)).processDefinitionId).toBe(shippedRelease.processDefinitionId);

    // when: the administrator opens the declaration in the studio
    const page = await newPage();
    await signInThroughPage(page, base, admin);
    await waitForPage(page, `${base}/dashboard`);
    await page.goto(`${base}/studio/process/${PROCESS}`);
    await editorReady(page, '流程图');
    const shape = (id: string) => page.locator(`.djs-container .djs-element[data-element-id="${id}"]`);
    const box = async (id: string) => (await shape(id).boundingBox())!;
    // and scrolls the diagram (mouse wheel) until 市级初审 sits mid-canvas, away from the edges that scroll it on a drag
    const canvas = (await page.locator('section[aria-label="流程图"]').boundingBox())!;
    for (let i = 0; i < 30 && (await box('CityDecision')).y < canvas.y + canvas.height * 0.4; i++) {
      await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
      await page.mouse.wheel(0, -50);
      await page.waitForTimeout(50);
    }
    // and makes room between 初审意见 and 纳入市级重点项目库 with the space tool
    const gateway = await box('CityDecision');
    const library = await box('MarkInCityLibrary');
    const gapX = (gateway.x + gateway.width + library.x) / 2;
    const flowY = gateway.y + gateway.height / 2;
    await page.locator('.djs-palette .entry[data-action="space-tool"]').click();
    await page.mouse.move(gapX, flowY - 40);
    await page.mouse.down();
    await page.mouse.move(gapX + 40, flowY - 40, { steps: 5 });
    await page.mouse.move(gapX + library.width * 1.2, flowY - 40, { steps: 10 });
    await page.mouse.up();
    await page.getByText('有未保存的修改').waitFor();
    await expect.poll(async () => (await box('MarkInCityLibrary')).x, { timeout: 10_000 }).toBeGreaterThan(library.x + library.width);
    // and drops a new task from the palette on the pass flow
    const flow = await box('Flow_city_pass');
    const entry = (await page.locator('.djs-palette .entry[data-action="create.task"]').boundingBox())!;
    const dropX = flow.x + flow.width / 2;
    await page.mouse.move(entry.x + entry.width / 2, entry.y + entry.height / 2);
    await page.mouse.down();
    await page.mouse.move(entry.x + 60, entry.y + 20, { steps: 5 });
    await page.mouse.move(dropX, flowY, { steps: 15 });
    await page.mouse.move(dropX + 1, flowY, { steps: 2 });
    await page.mouse.up();
    // the new task is selected; it becomes a user task through 更改类型
    const created = page.locator('.djs-container .djs-element.selected.djs-shape');
    await created.waitFor({ state: 'attached' });
    expect(await page.locator('.djs-container .djs-element.selected.djs-shape').count()).toBe(1);
    // (a pointer click on the context pad's 更改类型 does not reach bpmn-js in headless chromium; its click event does)
    await page.locator('.djs-context-pad .entry[data-action="replace"]').dispatchEvent('click');
    await page.locator('.djs-popup [data-id="replace-with-user-task"]').click();
    // named, given its id, its candidate group and the sign-off form
    await openPanelGroup(page, '常规');
    await page.getByLabel('名称', { exact: true }).fill('分管领导审核');
    await page.getByLabel('标识', { exact: true }).fill(STEP);
    await page.getByLabel('标识', { exact: true }).press('Tab');
    await shape(STEP).waitFor({ state: 'attached', timeout: 15_000 });
    await selectElement(page, STEP);
    await openPanelGroup(page, '办理人');
    await page.getByLabel('候选组', { exact: true }).fill('${cityGroup}leader');
    const formLink = page.getByLabel('关联表单');
    await formLink.click();
    await formLink.fill('sign-off');
    await page.locator('.ant-select-item-option', { hasText: '审核签字（sign-off）' }).click();
    await expect.poll(() => page.locator('.studio-form-link').innerText(), { timeout: 15_000 }).toContain('（sign-off）');
    const checks = page.getByRole('list', { name: '检查结果' });
    await expect.poll(() => checks.locator('li').filter({ hasText: /错误|error/i }).count(), { timeout: 15_000 }).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    // and saves and deploys it, the sign-off form deployed with it
    await saveWithComment(page, '市级初审通过后增加分管领导审核');
    await page.getByText(/已保存为第 \d+ 版/).waitFor({ timeout: 15_000 });
    await deployWithComment(page, '增加分管领导审核', /「审核签字」第 \d+ 版/);
    await page.getByText(/已部署为引擎版本 \d+/).waitFor({ timeout: 30_000 });

    // then: the engine's new definition has the step on the pass path, before 纳入市级重点项目库
    const release = (await latestRelease(web.db, PROCESS))!;
    expect(release.id).not.toBe(shippedRelease.id);
    const { bpmn20Xml: xml } = await api.processDefinitionXml(release.processDefinitionId);
    expect(new RegExp(`<bpmn:userTask id="${STEP}"[^>]*>`).exec(xml)?.[0]).toEqual(expect.stringMatching(
      /(?=.*name="分管领导审核")(?=.*camunda:candidateGroups="\$\{cityGroup\}leader")(?=.*camunda:formRef="sign-off")(?=.*camunda:formRefBinding="deployment")/,
    ));
    expect(xml).toMatch(new RegExp(`<bpmn:sequenceFlow id="Flow_city_pass" name="通过" sourceRef="CityDecision" targetRef="${STEP}"`));
    expect(xml).toMatch(new RegExp(`<bpmn:sequenceFlow id="\\w+" sourceRef="${STEP}" targetRef="MarkInCityLibrary"`));

    // when: the call is moved to the release on the studio's home
    await page.goto(`${base}/studio`);
    await page.getByRole('button', { name: new RegExp(`^更新版本：分管领导审核测试批次 ${suffix} 重点项目申报`) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`引擎版本 ${release.processDefinitionVersion}（`).waitFor();
    await dialog.getByLabel('说明').fill('本批次新申报增加分管领导审核');
    await dialog.getByRole('button', { name: '确认更新' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await definitionForCall(web.db, call.id, PROCESS)).toBe(release.processDefinitionId);

    // and the leader is put in 石家庄市's 分管领导 on 单位分组
    await page.getByRole('menuitem', { name: '单位分组' }).click();
    await waitForPage(page, `${base}/admin/unit-groups`);
    await page.getByLabel('单位', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '石家庄市' }).first().click();
    await page.locator('[aria-busy="false"] .ant-table').waitFor();
    const leaderRow = page.getByRole('row', { name: new RegExp(people.leader.username) });
    await leaderRow.getByRole('checkbox', { name: '分管领导' }).check();
    await leaderRow.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByText('已保存 王分管 的分组').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    // then: stored, and the page shows it after a reload
    const leaderId = (await findAccountByUsername(web.db, people.leader.username))!.account.id;
    expect((await web.db.query('SELECT group_id FROM account_group WHERE account_id = $1', [leaderId])).rows).toEqual([{ group_id: 'city130100leader' }]);
    await page.reload();
    expect(await page.getByRole('row', { name: new RegExp(people.leader.username) }).getByRole('checkbox', { name: '分管领导' }).isChecked()).toBe(true);
    expect(await page.getByRole('row', { name: new RegExp(people.plain.username) }).getByRole('checkbox', { name: '分管领导' }).isChecked()).toBe(false);
    await page.close();

    // when: a new application passes 市级初审
    const newer = await declared();
    await passCityReview(newer.id);
    // then: the step waits for 石家庄市's 分管领导 only
    await waitFor('the sign-off in the leader’s tasklist', async () => (await stagesOf('leader', newer.id)).includes(STEP) || undefined, 30_000);
    expect(await stagesOf('plain', newer.id)).toEqual([]);
    expect(await stagesOf('otherLeader', newer.id)).toEqual([]);
    expect((await findApplication(web.db, newer.id))!.status).toBe('with-city');

    // when: the leader signs it off in the browser, with an opinion
    const leaderPage = await newPage();
    await signInThroughPage(leaderPage, base, people.leader);
    await waitForPage(leaderPage, `${base}/tasks`);
    const row = leaderPage.getByRole('row', { name: new RegExp(newer.applicationNumber) }).filter({ hasText: '分管领导审核' });
    await row.getByRole('link', { name: /办理/ }).click();
    await leaderPage.getByRole('heading', { name: `分管领导审核：${newer.applicationNumber}` }).waitFor();
    await expect.poll(() => leaderPage.getByRole('button', { name: '完成任务' }).isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await seriousAccessibilityViolations(leaderPage)).toEqual([]);
    expect(await hasHorizontalScroll(leaderPage)).toBe(false);
    // a missing opinion is refused by the form, and nothing is completed
    await leaderPage.getByLabel('同意', { exact: true }).check();
    await leaderPage.getByRole('button', { name: '完成任务' }).click();
    await leaderPage.locator('.fjs-form-field-error', { hasText: /必填|required/i }).first().waitFor();
    expect(await stagesOf('leader', newer.id)).toEqual([STEP]);
    await fillSteadily(leaderPage, '意见', '同意纳入市级重点项目库，请抓紧推荐。');
    await leaderPage.getByRole('button', { name: '完成任务' }).click();
    await waitForPage(leaderPage, `${base}/tasks`);
    await leaderPage.close();

    // then: the application goes on to 市级重点项目库 and its recommendation waits for the unit
    await waitForStatus(web.db, newer.id, 'in-city-library', 30_000);
    await waitFor('the recommendation task', async () => (await stagesOf('plain', newer.id)).includes('CityRecommendation') || undefined, 30_000);
    expect(await stagesOf('leader', newer.id)).toEqual(['CityRecommendation']);
    // and the history names the leader as who signed off, and when
    const recommendationTask = (await web.app.inject({ method: 'GET', url: '/api/tasks?stage=CityRecommendation', headers: headers.plain })).json() as { tasks: { taskId: string; subject: { applicationId: string } }[] };
    const taskId = recommendationTask.tasks.find((t) => t.subject.applicationId === newer.id)!.taskId;
    const history = (await web.app.inject({ method: 'GET', url: `/api/tasks/${taskId}/history`, headers: headers.plain })).json() as { steps: { activityId: string; name: string; endTime: string | null; assignee: { username: string; displayName: string } | null }[] };
    expect(history.steps.filter((s) => s.activityId === STEP)).toEqual([
      expect.objectContaining({ name: '分管领导审核', endTime: expect.any(String), assignee: expect.objectContaining({ username: people.leader.username, displayName: '王分管' }) }),
    ]);
    // and the audit log holds the completion with the leader's fields
    const audit = await web.db.query<{ actor: string; detail: Record<string, unknown>; at: Date }>(
      "SELECT actor, detail, at FROM audit_log WHERE action = 'task.completed' AND detail->>'stage' = $1 AND detail->>'processInstanceId' = $2", [STEP, (await findApplication(web.db, newer.id))!.processInstanceId]);
    expect(audit.rows).toEqual([{
      actor: people.leader.username,
      at: expect.any(Date),
      detail: expect.objectContaining({ taskName: '分管领导审核', fields: { signOffDecision: 'approve', signOffOpinion: '同意纳入市级重点项目库，请抓紧推荐。' } }),
    }]);

    // and the application of the old release goes straight on to 市级重点项目库, with no sign-off
    await passCityReview(older.id);
    await waitForStatus(web.db, older.id, 'in-city-library', 30_000);
    expect(await activitiesOf(older.id)).not.toContain(STEP);
    expect(await activitiesOf(newer.id)).toContain(STEP);
  }, 420_000);
});
