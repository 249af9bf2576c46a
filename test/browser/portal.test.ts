import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHorizontalScroll, seriousAccessibilityViolations, signInThroughPage } from '../support/browser.js';
import { draftAndSubmit, openTestCall, randomUscc, sealAndSend, validModeData } from '../support/declaration.js';
import { pdfText } from '../support/documents.js';
import { createTestAccount, signIn } from '../support/web.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

// The web application in a real browser at 1366×768: sign-in, the applicant's portal and status page, the
// reviewer's task list, the province's dashboard — in Chinese, accessible, without sideways scrolling.

describe('the web application in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  const applicant = { uscc: randomUscc(), credentials: { username: '', password: '' } };
  let applicationNumber = '';
  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    // an application of this enterprise, waiting at its city
    const call = await openTestCall(web.db);
    applicant.credentials = await createTestAccount(web.db, 'applicant', { enterpriseUscc: applicant.uscc });
    const headers = await signIn(web.app, applicant.credentials);
    const { id, response } = await draftAndSubmit(web.app, headers, call.id, await validModeData(web.app, headers, applicant.uscc));
    applicationNumber = response.json().applicationNumber;
    await sealAndSend(web.app, web.db, headers, id);
  }, 120_000);
  afterAll(() => closeBrowserHarness({ web, browser }));

  it('signs an applicant in, shows its applications and the status of one, accessibly, at 1366×768', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await page.goto(`${base}/login`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // a wrong password is answered in Chinese
    await signInThroughPage(page, base, { ...applicant.credentials, password: 'wrong-password' });
    await expect.poll(() => page.getByText('用户名或密码错误。').count(), { timeout: 15_000 }).toBe(1);
    // the right one leads to the portal
    await signInThroughPage(page, base, applicant.credentials);
    await page.waitForURL(`${base}/portal`);
    await page.getByRole('heading', { name: '我的申报' }).waitFor();
    await page.getByText(applicationNumber).waitFor();
    expect(await page.getByText('市级初审中').count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    // the status page: every status with its date
    await page.getByRole('link', { name: '查看进度' }).first().click();
    await page.getByRole('heading', { name: '申报进度' }).waitFor();
    for (const status of ['已提交', '自动审查中', '待上传盖章材料']) await page.getByText(status, { exact: true }).first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    // the receipt: a PDF with the number and the fingerprint of what was submitted
    const receiptLink = page.getByRole('link', { name: /下载申报回执/ });
    const receipt = await page.request.get(`${base}${await receiptLink.getAttribute('href')}`);
    expect(receipt.headers()['content-type']).toBe('application/pdf');
    expect((await pdfText(await receipt.body())).replace(/\s+/g, '')).toContain(applicationNumber);
    // change the password, as the menu offers
    await page.getByRole('link', { name: '修改密码' }).click();
    await page.getByLabel('原密码').fill(applicant.credentials.password);
    await page.getByLabel('新密码', { exact: true }).fill('a-brand-new-password');
    await page.getByLabel('再次输入新密码').fill('a-brand-new-password');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /修改密码/ }).click();
    await page.getByText(/密码已修改/).waitFor();
    // sign out
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${base}/login`);
    await page.close();
  });

  it('shows the reviewer its unit’s task, and another unit’s reviewer nothing of it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'city-reviewer', { unitId: '130100' }));
    await page.waitForURL(`${base}/tasks`);
    await page.getByText(applicationNumber).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
    const other = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signInThroughPage(other, base, await createTestAccount(web.db, 'city-reviewer', { unitId: '130200' }));
    await other.waitForURL(`${base}/tasks`);
    await other.getByRole('heading', { name: '待办任务' }).waitFor();
    await other.waitForLoadState('networkidle');
    expect(await other.getByText(applicationNumber).count()).toBe(0);
    await other.close();
  });

  it('shows the province its dashboard of all fourteen units', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'province-officer'));
    await page.waitForURL(`${base}/dashboard`);
    // the page has several tables (and a chart naming the units): look at the per-unit one
    const units = page.getByRole('region', { name: '各市推荐情况' });
    await units.getByRole('cell', { name: '雄安新区' }).waitFor();
    expect(await units.locator('tbody tr').count()).toBe(14);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.close();
  });
});
