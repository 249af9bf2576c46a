import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { hasHorizontalScroll, seriousAccessibilityViolations, signInThroughPage, waitForForm, waitForPage } from '../support/browser.js';
import { testEngine } from '../support/engine.js';
import { receivedBatch } from '../support/project-fixture.js';
import { createTestAccount, signIn } from '../support/web.js';

// 形式审查 in chromium at 1366×768: the province officer opens the page from the menu, sees the unit whose batch
// arrived, opens its batch (the check and its projects) and follows 办理形式审查 to the project's task page. Axe-clean.

const UNIT = '131000'; // 廊坊

describe('the province’s received batches in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  const { client } = testEngine();
  let officer: { username: string; password: string };
  let batch: Awaited<ReturnType<typeof receivedBatch>>;

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    // given: 廊坊's batch of one, received at the province and waiting at its formal review
    officer = await createTestAccount(web.db, 'province-officer');
    batch = await receivedBatch(web, client, await signIn(web.app, officer), UNIT, 1);
  }, 180_000);
  afterAll(() => closeBrowserHarness({ web, browser }));

  const newPage = () => browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const settled = (page: Page) => page.locator('[aria-busy="false"] .ant-table').first().waitFor();

  it('leads the officer from the menu to a submitted unit’s batch and on to its formal review task', async () => {
    const page = await newPage();
    const [{ project, taskId }] = batch.projects as [typeof batch.projects[0]];
    await signInThroughPage(page, base, officer);
    await waitForPage(page, `${base}/dashboard`);
    // when: 形式审查 in the menu, in sight (not folded away)
    const entry = page.getByRole('menuitem', { name: '形式审查' });
    expect(await entry.isVisible()).toBe(true);
    await entry.click();
    await waitForPage(page, `${base}/province/batches`);
    await page.getByRole('heading', { name: '形式审查', level: 1 }).waitFor();
    // the call of this batch, as a shared link (the server serves the page on a reload)
    await page.goto(`${base}/province/batches?call=${batch.call.id}`);
    await settled(page);
    // then: 廊坊 submitted, with its scan, matching its recommendation, one project awaiting review
    const row = page.getByRole('row', { name: /廊坊市/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/已报送省厅[\s\S]*已上传[\s\S]*一致[\s\S]*共 1 项：待形式审查 1/);
    expect(await page.getByRole('row', { name: /石家庄市/ }).innerText()).toMatch(/未开始/);
    expect(await page.getByRole('button', { name: '查看批次：石家庄市' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);

    // when: the officer opens 廊坊's batch
    await page.getByRole('button', { name: '查看批次：廊坊市' }).click();
    const review = page.getByRole('region', { name: '廊坊市的推荐批次' });
    await review.waitFor();
    // then: the check — the sealed scan and the 推荐表 to download, the entry's rank and opinion — and the project
    expect(await review.getByRole('link', { name: '推荐表（盖章）.pdf' }).getAttribute('href')).toBe(`/api/attachments/${batch.scan.id}`);
    expect(await review.getByRole('link', { name: '下载推荐表 PDF' }).count()).toBe(1);
    const entryRow = review.getByRole('row', { name: new RegExp(project.projectNumber) }).first();
    expect(await entryRow.innerText()).toMatch(/1[\s\S]*同意推荐[\s\S]*与推荐一致/);
    const projectRow = review.getByRole('row', { name: /办理形式审查/ });
    expect(await projectRow.innerText()).toContain('待形式审查');
    expect(await projectRow.getByRole('link', { name: /^项目详情/ }).getAttribute('href')).toBe(`/projects/${project.id}`);
    expect(page.url()).toContain(`unit=${UNIT}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);

    // when: 办理形式审查
    await projectRow.getByRole('link', { name: /^办理形式审查/ }).click();
    // then: the project's task page with its form
    await waitForPage(page, `${base}/tasks/${taskId}`);
    await waitForForm(page);
    expect(await page.getByText(project.projectNumber).count()).toBeGreaterThan(0);
    await page.close();
  });
});
