import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../domain/call.js';
import { findCall } from '../../store/call-repository.js';
import { hasHorizontalScroll, seriousAccessibilityViolations, signInThroughPage, waitForForm, waitForPage } from '../support/browser.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { openTestCall, randomUscc } from '../support/declaration.js';
import { createTestAccount } from '../support/web.js';

// The directions page in chromium: the officer adds 工业互联网+安全 on 附件2 and saves; an applicant's new application
// of that call offers it among the direction choices and keeps it once picked; a duplicate name is refused with its
// row named, and nothing is stored.

describe('the call directions page in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  let call: Call;
  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    call = await openTestCall(web.db);
  }, 120_000);
  afterAll(() => closeBrowserHarness({ web, browser }));

  const newPage = () => browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const addRow = async (page: Page, name: string) => {
    await page.getByRole('button', { name: /添加申报方向/ }).click();
    const row = (await page.locator('tbody tr.ant-table-row').count());
    await page.getByLabel(`第${row}行申报方向名称`).fill(name);
    await page.getByLabel(`第${row}行申报书类别`).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^附件2 模式应用类$/ }).click();
  };
  const save = (page: Page) => page.getByRole('button', { name: /^保\s*存$/ }).click();

  it('adds a direction on 附件2 that a new application offers and keeps; refuses a duplicate name and stores nothing', async () => {
    // given: the officer on the call's directions page
    const officer = await newPage();
    await signInThroughPage(officer, base, await createTestAccount(web.db, 'province-officer'));
    await waitForPage(officer, `${base}/dashboard`);
    await officer.goto(`${base}/calls/${call.id}/directions`);
    await officer.getByLabel('第14行申报方向名称').waitFor();
    expect(await seriousAccessibilityViolations(officer)).toEqual([]);
    expect(await hasHorizontalScroll(officer)).toBe(false);
    // when: 工业互联网+安全 is added on 附件2 and saved
    await addRow(officer, '工业互联网+安全');
    await save(officer);
    await officer.getByText('申报方向已保存').waitFor();
    // then: the call carries it, on 附件2
    const saved = (await findCall(web.db, call.id))!;
    const added = saved.directions.find((d) => d.label === '工业互联网+安全')!;
    expect(added.code).toMatch(/^d-[0-9a-f]{8}$/);
    expect(saved.directionTemplates[added.code]).toBe('mode-application');

    // when: a duplicate name is saved
    await addRow(officer, '绿色制造');
    await save(officer);
    // then: the row is named, and nothing is stored
    await officer.getByText('第16行：申报方向名称“绿色制造”与第12行重复').waitFor();
    expect(await seriousAccessibilityViolations(officer)).toEqual([]);
    expect((await findCall(web.db, call.id))!.directions).toEqual(saved.directions);
    await officer.close();

    // when: an applicant starts a new 模式应用类 application of the call
    const applicant = await newPage();
    await signInThroughPage(applicant, base, await createTestAccount(web.db, 'applicant', { enterpriseUscc: randomUscc() }));
    await waitForPage(applicant, `${base}/portal`);
    // the draft of this very call is made as the page would make it (several test calls are open at once)
    const { csrfToken } = (await (await applicant.request.get(`${base}/api/session`)).json()) as { csrfToken: string };
    const created = await applicant.request.post(`${base}/api/applications`, { data: { callId: call.id, template: 'mode-application' }, headers: { 'x-csrf-token': csrfToken } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await applicant.goto(`${base}/applications/${id}/edit`);
    await waitForForm(applicant);
    // then: the new direction is among the choices, and can be picked and saved
    await applicant.getByLabel(/^申报方向\s*\*?$/).focus();
    const options = applicant.locator('.fjs-dropdownlist-item');
    await options.first().waitFor();
    const offered = await options.allInnerTexts();
    expect(offered).toContain('工业互联网+安全');
    expect(offered).toContain('智能化制造');
    expect(offered).not.toContain('市级工业互联网综合平台');
    await options.filter({ hasText: /^工业互联网\+安全$/ }).click();
    await applicant.getByRole('button', { name: '保存草稿' }).click();
    await applicant.getByText(/草稿已保存/).waitFor();
    const draft = await web.db.query<{ data: Record<string, unknown> }>('SELECT data FROM application WHERE id = $1', [id]);
    expect(draft.rows[0]!.data.direction).toBe(added.code);
    expect(draft.rows[0]!.data).not.toHaveProperty('directionOptions');
    expect(await seriousAccessibilityViolations(applicant)).toEqual([]);
    await applicant.close();
  }, 180_000);
});
