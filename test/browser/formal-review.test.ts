import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProject } from '../../store/project-repository.js';
import { fillSteadily, seriousAccessibilityViolations, signInThroughPage, waitForForm, waitForPage } from '../support/browser.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { testEngine } from '../support/engine.js';
import { receivedBatch, waitForProjectStatus, type ReceivedProject } from '../support/project-fixture.js';
import { createTestAccount, signIn } from '../support/web.js';

// Issue 15's journey in chromium: a province officer formally reviews 廊坊's batch in the tasklist, returns one
// application with a comment on a field and admits the other; the unit answers the return; the officer admits it
// too; the enterprise sees 在库 on its status page.

describe('formal review in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  const { client } = testEngine();
  let officer: { username: string; password: string };
  let reviewer: { username: string; password: string };
  let applicant: { username: string; password: string };
  let returned: ReceivedProject, admitted: ReceivedProject;
  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    officer = await createTestAccount(web.db, 'province-officer');
    const batch = await receivedBatch(web, client, await signIn(web.app, officer), '131000', 2);
    [returned, admitted] = batch.projects as [ReceivedProject, ReceivedProject];
    reviewer = await createTestAccount(web.db, 'city-reviewer', { unitId: '131000' });
    applicant = await createTestAccount(web.db, 'applicant', { enterpriseUscc: batch.applicant.uscc });
  }, 180_000);
  afterAll(() => closeBrowserHarness({ web, browser }));

  const newPage = () => browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const labelled = (label: string) => new RegExp(`^${label.replace(/[()（）*]/g, '\\$&')}\\s*\\*?$`);
  const field = (page: Page, label: string) => page.locator('.fjs-form-field', { has: page.locator('.fjs-form-field-label', { hasText: labelled(label) }) }).last();
  const pick = async (page: Page, label: string, option: string) => {
    await page.getByLabel(labelled(label)).focus();
    await page.locator('.fjs-dropdownlist-item').filter({ hasText: new RegExp(`^${option}$`) }).click();
    await expect.poll(() => field(page, label).locator('.fjs-select-display').innerText()).toBe(option);
  };
  /** Signs in and waits until the sign-in page has let the person in. */
  const signedIn = async (page: Page, credentials: { username: string; password: string }) => {
    await signInThroughPage(page, base, credentials);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  };
  /** Opens the task of the project from the tasklist, once it is listed. */
  const openTask = async (page: Page, projectNumber: string) => {
    await expect.poll(async () => {
      await page.goto(`${base}/tasks`);
      await page.getByRole('heading', { name: '待办任务' }).waitFor();
      await page.locator('[aria-busy="false"] .ant-table').waitFor();
      return page.getByRole('row', { name: new RegExp(projectNumber) }).count();
    }, { timeout: 30_000 }).toBe(1);
    await page.getByRole('row', { name: new RegExp(projectNumber) }).getByRole('link', { name: '办理' }).click();
    await waitForForm(page);
  };
  const admit = async (page: Page, projectNumber: string, opinion: string) => {
    await openTask(page, projectNumber);
    await expect.poll(() => page.getByRole('button', { name: '提交审查结论' }).isEnabled(), { timeout: 15_000 }).toBe(true);
    await page.getByLabel('入库（纳入省级重点项目库）').check();
    await fillSteadily(page, '审查意见', opinion);
    await page.getByRole('button', { name: '提交审查结论' }).click();
    await waitForPage(page, `${base}/tasks`);
  };

  it('returns one application, admits the other, takes the unit’s answer, and the enterprise sees 在库', async () => {
    // given: the officer at the tasklist, the batch's two projects at formal review
    const province = await newPage();
    await signedIn(province, officer);

    // when: the first is returned with a comment on its filing document
    await openTask(province, returned.project.projectNumber);
    await province.getByText('省厅形式审查', { exact: false }).first().waitFor();
    await expect.poll(() => province.getByRole('button', { name: '提交审查结论' }).isEnabled(), { timeout: 15_000 }).toBe(true);
    await expect.poll(async () => {
      await province.getByLabel('退回市局').check();
      return province.getByRole('button', { name: '添加一项' }).count();
    }, { timeout: 15_000 }).toBe(1);
    await fillSteadily(province, '审查意见', '请补充清晰的项目备案文件。');
    await province.getByRole('button', { name: '添加一项' }).click();
    await pick(province, '字段', '项目备案文件');
    await province.getByLabel(labelled('意见')).fill('扫描件模糊，请重新上传。');
    expect(await seriousAccessibilityViolations(province)).toEqual([]);
    await province.getByRole('button', { name: '提交审查结论' }).click();
    await waitForPage(province, `${base}/tasks`);
    // and the second is admitted
    await admit(province, admitted.project.projectNumber, '材料齐全，同意入库。');

    // then
    await waitForProjectStatus(web.db, returned.project.applicationId, 'returned');
    await waitForProjectStatus(web.db, admitted.project.applicationId, 'admitted');

    // when: the unit's reviewer answers the return, seeing the province's comment
    const unit = await newPage();
    await signedIn(unit, reviewer);
    await openTask(unit, returned.project.projectNumber);
    await unit.getByText('项目备案文件：扫描件模糊，请重新上传。', { exact: false }).first().waitFor();
    await expect.poll(() => unit.getByRole('button', { name: '提交答复' }).isEnabled(), { timeout: 15_000 }).toBe(true);
    await unit.getByLabel('已补充说明，请省厅重新审查').check();
    await fillSteadily(unit, '答复意见', '已联系企业，备案文件清晰版见补充材料。');
    expect(await seriousAccessibilityViolations(unit)).toEqual([]);
    await unit.getByRole('button', { name: '提交答复' }).click();
    await waitForPage(unit, `${base}/tasks`);

    // then: back at formal review, and the officer admits it
    await waitForProjectStatus(web.db, returned.project.applicationId, 'received');
    await admit(province, returned.project.projectNumber, '已补充，同意入库。');
    await waitForProjectStatus(web.db, returned.project.applicationId, 'admitted');
    expect((await findProject(web.db, returned.project.id))!.snapshot).not.toBeNull();

    // and the enterprise sees 在库 on its status page
    const enterprise = await newPage();
    await signedIn(enterprise, applicant);
    await enterprise.goto(`${base}/applications/${returned.project.applicationId}`);
    await enterprise.getByRole('heading', { name: '申报进度' }).waitFor();
    await enterprise.getByText('在库', { exact: true }).first().waitFor();
    expect(await seriousAccessibilityViolations(enterprise)).toEqual([]);
    for (const page of [province, unit, enterprise]) await page.close();
  }, 240_000);
});
