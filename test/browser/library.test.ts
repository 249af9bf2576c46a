import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { downloadedWorkbook, seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { openTestCall } from '../support/declaration.js';
import { seedProjects, type SeededProject } from '../support/library-projects.js';
import { createTestAccount } from '../support/web.js';

// The provincial library's lists in chromium: the province officer opens 省级项目库 from the menu, narrows it to a call
// and a unit, follows nothing it should not see, and downloads the Excel, read back by cells; a division head has
// the same list in its menu; 石家庄's reviewer sees its own unit's projects only under 本单位项目. Axe-clean pages.

type Credentials = { username: string; password: string };

describe('the library lists in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  const seen = {} as { callTitle: string; callId: string; officer: Credentials; divisionHead: Credentials; reviewer: Credentials; shijiazhuang: SeededProject[]; tangshan: SeededProject[] };

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    // given: a call of its own with two projects of 石家庄 (one in the library, one awaiting formal review) and two of 唐山
    seen.callTitle = `省级库浏览器测试批次${randomBytes(3).toString('hex')}`;
    const call = await openTestCall(web.db, new Date(), { title: seen.callTitle });
    seen.callId = call.id;
    seen.shijiazhuang = await seedProjects(web.db, { callId: call.id, unitId: '130100', projects: [
      { projectName: '石家庄智能排产项目', direction: 'mode-intelligent-manufacturing', template: 'mode-application', status: 'admitted' },
      { projectName: '石家庄数字化管理项目', direction: 'mode-digital-management', template: 'mode-application', status: 'received' },
    ] });
    seen.tangshan = await seedProjects(web.db, { callId: call.id, unitId: '130200', projects: [
      { projectName: '唐山钢铁行业平台', direction: 'industry-platform', template: 'industry-platform', status: 'admitted' },
      { projectName: '唐山港口协同项目', direction: 'mode-networked-collaboration', template: 'mode-application', status: 'exited' },
    ] });
    seen.officer = await createTestAccount(web.db, 'province-officer');
    seen.divisionHead = await createTestAccount(web.db, 'division-head');
    seen.reviewer = await createTestAccount(web.db, 'city-reviewer', { unitId: '130100' });
  }, 180_000);
  afterAll(() => closeBrowserHarness({ web, browser }));

  const newPage = () => browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  const tableRows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => (cell as HTMLElement).innerText.trim())));
  /** Picks an option of a filter by typing its label. */
  const choose = async (page: Page, label: string, option: string) => {
    await page.getByLabel(label, { exact: true }).click();
    await page.getByLabel(label, { exact: true }).fill(option);
    await page.locator('.ant-select-item-option', { hasText: option }).first().click();
  };
  const settled = (page: Page) => page.locator('[aria-busy="false"]:has(.ant-table)').first().waitFor();

  it('lets the province officer narrow the library to a call and a unit, and download that list as Excel', async () => {
    const page = await newPage();
    await signInThroughPage(page, base, seen.officer);
    await waitForPage(page, `${base}/dashboard`);
    // when: 省级项目库 from the menu, then the call
    await page.getByRole('menuitem', { name: '省级项目库' }).click();
    await waitForPage(page, `${base}/library`);
    await page.getByRole('heading', { name: '省级重点项目库' }).waitFor();
    await choose(page, '申报批次', seen.callTitle);
    // then: the call's four projects of both units, in project-number order, each linking to its project page
    await expect.poll(() => page.url()).toContain(`callId=${seen.callId}`);
    await settled(page);
    await expect.poll(async () => (await tableRows(page)).map((r) => r[1])).toEqual(['石家庄智能排产项目', '石家庄数字化管理项目', '唐山钢铁行业平台', '唐山港口协同项目']);
    const link = page.getByRole('link', { name: '石家庄智能排产项目' });
    expect(await link.getAttribute('href')).toBe(`/projects/${seen.shijiazhuang[0]!.projectId}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // when: 唐山市 as the unit
    await choose(page, '推荐单位', '唐山市');
    // then: 唐山's two, with unit, direction, category and status
    await expect.poll(() => page.url()).toContain('unitId=130200');
    await settled(page);
    await expect.poll(async () => (await tableRows(page)).map((r) => [r[0], r[1], r[3], r[4], r[5], r[6]])).toEqual([
      [seen.tangshan[0]!.projectNumber, '唐山钢铁行业平台', '唐山市', '行业（区域）级工业互联网平台', '行业（区域）级工业互联网平台类', '在库'],
      [seen.tangshan[1]!.projectNumber, '唐山港口协同项目', '唐山市', '网络化协同', '模式应用类', '退库'],
    ]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // when: 导出Excel
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出Excel/ }).click()]);
    // then: the same two projects, by cells, and the filters that made the list
    expect(download.suggestedFilename()).toMatch(/^省级重点项目库名单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = await downloadedWorkbook(download);
    const sheet = book.getWorksheet('省级重点项目库')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('项目名称');
    expect([2, 3].map((n) => [1, 2, 4, 5, 9].map((c) => sheet.getRow(n).getCell(c).value))).toEqual(seen.tangshan.map((p, i) => [p.projectNumber, p.projectName, p.uscc, '唐山市', ['在库', '退库'][i]]));
    expect(sheet.rowCount).toBe(3);
    expect(book.getWorksheet('筛选条件')!.getRow(2).values).toEqual([undefined, '推荐单位', '唐山市']);

    // and the PDF of the same list downloads
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出PDF/ }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^省级重点项目库名单-\d{4}-\d{2}-\d{2}\.pdf$/);
    await page.close();
  });

  it('gives a division head the library in its menu', async () => {
    const page = await newPage();
    await signInThroughPage(page, base, seen.divisionHead);
    await page.getByRole('menuitem', { name: '省级项目库' }).click();
    await waitForPage(page, `${base}/library`);
    await page.goto(`${base}/library?callId=${seen.callId}&status=admitted`);
    await settled(page);
    await expect.poll(async () => (await tableRows(page)).map((r) => r[1])).toEqual(['石家庄智能排产项目', '唐山钢铁行业平台']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows 石家庄’s reviewer its own unit’s projects only, under 本单位项目', async () => {
    const page = await newPage();
    await signInThroughPage(page, base, seen.reviewer);
    await waitForPage(page, `${base}/tasks`);
    // when: 本单位项目 from the menu, narrowed to the call; once more asking for 唐山 in the address
    await page.getByRole('menuitem', { name: '本单位项目' }).click();
    await waitForPage(page, `${base}/unit/projects`);
    await page.getByRole('heading', { name: '本单位入库项目' }).waitFor();
    await choose(page, '申报批次', seen.callTitle);
    await settled(page);
    // then: its two, with their statuses; no unit filter to choose
    await expect.poll(async () => (await tableRows(page)).map((r) => [r[1], r[5]])).toEqual([['石家庄智能排产项目', '在库'], ['石家庄数字化管理项目', '待形式审查']]);
    expect(await page.getByLabel('推荐单位', { exact: true }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.goto(`${base}/unit/projects?callId=${seen.callId}&unitId=130200`);
    await settled(page);
    await expect.poll(async () => (await tableRows(page)).map((r) => r[1])).toEqual(['石家庄智能排产项目', '石家庄数字化管理项目']);
    expect(await page.getByText('唐山钢铁行业平台').count()).toBe(0);
    // the province's list is not the unit's page
    await page.goto(`${base}/library`);
    await waitForPage(page, `${base}/tasks`);
    await page.close();
  });
});
