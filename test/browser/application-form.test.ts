import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillSteadily, seriousAccessibilityViolations, signInThroughPage, waitForForm } from '../support/browser.js';
import { openTestCall, randomUscc } from '../support/declaration.js';
import { createTestAccount } from '../support/web.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

// The applicant's form page: the category's deployed form-js form, a draft that is saved and resumed, and the
// server's field messages when something is missing.

describe('the application form in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
  });
  afterAll(() => closeBrowserHarness({ web, browser }));

  it('starts a draft of the chosen category, keeps what was typed, and lists what is still missing on submit', async () => {
    // given: an open call and an enterprise
    await openTestCall(web.db);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'applicant', { enterpriseUscc: randomUscc() }));
    await page.waitForURL(`${base}/portal`);
    // when: a 模式应用类 draft is started
    await page.getByRole('button', { name: /开始填写/ }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]+\/edit$/);
    // then: the deployed form is there, in Chinese
    await waitForForm(page);
    await fillSteadily(page, '项目名称', '智能排产示范项目');
    await fillSteadily(page, '企业名称', '石家庄示例装备制造有限公司');
    // then: a few seconds after the typing stops, the draft is saved by itself
    await page.getByText(/已自动保存草稿/).waitFor({ timeout: 15_000 });
    const draftId = /\/applications\/([0-9a-f-]+)\/edit$/.exec(page.url())![1];
    const autosaved = await web.db.query('SELECT data FROM application WHERE id = $1', [draftId]);
    expect(autosaved.rows[0].data).toMatchObject({ projectName: '智能排产示范项目', enterpriseName: '石家庄示例装备制造有限公司' });
    // when: saved, and the page opened again
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText(/草稿已保存/).waitFor();
    const id = /\/applications\/([0-9a-f-]+)\/edit$/.exec(page.url())![1];
    const saved = await web.db.query('SELECT data FROM application WHERE id = $1', [id]);
    expect(saved.rows[0].data).toMatchObject({ projectName: '智能排产示范项目', enterpriseName: '石家庄示例装备制造有限公司' });
    await page.reload();
    await waitForForm(page);
    // then: the draft is resumed
    await expect.poll(() => page.getByLabel('项目名称').inputValue(), { timeout: 15_000 }).toBe('智能排产示范项目');
    // when: submitted with most fields empty
    await page.getByRole('button', { name: '提交申报' }).click();
    // then: form-js itself marks required fields, and nothing is submitted
    await page.locator('.fjs-form-field-error').first().waitFor();
    await page.getByText(/还有必填项未填写或格式不正确/).waitFor();
    expect(page.url()).toMatch(/\/edit$/);
    const stored = await web.db.query("SELECT status FROM application WHERE data->>'projectName' = '智能排产示范项目'");
    expect(stored.rows.map((r) => r.status)).toContain('draft');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('offers the group and the firm that prepared the materials as optional fields, checks a code typed in, and keeps them in the draft', async () => {
    // given: an enterprise's fresh draft
    await openTestCall(web.db);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'applicant', { enterpriseUscc: randomUscc() }));
    await page.waitForURL(`${base}/portal`);
    await page.getByRole('button', { name: /开始填写/ }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]+\/edit$/);
    await waitForForm(page);
    const field = (label: string) => page.locator('.fjs-form-field', { has: page.locator('.fjs-form-field-label', { hasText: new RegExp(`^${label}$`) }) }).last();
    // then: the firm's field says when to fill it in, and none of the four is marked required
    await field('材料编制单位').getByText('由第三方机构编制申报材料的，请填写该机构名称；企业自行编制的可不填').waitFor();
    for (const label of ['所属集团名称', '所属集团统一社会信用代码', '材料编制单位', '材料编制单位统一社会信用代码']) {
      expect(await field(label).locator('.fjs-form-field-label').innerText()).toBe(label);
    }
    // when: the group is named with a code in lower case, the firm with its code, and the form is submitted
    await field('所属集团名称').locator('input').fill('唐山示例钢铁集团有限公司');
    await field('所属集团统一社会信用代码').locator('input').fill('91130200ma0d4e5f68');
    await field('材料编制单位').locator('input').fill('石家庄示例咨询有限公司');
    await field('材料编制单位统一社会信用代码').locator('input').fill('91130100MA0A1B2C31');
    await page.getByRole('button', { name: '提交申报' }).click();
    // then: form-js marks the group code, and not the firm's
    await field('所属集团统一社会信用代码').locator('.fjs-form-field-error', { hasText: '统一社会信用代码应为18位，由数字和大写英文字母组成' }).waitFor();
    expect(await field('材料编制单位统一社会信用代码').locator('.fjs-form-field-error').count()).toBe(0);
    // when: corrected and the draft saved
    await field('所属集团统一社会信用代码').locator('input').fill('91130200MA0D4E5F68');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText(/草稿已保存/).waitFor();
    // then: the draft keeps all four
    const id = /\/applications\/([0-9a-f-]+)\/edit$/.exec(page.url())![1];
    const saved = await web.db.query('SELECT data FROM application WHERE id = $1', [id]);
    expect(saved.rows[0].data).toMatchObject({
      enterpriseGroup: '唐山示例钢铁集团有限公司', enterpriseGroupUscc: '91130200MA0D4E5F68', preparedBy: '石家庄示例咨询有限公司', preparedByUscc: '91130100MA0A1B2C31',
    });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
