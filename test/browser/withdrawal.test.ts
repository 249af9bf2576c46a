import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { newReviewer, openTestCall } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { seedLibrary } from '../support/library.js';
import { createTestAccount } from '../support/web.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

// The applicant's 撤回申报 on its status page in chromium: a confirm dialog asking for the reason, then 已撤回.

describe('the applicant’s withdrawal in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  const { client } = testEngine();
  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
  });
  afterAll(() => closeBrowserHarness({ web, browser }));

  it('withdraws a recommended application with a reason through a confirm dialog', async () => {
    // given: a recommended application of the applicant's enterprise, waiting for its unit's batch
    const call = await openTestCall(web.db);
    const reviewer = await newReviewer(web.app, web.db, '131000');
    const [entry] = await seedLibrary(web.db, { callId: call.id, unitId: '131000', count: 1, engine: client });
    const recommended = await web.app.inject({ method: 'POST', url: '/api/recommendations', headers: reviewer, payload: { applicationId: entry!.id, opinion: '同意推荐。' } });
    expect(recommended.statusCode, recommended.body).toBe(201);
    const uscc = (await web.db.query<{ enterprise_uscc: string }>('SELECT enterprise_uscc FROM application WHERE id = $1', [entry!.id])).rows[0]!.enterprise_uscc;
    const credentials = await createTestAccount(web.db, 'applicant', { enterpriseUscc: uscc });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(page, base, credentials);
    await waitForPage(page, `${base}/portal`);
    // when: the status page's 撤回申报, first confirmed without a reason, then with one
    await page.goto(`${base}/applications/${entry!.id}`);
    await page.getByRole('button', { name: '撤回申报' }).click();
    const dialog = page.getByRole('dialog', { name: '确认撤回申报' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /确认撤回/ }).click();
    await dialog.getByRole('alert').getByText('请填写撤回原因', { exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect((await web.db.query('SELECT status FROM application WHERE id = $1', [entry!.id])).rows[0].status).toBe('recommended');
    await dialog.getByLabel('撤回原因').fill('企业经营计划调整');
    await dialog.getByRole('button', { name: /确认撤回/ }).click();
    // then: the page shows 已撤回 with the reason, and offers no withdrawal any more
    await expect.poll(() => page.locator('tr', { hasText: '当前状态' }).innerText(), { timeout: 15_000 }).toContain('已撤回');
    await page.getByText('原因：企业撤回申报：企业经营计划调整').waitFor();
    expect(await page.getByRole('button', { name: '撤回申报' }).count()).toBe(0);
    // and the unit has been told, its place freed
    await waitFor('the unit’s message', async () => {
      const messages = (await web.app.inject({ method: 'GET', url: '/api/messages', headers: reviewer })).json() as { title: string }[];
      return messages.some((m) => m.title.startsWith('企业撤回申报')) ? true : undefined;
    });
    expect((await web.app.inject({ method: 'GET', url: `/api/calls/${call.id}/library`, headers: reviewer })).json().progress.recommended).toBe(0);
    await page.close();
  });
});
