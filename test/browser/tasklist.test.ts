import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillSteadily, hasHorizontalScroll, seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { draftAndSubmit, newApplicant, openTestCall, randomUscc, sealAndSend, validModeData } from '../support/declaration.js';
import { createTestAccount } from '../support/web.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

// The tasklist in chromium at 1366×768: filters, a saved filter that survives a reload, claiming (a colleague sees
// who has it and cannot complete it), and the task page — files previewed beside the form, the diagram with the
// current step marked, the history, comments — then completion back to the list.

describe('the tasklist in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  let applicationNumber = '';
  const reviewer = { username: '', password: '' };
  const colleague = { username: '', password: '' };
  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    const call = await openTestCall(web.db);
    // 沧州, a unit no other test declares to, so its reviewers' list holds just this application
    const applicant = await newApplicant(web.app, web.db, randomUscc('130902'));
    const { id, response } = await draftAndSubmit(web.app, applicant.headers, call.id, await validModeData(web.app, applicant.headers, applicant.uscc, { declaredUnit: '130900' }));
    applicationNumber = response.json().applicationNumber;
    await sealAndSend(web.app, web.db, applicant.headers, id);
    for (const [person, name] of [[reviewer, '张审核'], [colleague, '李复核']] as const) {
      Object.assign(person, await createTestAccount(web.db, 'city-reviewer', { unitId: '130900' }));
      await web.db.query('UPDATE account SET display_name = $2 WHERE username = $1', [person.username, name]);
    }
  }, 120_000);
  afterAll(() => closeBrowserHarness({ web, browser }));

  const newPage = () => browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const row = (page: Page) => page.getByRole('row', { name: new RegExp(applicationNumber) });
  // The rows once the list has loaded (while it loads, it shows none).
  const settledRows = async (page: Page) => {
    await page.locator('[aria-busy="false"] .ant-table').waitFor();
    return row(page).count();
  };
  // antd spaces out two-character Chinese button labels (认 领), so buttons are found by pattern.
  const choose = async (page: Page, label: string, option: string) => {
    await page.getByLabel(label, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  };

  it('narrows the list by stage, keeps a saved filter across a reload, and shows who claimed a task', async () => {
    // given
    const page = await newPage();
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await signInThroughPage(page, base, reviewer);
    await waitForPage(page, `${base}/tasks`);
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
    await row(page).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    // the list does not download the diagram viewer
    expect(scripts.filter((url) => /ProcessDiagram|bpmn-js/.test(url))).toEqual([]);

    // when: another stage is chosen, then the preliminary review
    await choose(page, '阶段', '推荐至省厅');
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('stage=CityRecommendation');
    await expect.poll(() => settledRows(page), { timeout: 15_000 }).toBe(0);
    await choose(page, '阶段', '市级初审');
    await row(page).waitFor();

    // when: saved under a name, cleared, and the page loaded afresh
    await page.getByRole('button', { name: '保存筛选…' }).click();
    await page.getByLabel('筛选名称').fill('我的初审');
    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByText('已保存筛选“我的初审”').waitFor();
    await page.goto(`${base}/tasks`);
    await row(page).waitFor();
    await choose(page, '已保存的筛选', '我的初审');
    // then: the saved criteria are back
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('stage=CityReview');
    await row(page).waitFor();

    // when: the reviewer claims the task
    await row(page).getByRole('button', { name: /认\s*领/ }).click();
    // then: the list names the assignee
    await expect.poll(() => row(page).innerText(), { timeout: 15_000 }).toContain('张审核');
    await page.close();

    // and a colleague sees who has it, and cannot submit it
    const other = await newPage();
    await signInThroughPage(other, base, colleague);
    await waitForPage(other, `${base}/tasks`);
    await expect.poll(() => row(other).innerText(), { timeout: 15_000 }).toContain('张审核');
    await row(other).getByRole('link', { name: /办理/ }).click();
    await other.getByText('该任务已由 张审核 认领，只有认领人可以办理。').waitFor();
    await expect.poll(() => other.getByRole('button', { name: '提交初审意见' }).isDisabled(), { timeout: 15_000 }).toBe(true);
    await other.close();
  });

  it('shows the application and its files beside the form, the diagram with the current step, the history and comments; then completes', async () => {
    // given
    const page = await newPage();
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await signInThroughPage(page, base, reviewer);
    await waitForPage(page, `${base}/tasks`);
    await row(page).getByRole('link', { name: /办理/ }).click();
    await page.getByRole('heading', { name: `市级初审：${applicationNumber}` }).waitFor();

    // then: the application, its files previewed (a PDF inline), beside the review form
    await page.getByText('石家庄示例装备制造有限公司').first().waitFor();
    const preview = page.locator('iframe[title^="预览："]');
    await preview.waitFor();
    expect(await preview.getAttribute('src')).toMatch(/^\/api\/attachments\/[0-9a-f-]+\?disposition=inline$/);
    const served = await page.request.get(`${base}${await preview.getAttribute('src')}`);
    expect([served.headers()['content-type'], served.headers()['content-disposition']?.split(';')[0]]).toEqual(['application/pdf', 'inline']);
    await expect.poll(() => page.getByRole('button', { name: '提交初审意见' }).isEnabled(), { timeout: 15_000 }).toBe(true);

    // the diagram, loaded on demand, marks the current step
    await page.locator('.djs-element.current-step[data-element-id="CityReview"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('.djs-element.completed-step[data-element-id="SealedScans"]').count()).toBe(1);
    expect(scripts.some((url) => /ProcessDiagram/.test(url))).toBe(true);
    await page.getByText('当前步骤：市级初审').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);

    // the history: the application's statuses and the steps
    await page.getByRole('tab', { name: '办理记录' }).click();
    const history = page.getByRole('tabpanel', { name: '办理记录' });
    await history.getByText('待上传盖章材料', { exact: true }).waitFor();
    await history.getByText('市级初审中', { exact: true }).waitFor();
    await history.getByText('上传盖章材料', { exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // a comment appears with its author
    await page.getByLabel('评论内容').fill('已核对营业执照与备案文件。');
    await page.getByRole('button', { name: '发表评论' }).click();
    const comment = page.locator('.ant-list-item', { hasText: '已核对营业执照与备案文件。' });
    await comment.waitFor();
    expect(await comment.innerText()).toContain('张审核');

    // when: the review is submitted
    await page.getByLabel('通过（纳入市级重点项目库）').check();
    await fillSteadily(page, '初审意见', '同意纳入市级重点项目库。');
    await page.getByRole('button', { name: '提交初审意见' }).click();
    // then: back to the list, and the next stage of the application is there
    await waitForPage(page, `${base}/tasks`);
    await choose(page, '阶段', '推荐至省厅');
    await expect.poll(async () => {
      await page.reload();
      return settledRows(page);
    }, { timeout: 30_000 }).toBe(1);
    await page.close();
  });
});
