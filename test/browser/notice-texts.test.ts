import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../domain/call.js';
import { defaultNoticeTexts } from '../../domain/notice-texts.js';
import { hasHorizontalScroll, seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { openTestCall } from '../support/declaration.js';
import { createTestAccount } from '../support/web.js';

// The notice texts page in chromium: the officer edits the status notice's body, inserting a placeholder with its
// button, sees the preview follow, and saves it as version 2; a text with an unknown placeholder shows the message
// naming the text and the placeholder, and nothing is stored.

describe('the notice texts page in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  let call: Call;
  const stored = async () => ({
    texts: (await web.db.query('SELECT notice_texts FROM call WHERE id = $1', [call.id])).rows[0].notice_texts,
    versions: (await web.db.query<{ version: number }>('SELECT version FROM notice_text_version WHERE call_id = $1 ORDER BY version', [call.id])).rows.map((r) => r.version),
  });

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    call = await openTestCall(web.db);
  }, 120_000);
  afterAll(() => closeBrowserHarness({ web, browser }));

  const looksRight = async (page: Page) => {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
  };
  const statusPreview = (page: Page) => page.getByRole('region', { name: '要求补正（有原因和补正期限）的站内消息' });

  it('edits a text with a placeholder inserted, previews it as message and mail, and saves it as the next version', async () => {
    // given
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'province-officer'));
    await waitForPage(page, `${base}/dashboard`);
    await page.goto(`${base}/calls/${call.id}/notices`);
    const body = page.getByRole('textbox', { name: '申报状态变更通知·正文', exact: true });
    await body.waitFor();
    await statusPreview(page).getByText(/状态已更新为：待补正/).waitFor();
    await page.getByText('当前为第 1 版').waitFor();
    await looksRight(page);

    // when: a new body, then {status} inserted at its end with the placeholder's button
    await body.fill('贵单位的“{projectName}”现为：');
    await body.press('End');
    await page.getByRole('group', { name: '申报状态变更通知·正文' }).getByRole('button', { name: '{status} 申报的新状态' }).click();
    // then: the text and the preview, as message and as mail
    expect(await body.inputValue()).toBe('贵单位的“{projectName}”现为：{status}');
    await statusPreview(page).getByText('贵单位的“智能排产示范项目”现为：待补正').waitFor();
    await page.getByRole('region', { name: '要求补正（有原因和补正期限）的邮件' }).getByText('贵单位的“智能排产示范项目”现为：待补正').waitFor();

    // when: saved
    await page.getByRole('button', { name: '保存为新版本' }).click();
    // then
    await page.getByText('通知文字已保存为第 2 版，此后发出的通知使用新文字').waitFor();
    await page.getByText('当前为第 2 版').waitFor();
    await page.getByRole('cell', { name: '第 2 版（当前）' }).waitFor();
    expect(await stored()).toEqual({ texts: { ...defaultNoticeTexts, body: '贵单位的“{projectName}”现为：{status}' }, versions: [1, 2] });
    await looksRight(page);
    await page.close();
  });

  it('refuses a text with an unknown placeholder, naming the text and the placeholder, and stores nothing', async () => {
    // given
    const before = await stored();
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'province-officer'));
    await waitForPage(page, `${base}/dashboard`);
    await page.goto(`${base}/calls/${call.id}/notices`);
    const title = page.getByRole('textbox', { name: '推荐批次报送提醒·标题', exact: true });
    await title.waitFor();
    // when
    await title.fill('请于 {deadline} 前报送（{sender}）');
    // then: the preview already names it
    const message = '推荐批次报送提醒·标题：不认识的占位符：{sender}；可用：{callTitle}、{unitName}、{deadline}';
    await page.getByText(message).first().waitFor();
    // when: saved anyway
    await page.getByRole('button', { name: '保存为新版本' }).click();
    // then
    await page.getByText(/^未保存：通知文字有 1 处问题，未保存。/).waitFor();
    expect(await page.getByRole('list', { name: '未保存的原因' }).innerText()).toBe(message);
    expect(await stored()).toEqual(before);
    await page.getByText('当前为第 2 版').waitFor();
    await looksRight(page);
    await page.close();
  });
});
