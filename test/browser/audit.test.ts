import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { draftAndSubmit, openTestCall, randomUscc, sealAndSend, validModeData } from '../support/declaration.js';
import { createTestAccount, signIn } from '../support/web.js';

// 操作日志 in chromium: the officer filters by action and by application number, sees actor and Beijing time, and
// downloads the Excel export through the page; the applicant's status page shows its 办理记录. Axe-clean pages.

type Credentials = { username: string; password: string };
const beijing = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

describe('the audit page and the application’s trail in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  const seen = {} as { officer: Credentials; applicant: Credentials; applicationId: string; applicationNumber: string; callId: string };

  /**
   * given: the actions the audit page is shown with. The enterprise submits an application and seals it; the
   * officer saves the call's indicators. (Actions of other areas — registrations, accounts, messages — go here too.)
   */
  async function given(): Promise<void> {
    const call = await openTestCall(web.db);
    seen.callId = call.id;
    seen.officer = await createTestAccount(web.db, 'province-officer');
    const uscc = randomUscc();
    seen.applicant = await createTestAccount(web.db, 'applicant', { enterpriseUscc: uscc });
    const applicant = await signIn(web.app, seen.applicant);
    const submitted = await draftAndSubmit(web.app, applicant, call.id, await validModeData(web.app, applicant, uscc));
    expect(submitted.response.statusCode, submitted.response.body).toBe(200);
    seen.applicationId = submitted.id;
    seen.applicationNumber = (submitted.response.json() as { applicationNumber: string }).applicationNumber;
    await sealAndSend(web.app, web.db, applicant, submitted.id);
    const officer = await signIn(web.app, seen.officer);
    const indicators = await web.app.inject({ method: 'PUT', url: `/api/calls/${call.id}/indicators`, headers: officer, payload: { indicators: [{ unitId: '130100', target: 30, isCap: false }] } });
    expect(indicators.statusCode, indicators.body).toBe(200);
  }

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    await given();
  }, 180_000);
  afterAll(() => closeBrowserHarness({ web, browser }));

  const newPage = () => browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const tableRows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => (cell as HTMLElement).innerText.trim())));
  const search = async (page: Page) => {
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    await page.locator('[aria-busy="false"]').first().waitFor();
  };

  it('lets the officer filter by action and by application number, and export what it shows', async () => {
    const page = await newPage();
    await signInThroughPage(page, base, seen.officer);
    await waitForPage(page, `${base}/dashboard`);
    // when: the menu's 操作日志, then the action 提交申报
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    await waitForPage(page, `${base}/audit`);
    await page.getByRole('heading', { name: '操作日志' }).waitFor();
    await page.getByLabel('操作', { exact: true }).click();
    await page.getByLabel('操作', { exact: true }).fill('提交申报');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await search(page);
    // then: our submission among the rows, with the applicant, its role and Beijing time
    await expect.poll(() => page.url()).toContain('action=application.submitted');
    const api = await web.app.inject({ method: 'GET', url: `/api/audit?applicationId=${seen.applicationId}`, headers: await signIn(web.app, seen.officer) });
    const entries = (api.json() as { rows: { at: string; action: string }[] }).rows;
    const submittedAt = beijing(entries.find((e) => e.action === 'application.submitted')!.at);
    await expect.poll(async () => (await tableRows(page)).find((r) => r[7] === seen.applicationNumber)).toEqual(
      [submittedAt, `测试 applicant（${seen.applicant.username}）`, '申报企业', '提交申报', `application:${seen.applicationNumber}`, expect.any(String), '石家庄市', seen.applicationNumber, expect.stringContaining('查看')]);
    expect((await tableRows(page)).every((r) => r[3] === '提交申报')).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // when: no action, the application's number instead
    await page.getByRole('button', { name: /清空条件/ }).click();
    await page.getByLabel('申报编号', { exact: true }).fill(seen.applicationNumber);
    await search(page);
    // then: its sealed scans and its submission, newest first
    await expect.poll(() => page.url()).toBe(`${base}/audit?applicationId=${seen.applicationNumber}`);
    await expect.poll(async () => (await tableRows(page)).map((r) => r[3])).toEqual(['上传盖章材料', '提交申报']);
    expect((await tableRows(page)).map((r) => r[0])).toEqual(entries.map((e) => beijing(e.at)));
    // the details open on a click
    await page.getByText('查看').first().click();
    await page.locator('pre', { hasText: 'sealedMaterials' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // when: 导出Excel
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出Excel/ }).click()]);
    // then: the same rows, by cells
    expect(download.suggestedFilename()).toMatch(/^操作日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = (await workbookOf(download)).getWorksheet('操作日志')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '时间（北京时间）', '操作人', '角色', '操作', '对象', '批次', '单位', '申报编号', '详情']);
    const cells = (row: number) => [1, 2, 3, 4, 5, 7, 8].map((column) => sheet.getRow(row).getCell(column).value);
    const minute = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
    expect([cells(2), cells(3)]).toEqual(entries.map((e) => [
      minute(e.at), `测试 applicant（${seen.applicant.username}）`, '申报企业', e.action === 'application.submitted' ? '提交申报' : '上传盖章材料',
      `application:${seen.applicationNumber}`, '石家庄市', seen.applicationNumber,
    ]));
    expect(sheet.rowCount).toBe(3);
    await page.close();
  });

  it('shows the applicant its application’s 办理记录 on the status page', async () => {
    const page = await newPage();
    await signInThroughPage(page, base, seen.applicant);
    await waitForPage(page, `${base}/portal`);
    // when
    await page.goto(`${base}/applications/${seen.applicationId}`);
    // then: the submission and the sealed scans by the enterprise's own account, the statuses between
    const trail = page.locator('.ant-card', { hasText: '办理记录' });
    await trail.getByText('提交申报').waitFor();
    const events = await trail.getByTestId('trail-event').allInnerTexts();
    expect(events.find((e) => e.includes('提交申报'))).toContain('测试 applicant');
    expect(events.some((e) => e.includes('上传盖章材料'))).toBe(true);
    expect(events.some((e) => e.includes('系统'))).toBe(true);
    expect(events.join('\n')).not.toContain(seen.applicant.username);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});

// helpers

async function workbookOf(download: Download): Promise<ExcelJS.Workbook> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream())!) chunks.push(Buffer.from(chunk as Buffer));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.concat(chunks) as never);
  return book;
}
