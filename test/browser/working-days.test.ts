import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../domain/working-days.js';
import { hasHorizontalScroll, seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { createTestAccount } from '../support/web.js';

// The working-day calendar page (工作日历) in chromium: the shipped year shows its rows as 待核对; the officer chooses
// a year three years ahead (no window of any test reaches it), adds a holiday, saves and sees it after a reload; a
// 调休 on a weekday is refused naming its row, and nothing is stored.

/** The first date (YYYY-MM-DD) of March of `year` falling on `weekday` (0 = Sunday). */
function firstInMarch(year: number, weekday: number): string {
  const day = new Date(Date.UTC(year, 2, 1));
  while (day.getUTCDay() !== weekday) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

describe('the working-day calendar page in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  const thisYear = Number(beijingDate(new Date()).slice(0, 4));
  const year = thisYear + 3;
  const holiday = firstInMarch(year, 1);
  const wednesday = firstInMarch(year, 3);
  const stored = async () => (await web.db.query(
    "SELECT to_char(day, 'YYYY-MM-DD') AS date, kind, name, checked, updated_by FROM special_day WHERE extract(year FROM day) = $1 ORDER BY day", [year])).rows;

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    await web.db.query('DELETE FROM special_day WHERE extract(year FROM day) = $1', [year]);
  }, 120_000);
  afterAll(async () => {
    await web?.db.query('DELETE FROM special_day WHERE extract(year FROM day) = $1', [year]);
    await closeBrowserHarness({ web, browser });
  });

  const looksRight = async (page: Page) => {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
  };
  const settled = (page: Page) => page.locator('[aria-busy="false"]').first().waitFor();
  const pickDate = async (page: Page, row: number, date: string) => {
    const picker = page.getByLabel(`第 ${row} 行日期`);
    await picker.click();
    await picker.fill(date);
    await picker.press('Enter');
    await expect.poll(() => picker.inputValue()).toBe(date);
  };
  const choose = async (page: Page, label: string, option: string) => {
    await page.getByLabel(label).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  };

  it('adds a holiday to a year and keeps it; refuses a 调休 on a weekday naming the row, storing nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const officer = await createTestAccount(web.db, 'province-officer');
    await signInThroughPage(page, base, officer);
    await waitForPage(page, `${base}/dashboard`);
    await page.getByRole('link', { name: '工作日历' }).click();
    await waitForPage(page, /\/working-days/);
    await settled(page);
    // this year's shipped rows (2026 and 2027 are shipped) wait to be checked
    if (thisYear === 2026 || thisYear === 2027) {
      await page.getByText(/有 \d+ 条日期待核对/).waitFor();
      expect(await page.locator('.ant-tag', { hasText: '待核对' }).count()).toBeGreaterThan(10);
    }
    await looksRight(page);

    // when: the officer chooses the year, adds a holiday and saves
    await choose(page, '年份', `${year} 年`);
    await waitForPage(page, new RegExp(`year=${year}`));
    await page.getByText(`${year} 年还没有节假日或调休上班日`).waitFor();
    await page.getByRole('button', { name: '添加日期' }).click();
    await pickDate(page, 1, holiday);
    await page.getByLabel('第 1 行名称').fill('测试假日');
    expect(await page.getByRole('cell', { name: '星期一', exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: '保存全部' }).click();
    // then: saved, shown, stored
    await page.getByText(`${year} 年工作日历已保存`).waitFor();
    expect(await stored()).toEqual([{ date: holiday, kind: 'holiday', name: '测试假日', checked: true, updated_by: officer.username }]);
    await page.reload();
    await settled(page);
    await expect.poll(() => page.getByLabel('第 1 行日期').inputValue()).toBe(holiday);
    expect(await page.getByLabel('第 1 行名称').inputValue()).toBe('测试假日');
    expect(await page.getByRole('row').filter({ hasText: officer.username }).count()).toBe(1);

    // when: a 调休上班 on a Wednesday is added
    await page.getByRole('button', { name: '添加日期' }).click();
    await pickDate(page, 2, wednesday);
    await choose(page, '第 2 行类型', '调休上班');
    await page.getByLabel('第 2 行名称').fill('错误调休');
    await page.getByRole('button', { name: '保存全部' }).click();
    // then: refused, naming the row; nothing stored
    const alert = page.getByRole('alert').filter({ hasText: '保存失败' });
    await alert.getByText(`第 2 行（${wednesday} 错误调休）：星期三本来就上班，不能列为调休上班日（调休上班日只能是周六或周日）`).waitFor();
    expect(await alert.innerText()).toContain('工作日历有 1 处问题，未保存任何修改');
    await looksRight(page);
    expect(await stored()).toEqual([{ date: holiday, kind: 'holiday', name: '测试假日', checked: true, updated_by: officer.username }]);
    await page.reload();
    await settled(page);
    await page.getByLabel('第 1 行名称').waitFor();
    expect(await page.getByLabel('第 2 行名称').count()).toBe(0);
    await page.close();
  });
});
