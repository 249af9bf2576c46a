import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillSteadily, seriousAccessibilityViolations, signInThroughPage, waitForForm, waitForPage } from '../support/browser.js';
import { draftAndSubmit, openTestCall, pdfBytes, randomUscc, validModeData, waitForCorrection, waitForStatus } from '../support/declaration.js';
import { createTestAccount, signIn } from '../support/web.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

// In the browser: the applicant answers a correction with a new attachment, uploads the sealed scans; the unit's
// reviewer finds the task and returns it; the applicant sees the city's reason.

describe('correction, sealing and review in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
  });
  afterAll(() => closeBrowserHarness({ web, browser }));

  const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: pdfBytes });
  const statusShown = async (page: Page, id: string, label: string) => {
    await expect.poll(async () => {
      await page.goto(`${base}/applications/${id}`);
      await page.getByRole('heading', { name: '申报进度' }).waitFor();
      return page.getByText(label, { exact: true }).count();
    }, { timeout: 20_000 }).toBeGreaterThan(0);
  };

  it('goes from a correction request to the city and back to the applicant with the city’s reason', async () => {
    // given: an application without its self-assessment report, so rule E3 asks for a correction
    const call = (await openTestCall(web.db)).id;
    const uscc = randomUscc();
    const credentials = await createTestAccount(web.db, 'applicant', { enterpriseUscc: uscc });
    const headers = await signIn(web.app, credentials);
    const { id } = await draftAndSubmit(web.app, headers, call, await validModeData(web.app, headers, uscc, { selfAssessmentReport: undefined }));
    await waitForStatus(web.db, id, 'correction-requested');
    await waitForCorrection(web.app, headers, id);
    const applicant = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signInThroughPage(applicant, base, credentials);
    await waitForPage(applicant, `${base}/portal`);

    // when: the applicant opens the request from its status page and answers it with the missing report
    await applicant.getByRole('link', { name: '查看进度' }).first().click();
    await applicant.getByRole('link', { name: '去补正' }).click();
    await applicant.getByText(/【E3】/).waitFor();
    // the stored application is in the form, and the form has settled, before anything is picked
    await waitForForm(applicant);
    await expect.poll(() => applicant.getByLabel('企业名称').inputValue(), { timeout: 15_000 }).toBe('石家庄示例装备制造有限公司');
    expect(await seriousAccessibilityViolations(applicant)).toEqual([]);
    await applicant.locator('.fjs-form-field', { hasText: '两化融合自评估报告' }).locator('input[type=file]').setInputFiles(pdf('两化融合自评估报告.pdf'));
    await applicant.getByLabel('请说明补正了哪些内容（必填）').fill('已上传两化融合自评估报告。');
    await applicant.getByRole('button', { name: '提交补正' }).click();
    await waitForPage(applicant, `${base}/applications/${id}`);

    // then: the checks pass and the seal step is offered; the sealed scans go up
    await statusShown(applicant, id, '待上传盖章材料');
    await applicant.getByRole('link', { name: '上传盖章材料' }).click();
    await applicant.locator('#sealedMaterials').setInputFiles(pdf('申报材料（盖章）.pdf'));
    await applicant.locator('#sealedCommitment').setInputFiles(pdf('承诺书（盖章）.pdf'));
    await applicant.getByRole('button', { name: /提交，送市级初审/ }).click();
    await waitForPage(applicant, `${base}/applications/${id}`);
    await statusShown(applicant, id, '市级初审中');
    const stored = await web.db.query('SELECT data FROM application WHERE id = $1', [id]);
    expect(stored.rows[0].data.selfAssessmentReport.fileName).toBe('两化融合自评估报告.pdf');

    // when: the unit's reviewer finds the task and returns it for correction
    const reviewer = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signInThroughPage(reviewer, base, await createTestAccount(web.db, 'city-reviewer', { unitId: '130100' }));
    await waitForPage(reviewer, `${base}/tasks`);
    const number = (await web.db.query('SELECT application_number FROM application WHERE id = $1', [id])).rows[0].application_number as string;
    await reviewer.getByRole('row', { name: new RegExp(number) }).getByRole('link', { name: '办理' }).click();
    await reviewer.getByText('初审意见', { exact: true }).first().waitFor();
    await expect.poll(() => reviewer.getByRole('button', { name: '提交初审意见' }).isEnabled(), { timeout: 15_000 }).toBe(true);
    await reviewer.getByLabel('退回修改').check();
    await fillSteadily(reviewer, '初审意见', '请补充项目备案文件。');
    expect(await seriousAccessibilityViolations(reviewer)).toEqual([]);
    await reviewer.getByRole('button', { name: '提交初审意见' }).click();
    await waitForPage(reviewer, `${base}/tasks`);

    // then: the applicant sees the correction request with the city's reason
    await statusShown(applicant, id, '待补正');
    await applicant.getByText('请补充项目备案文件。').first().waitFor();
    await applicant.close();
    await reviewer.close();
  });
});
