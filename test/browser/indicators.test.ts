import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../domain/call.js';
import { insertRecommendation, listIndicators } from '../../store/recommendation-repository.js';
import { downloadedWorkbook, hasHorizontalScroll, seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { openTestCall } from '../support/declaration.js';
import { seedLibrary } from '../support/library.js';
import { createTestAccount } from '../support/web.js';

// The indicators page in chromium: the officer exports the 附件1 sheet, edits it with exceljs (秦皇岛市 to a cap),
// imports it through the page, and the new figures show on the province dashboard and on 秦皇岛市's own dashboard;
// a sheet naming an unknown unit is refused with its row, and neither the table nor the database changed.

const SHEET = '附件1 指标分配表';

describe('the indicators (附件1) page in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  let call: Call;

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    call = await openTestCall(web.db);
    // 秦皇岛市: two applications in its library, one recommended
    const [first] = await seedLibrary(web.db, { callId: call.id, unitId: '130300', count: 2 });
    await insertRecommendation(web.db, { callId: call.id, unitId: '130300', applicationId: first!.id, isCityPlatform: false, opinion: '同意推荐', createdBy: 'test' });
    await web.db.query("INSERT INTO unit_indicator (call_id, unit_id, target, is_cap, updated_by) VALUES ($1, '130100', 150, false, 'test'), ($1, '130300', 10, false, 'test')", [call.id]);
  }, 120_000);
  afterAll(() => closeBrowserHarness({ web, browser }));

  const looksRight = async (page: Page) => {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
  };
  const openIndicators = async (page: Page) => {
    await page.goto(`${base}/indicators?call=${call.id}`);
    await page.locator('[aria-busy="false"]').first().waitFor();
    await page.getByLabel('秦皇岛市培育指标').waitFor();
  };
  const shownTable = (page: Page) => page.locator('tbody tr').evaluateAll((rows) => rows.map((row) => {
    const cells = Array.from(row.querySelectorAll('td'));
    return [cells[0]!.textContent, (cells[1]!.querySelector('input') as HTMLInputElement).value, cells[2]!.textContent, cells[3]!.textContent];
  }));
  const importSheet = async (page: Page, book: ExcelJS.Workbook) => {
    await page.locator('input[type=file]').setInputFiles({ name: '附件1-已修改.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await book.xlsx.writeBuffer()) });
  };

  it('imports an edited sheet (one unit to a cap), shown on the province’s and the unit’s dashboards; refuses an unknown unit naming its row', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'province-officer'));
    await waitForPage(page, `${base}/dashboard`);
    await page.getByRole('link', { name: '培育指标' }).click();
    await waitForPage(page, /\/indicators/);
    await openIndicators(page);
    // the floor and the sum of targets
    expect(await page.getByText(/低于全省培育数量（不少于 200 项）/).innerText()).toContain('各市指标合计 160 项');
    await looksRight(page);

    // export, and edit the file: 秦皇岛市 becomes a cap of 3, 唐山市 gets a target of 45
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出附件1/ }).click()]);
    const book = await downloadedWorkbook(download);
    const sheet = book.getWorksheet(SHEET)!;
    expect(sheet.getRow(4).values).toEqual([undefined, 3, '秦皇岛市', 10, '目标', 1]);
    sheet.getRow(4).getCell(3).value = 3;
    sheet.getRow(4).getCell(4).value = '上限';
    sheet.getRow(3).getCell(3).value = 45;
    sheet.getRow(3).getCell(4).value = '目标';
    await importSheet(page, book);
    await page.getByText(/已导入 附件1-已修改\.xlsx/).waitFor();
    const imported = await shownTable(page);
    expect(imported.slice(0, 3)).toEqual([['石家庄市', '150', '目标', '0'], ['唐山市', '45', '目标', '0'], ['秦皇岛市', '3', '上限', '1']]);
    expect(await page.locator('.ant-statistic', { hasText: '各市指标合计' }).innerText()).toMatch(/各市指标合计\s*198\s*项/);

    // the province dashboard shows the cap and the progress
    await page.goto(`${base}/dashboard?call=${call.id}`);
    const units = page.getByRole('region', { name: '各市推荐情况' });
    const qinhuangdao = units.getByRole('row', { name: /秦皇岛市/ });
    await qinhuangdao.getByText('3（上限）').waitFor();
    expect((await qinhuangdao.getByRole('cell').allInnerTexts()).slice(0, 6)).toEqual(['秦皇岛市', '3（上限）', '2', '0', '2', '1']);
    expect(await qinhuangdao.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('33');

    // 秦皇岛市's reviewer sees it on the unit's own dashboard
    const reviewer = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(reviewer, base, await createTestAccount(web.db, 'city-reviewer', { unitId: '130300' }));
    await waitForPage(reviewer, /\/tasks/);
    await reviewer.getByRole('link', { name: '本单位概况' }).click();
    await waitForPage(reviewer, /\/unit\/dashboard/);
    await reviewer.goto(`${base}/unit/dashboard?call=${call.id}`);
    const progress = reviewer.getByRole('region', { name: '培育指标完成情况' });
    await progress.waitFor();
    expect(await progress.innerText()).toContain('已推荐 1 项 / 培育指标 3 项（上限：推荐数量不得超过）');
    expect(await reviewer.getByRole('heading', { level: 1 }).innerText()).toBe('本单位概况（秦皇岛市）');
    expect(await reviewer.getByRole('region', { name: '本单位申报和推荐情况' }).innerText()).toMatch(/已申报\s*2\s*项[\s\S]*市级重点项目库\s*2\s*项[\s\S]*已推荐\s*1\s*项/);
    expect(await reviewer.getByText('已达到指标上限').count()).toBe(0); // 1 of 3
    await reviewer.getByText('未开始').waitFor();
    await looksRight(reviewer);
    await reviewer.close();

    // a sheet with an unknown unit: refused naming its row; the table and the database as before
    await openIndicators(page);
    const tableBefore = await shownTable(page);
    const stored = await listIndicators(web.db, call.id);
    sheet.addRow([15, '北京市', 8, '目标']);
    sheet.getRow(5).getCell(3).value = 7; // a valid change on another row must not be saved either
    sheet.getRow(5).getCell(4).value = '目标';
    await importSheet(page, book);
    const problems = page.getByRole('list', { name: '导入或保存的问题' });
    await problems.waitFor();
    expect(await problems.getByRole('listitem').allInnerTexts()).toEqual(['第 16 行：未知的推荐单位「北京市」']);
    expect(await page.getByText(/导入失败：附件1表格有 1 处问题，未导入任何指标/).count()).toBe(1);
    expect(await shownTable(page)).toEqual(tableBefore);
    expect(await listIndicators(web.db, call.id)).toEqual(stored);
    await looksRight(page);
    await page.close();
  });
});
