import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUnitDeadline } from '../../store/call-repository.js';
import { seriousAccessibilityViolations, signInThroughPage, waitForForm, waitForPage } from '../support/browser.js';
import { createDraft, draftAndSubmit, openTestCall, pdfBytes, randomUscc, sealAndSend, uploadPdf, validModeData, waitForCorrection, waitForStatus } from '../support/declaration.js';
import { createTestAccount, signIn } from '../support/web.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

// The applicant's own pages in chromium: the call's notice on the portal, the identity a new form starts with,
// the status page following the application, the seal page's due date and picker, and the correction page's
// marked fields and stored files.

const DAY = 86_400_000;
const beijing = (date: Date | string) => new Date(date).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

describe('the applicant’s pages in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
  });
  afterAll(() => closeBrowserHarness({ web, browser }));

  /** An applicant of a new 石家庄 enterprise, signed in over HTTP and in a page at the portal. */
  async function applicantAtPortal() {
    const uscc = randomUscc();
    const credentials = await createTestAccount(web.db, 'applicant', { enterpriseUscc: uscc });
    const headers = await signIn(web.app, credentials);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(page, base, credentials);
    await waitForPage(page, `${base}/portal`);
    return { uscc, headers, page };
  }

  const currentStatus = (page: Page) => page.locator('tr', { hasText: '当前状态' }).innerText();

  it('shows the open call’s guide, contacts, deadlines (the unit’s own too) and downloads on the portal', async () => {
    // given: a call of its own, the newest (files run one after another), so the portal offers it; 石家庄's own deadline
    const call = await openTestCall(web.db, new Date(), { title: `门户通知测试批次 ${Date.now()}` });
    const unitDeadline = new Date(Date.now() + 20 * DAY);
    await setUnitDeadline(web.db, call.id, '130100', unitDeadline);
    // when
    const { page } = await applicantAtPortal();
    // then
    const notice = page.getByRole('region', { name: call.title });
    await notice.waitFor();
    await notice.getByText(call.guide.slice(0, 30)).waitFor();
    expect(await notice.locator('tr', { hasText: '企业申报截止时间' }).innerText()).toContain(beijing(call.enterpriseDeadline));
    expect(await notice.locator('tr', { hasText: '石家庄市规定的截止时间' }).innerText()).toContain(beijing(unitDeadline));
    for (const contact of call.contacts) expect(await notice.getByText(contact.phone, { exact: false }).count()).toBeGreaterThan(0);
    for (const download of call.downloads) expect(await notice.getByRole('link', { name: download.title }).getAttribute('href')).toBe(download.url);
    expect(await page.getByRole('button', { name: `开始填写（${call.title}）` }).count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('starts a new form with the account’s enterprise name and its own USCC, read-only, and shows a stored file', async () => {
    // given
    const call = await openTestCall(web.db);
    const { uscc, headers, page } = await applicantAtPortal();
    // when: a draft is started from the portal
    await page.getByRole('button', { name: /开始填写/ }).click();
    await waitForPage(page, /\/applications\/[0-9a-f-]+\/edit$/);
    await waitForForm(page);
    // then: the enterprise is the account's, its USCC not to be typed
    await expect.poll(() => page.getByLabel('企业名称').inputValue(), { timeout: 15_000 }).toBe('测试 applicant');
    const usccField = page.locator('input[id$="-uscc"]');
    expect(await usccField.inputValue()).toBe(uscc);
    expect(await usccField.isEditable()).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // and the server takes no other USCC anyway
    const other = await draftAndSubmit(web.app, headers, call.id, await validModeData(web.app, headers, randomUscc()));
    expect(other.response.statusCode).toBe(400);
    expect(other.response.json().fields).toContainEqual(expect.objectContaining({ path: 'data.uscc' }));

    // when: a draft holds a file uploaded before
    const id = await createDraft(web.app, headers, call.id);
    const license = await uploadPdf(web.app, headers, '营业执照.pdf');
    expect((await web.app.inject({ method: 'PUT', url: `/api/applications/${id}/draft`, headers, payload: { data: { businessLicense: license } } })).statusCode).toBe(200);
    await page.goto(`${base}/applications/${id}/edit`);
    await waitForForm(page);
    // then: its picker names it, with its link, instead of 未选择文件
    const picker = page.locator('.fjs-form-field-filepicker', { hasText: '营业执照（副本）扫描件' });
    await picker.getByRole('link', { name: '营业执照.pdf' }).waitFor({ timeout: 15_000 });
    expect(await picker.getByText('未选择文件').count()).toBe(0);
    expect(await picker.getByText('已上传 1 个文件').count()).toBe(1);
    expect((await page.request.get(`${base}${await picker.getByRole('link', { name: '营业执照.pdf' }).getAttribute('href')}`)).status()).toBe(200);
    await page.close();
  });

  it('follows the application on its status page without a reload until the city has it', async () => {
    // given: an application just submitted, its page open
    const call = await openTestCall(web.db);
    const { uscc, headers, page } = await applicantAtPortal();
    const { id, response } = await draftAndSubmit(web.app, headers, call.id, await validModeData(web.app, headers, uscc));
    expect(response.statusCode, response.body).toBe(200);
    await page.goto(`${base}/applications/${id}`);
    await page.getByRole('heading', { name: '申报进度' }).waitFor();
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    // when: the workers check it and render its documents; then: the page shows the seal step
    await expect.poll(() => currentStatus(page), { timeout: 30_000 }).toContain('待上传盖章材料');
    await page.getByRole('link', { name: '上传盖章材料' }).waitFor();
    // when: the scans are sent through the API, not this page; then: the page follows, in the same document
    await sealAndSend(web.app, web.db, headers, id);
    await expect.poll(() => currentStatus(page), { timeout: 20_000 }).toContain('市级初审中');
    await page.getByText('市级初审中', { exact: true }).last().waitFor();
    expect(await page.getByRole('link', { name: '上传盖章材料' }).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await page.close();
  });

  it('shows the seal step’s due date and takes the sealed scans through antd’s pickers', async () => {
    // given: an application waiting for its sealed scans
    const call = await openTestCall(web.db);
    const { uscc, headers, page } = await applicantAtPortal();
    const { id } = await draftAndSubmit(web.app, headers, call.id, await validModeData(web.app, headers, uscc));
    await waitForStatus(web.db, id, 'awaiting-sealed-scans');
    // when
    await page.goto(`${base}/applications/${id}/seal`);
    await page.getByRole('heading', { name: '上传盖章材料' }).waitFor();
    // then: its due date is the seal task's, and the pickers are antd's, in Chinese
    const step = await web.app.inject({ method: 'GET', url: `/api/applications/${id}/sealed-scans`, headers });
    expect(step.statusCode, step.body).toBe(200);
    const due = step.json().dueDate as string;
    expect(new Date(due).getTime()).toBeGreaterThan(Date.now());
    await page.getByText(`请于 ${beijing(due)} 前上传盖章材料`).waitFor();
    expect(await page.getByRole('button', { name: '选择文件' }).count()).toBe(2);
    expect(await page.locator('.ant-upload input[type=file]').count()).toBe(2);
    expect(await page.locator('input[type=file]:visible').count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // when: both scans are chosen and sent
    await page.locator('#sealedMaterials').setInputFiles({ name: '申报材料（盖章）.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await page.locator('#sealedCommitment').setInputFiles({ name: '承诺书（盖章）.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await page.getByText('申报材料（盖章）.pdf').waitFor();
    await page.getByRole('button', { name: /上传并提交，送市级初审/ }).click();
    // then
    await waitForPage(page, `${base}/applications/${id}`);
    await expect.poll(() => currentStatus(page), { timeout: 20_000 }).toContain('市级初审中');
    const scans = await web.db.query("SELECT kind FROM application_document WHERE application_id = $1 AND format = 'scan' ORDER BY kind", [id]);
    expect(scans.rows.map((r) => r.kind)).toEqual(['sealed-commitment', 'sealed-materials']);
    await page.close();
  });

  it('marks the fields a correction asks for and shows the files already uploaded', async () => {
    // given: an application without its self-assessment report, so the check (E3) asks for it
    const call = await openTestCall(web.db);
    const { uscc, headers, page } = await applicantAtPortal();
    const { id } = await draftAndSubmit(web.app, headers, call.id, await validModeData(web.app, headers, uscc, { selfAssessmentReport: undefined }));
    await waitForStatus(web.db, id, 'correction-requested');
    await waitForCorrection(web.app, headers, id);
    // when
    await page.goto(`${base}/applications/${id}/correction`);
    await waitForForm(page);
    // then: the field to correct is outlined and tagged, with the check's reason beside it
    const report = page.locator('.fjs-form-field-filepicker', { hasText: '两化融合自评估报告' });
    await report.getByText('需修改', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await report.getByRole('note').innerText()).toContain('【E3】');
    expect(await report.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');
    expect(await page.getByText('需修改', { exact: true }).count()).toBe(1);
    // and the files uploaded with the application are named, with their links, not 未选择文件
    const license = page.locator('.fjs-form-field-filepicker', { hasText: '营业执照（副本）扫描件' });
    await license.getByRole('link', { name: '营业执照.pdf' }).waitFor();
    expect(await license.getByText('未选择文件').count()).toBe(0);
    // the USCC is the enterprise's own here too
    expect(await page.locator('input[id$="-uscc"]').isEditable()).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
