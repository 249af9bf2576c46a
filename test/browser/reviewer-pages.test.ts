import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitById } from '../../domain/units.js';
import { hasHorizontalScroll, seriousAccessibilityViolations, signInThroughPage, waitForForm, waitForPage } from '../support/browser.js';
import { createDraft, newApplicant, openTestCall, randomUscc, sealAndSend, uploadPdf, validModeData } from '../support/declaration.js';
import { createTestAccount } from '../support/web.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

// The reviewer's, the province's and the expert's pages in chromium at 1366×768, as issue 10 found them: the rule
// warnings on the task page and as a marker in the list, a project name with markup shown as the literal text it is,
// the longest category (体验中心类) not cut off, /dashboard leading each role to its own page with no 403, and each
// role's own hint on an empty task list.

// 张家口, a unit no other test declares to: its reviewer's list holds this file's applications only
const UNIT = '130700';
const MARKUP_NAME = '<script>alert(1)</script>项目';
const EXPERIENCE_CENTER = '工业互联网平台应用创新体验中心类';

describe('the reviewer’s, province’s and expert’s pages in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  let warned = '';
  let center = '';
  let projectName = '';
  let reviewer: { username: string; password: string };

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    const call = await openTestCall(web.db);
    // an enterprise registered in 唐山 declaring to 张家口 (the territorial warning), its project name with markup
    const fromTangshan = async () => {
      const applicant = await newApplicant(web.app, web.db, randomUscc('130203'));
      projectName = `${MARKUP_NAME} ${Date.now().toString(36)}`;
      const data = await validModeData(web.app, applicant.headers, applicant.uscc, { declaredUnit: UNIT, projectName });
      return submitAndSeal(applicant.headers, call.id, 'mode-application', data);
    };
    // an experience centre of 张家口 itself: no warning
    const experienceCentre = async () => {
      const applicant = await newApplicant(web.app, web.db, randomUscc('130702'));
      const data = await validModeData(web.app, applicant.headers, applicant.uscc, {
        declaredUnit: UNIT, direction: 'experience-center', applicationScenario: undefined, technicalApproach: undefined, expectedBenefits: undefined, promotionValue: undefined,
        centerName: '张家口工业互联网平台应用创新体验中心', centerAddress: '河北省张家口市示例园区2号楼', floorArea: 1200.5, demonstrationScenarios: 24, annualVisitorCapacity: 20000,
        venueProof: await uploadPdf(web.app, applicant.headers, '租赁合同.pdf'),
      });
      return submitAndSeal(applicant.headers, call.id, 'experience-center', data);
    };
    [warned, center] = await Promise.all([fromTangshan(), experienceCentre()]);
    reviewer = await createTestAccount(web.db, 'city-reviewer', { unitId: UNIT });
  }, 180_000);
  afterAll(() => closeBrowserHarness({ web, browser }));

  async function submitAndSeal(headers: Record<string, string>, callId: string, template: string, data: Record<string, unknown>): Promise<string> {
    const id = await createDraft(web.app, headers, callId, template);
    const response = await web.app.inject({ method: 'POST', url: `/api/applications/${id}/submit`, headers, payload: { data } });
    expect(response.statusCode, response.body).toBe(200);
    await sealAndSend(web.app, web.db, headers, id);
    return (response.json() as { applicationNumber: string }).applicationNumber;
  }

  const newPage = () => browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const row = (page: Page, applicationNumber: string) => page.getByRole('row', { name: new RegExp(applicationNumber) });
  /** Whether an element shows all of its text (nothing clipped or ellipsed). */
  const showsWhole = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => element.scrollWidth <= element.clientWidth && element.getBoundingClientRect().right <= window.innerWidth);

  it('marks the application with warnings in the list and lists them on its task page, with a name of markup as text', async () => {
    // given
    const page = await newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInThroughPage(page, base, reviewer);
    await waitForPage(page, `${base}/tasks`);

    // then: the application with a warning carries the marker; the other does not
    await row(page, warned).waitFor();
    await row(page, center).waitFor();
    expect(await row(page, warned).getByText('1 条提示').count()).toBe(1);
    expect(await row(page, center).getByText(/条提示/).count()).toBe(0);
    await row(page, warned).getByText('1 条提示').hover();
    await page.getByRole('tooltip').getByText(/自动审查发现需要审核人核实的情况/).waitFor();
    // and the name with markup is text in the list too
    expect(await row(page, warned).innerText()).toContain(MARKUP_NAME);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);

    // when: its task is opened
    await row(page, warned).getByRole('link', { name: /办理/ }).click();
    await page.getByRole('heading', { name: `市级初审：${warned}` }).waitFor();

    // then: the territorial warning, in Chinese, above everything else
    const warnings = page.getByRole('region', { name: '自动审查提示' });
    await warnings.getByText('自动审查发现 1 条提示，请在办理前逐条核实').waitFor();
    expect(await warnings.innerText()).toContain(`统一社会信用代码显示企业登记地属于唐山市，与推荐单位${unitById(UNIT)!.name}不一致，请按属地原则核实`);

    // and the review form's 项目名称 is the literal name, which no script or element came from
    await waitForForm(page);
    const form = page.locator('.fjs-form');
    await expect.poll(() => form.innerText(), { timeout: 15_000 }).toContain(`项目名称： ${projectName}`);
    expect(await form.locator('script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.close();
  });

  it('shows the 体验中心 category whole in the list and in the category filter', async () => {
    // given
    const page = await newPage();
    await signInThroughPage(page, base, reviewer);
    await waitForPage(page, `${base}/tasks`);
    await row(page, center).waitFor();

    // then: the list's category is the whole label, not clipped
    const category = row(page, center).getByTestId('task-category');
    expect(await category.innerText()).toBe(EXPERIENCE_CENTER);
    expect(await category.evaluate((element) => element.scrollWidth <= element.clientWidth && element.getBoundingClientRect().right <= window.innerWidth)).toBe(true);

    // when: the filter chooses it
    await page.getByLabel('类别', { exact: true }).click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: EXPERIENCE_CENTER });
    expect(await option.locator('.ant-select-item-option-content').evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await option.click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('template=experience-center');
    await page.locator('[aria-busy="false"] .ant-table').waitFor();
    await expect.poll(() => row(page, warned).count(), { timeout: 15_000 }).toBe(0);
    await row(page, center).waitFor();

    // then: the chosen label shows whole in the closed filter
    const chosen = page.locator('.ant-form-item', { has: page.getByLabel('类别', { exact: true }) }).getByTitle(EXPERIENCE_CENTER);
    expect(await chosen.innerText()).toBe(EXPERIENCE_CENTER);
    expect(await chosen.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.close();
  });

  it('leads each role that has no dashboard from /dashboard to its own page, with no refused request', async () => {
    const cases = [
      { role: 'city-reviewer', account: () => Promise.resolve(reviewer), home: '/tasks', heading: '待办任务' },
      { role: 'expert', account: () => createTestAccount(web.db, 'expert'), home: '/tasks', heading: '待办任务' },
      { role: 'applicant', account: () => createTestAccount(web.db, 'applicant', { enterpriseUscc: randomUscc('130702') }), home: '/portal', heading: '我的申报' },
    ] as const;
    for (const { role, account, home, heading } of cases) {
      // given
      const page = await newPage();
      const refused: string[] = [];
      const scripts: string[] = [];
      page.on('response', (response) => response.status() === 403 && refused.push(response.url()));
      page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
      await signInThroughPage(page, base, await account());
      await waitForPage(page, new RegExp(`${home}$`));

      // when
      await page.goto(`${base}/dashboard`);

      // then
      await waitForPage(page, new RegExp(`${home}$`));
      await page.getByRole('heading', { name: heading }).first().waitFor();
      await page.locator('[aria-busy="false"]').first().waitFor();
      expect({ role, refused, alerts: await page.locator('.ant-alert-error').count() }).toEqual({ role, refused: [], alerts: 0 });
      // the dashboard's chunk (its charts) is not even fetched
      expect(scripts.filter((url) => /DashboardPage/.test(url))).toEqual([]);
      expect(await page.getByRole('menuitem', { name: '工作看板' }).count()).toBe(0);
      await page.close();
    }
  });

  it('gives the province and the expert their own hint on an empty list, never the city’s about 初审', async () => {
    for (const role of ['expert', 'province-officer'] as const) {
      // given
      const page = await newPage();
      await signInThroughPage(page, base, await createTestAccount(web.db, role));
      await waitForPage(page, /\/(tasks|dashboard)$/);

      // when
      await page.goto(`${base}/tasks`);
      await page.locator('[aria-busy="false"] .ant-table').waitFor();

      // then
      const table = page.locator('.ant-table');
      expect(await table.innerText()).not.toMatch(/初审|盖章材料/);
      const open = (await (await page.request.get(`${base}/api/tasks`)).json() as { tasks: unknown[] }).tasks.length;
      // the province's group may hold other test files' tasks in a full run; an expert's list is its own
      if (role === 'expert' || open === 0) {
        await table.getByText(role === 'expert' ? '暂无待办任务。省工信厅为您分配评审任务后，任务会出现在这里。' : '暂无待办任务。需要省工信厅办理的流程任务会出现在这里；各市推荐与报送进度请查看工作看板。').waitFor();
      }
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.close();
    }
  });
});
