import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmtpSink } from '../../dev-stack/smtp-sink.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { startMailCatcher, type MailCatcher } from '../support/mail-catcher.js';
import { seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { pdfBytes } from '../support/declaration.js';
import { waitFor } from '../support/engine.js';
import { createTestAccount, signIn } from '../support/web.js';

// A province letter through /messages/new in chromium: two units' reviewers see it unread with the badge, open it
// (the count drops, the file downloads), the mail reaches each of their accounts once, a third unit sees nothing.

describe('letters and the inbox in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  let sink: SmtpSink;
  let mail: MailCatcher | undefined;
  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    mail = await startMailCatcher(web.db);
    sink = mail.sink;
  });
  afterAll(async () => {
    await mail?.stop();
    await closeBrowserHarness({ web, browser });
  });

  const newPage = async (credentials: { username: string; password: string }, home: string) => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(page, base, credentials);
    await waitForPage(page, `${base}${home}`);
    return page;
  };
  const badgeCount = async (page: Page) => {
    const badge = page.getByTestId('unread-count').locator('[title]');
    return (await badge.count()) ? Number((await badge.getAttribute('title'))!.replace(/\D/g, '')) : 0;
  };
  const apiUnread = async (credentials: { username: string; password: string }) =>
    (await web.app.inject({ method: 'GET', url: '/api/messages/unread-count', headers: await signIn(web.app, credentials) })).json().unread as number;

  it('delivers a province letter with a file to the two chosen units only, unread until opened, mailed once per account', async () => {
    // given: the province officer, and reviewers of 张家口, 承德 and 辛集, each with an e-mail
    const run = randomBytes(4).toString('hex');
    const officer = await createTestAccount(web.db, 'province-officer');
    const reviewers = {
      zhangjiakou: await createTestAccount(web.db, 'city-reviewer', { unitId: '130700', email: `zjk-${run}@example.com` }),
      chengde: await createTestAccount(web.db, 'city-reviewer', { unitId: '130800', email: `cd-${run}@example.com` }),
      xinji: await createTestAccount(web.db, 'city-reviewer', { unitId: '130181', email: `xj-${run}@example.com` }),
    };
    const title = `关于报送年度工作总结的通知 ${run}`;

    // when: the officer writes through /messages/new to 张家口市 and 承德市, with a PDF
    const writer = await newPage(officer, '/dashboard');
    // (through the header's 消息 and the page's 写信: the menu's 写信 may fold into the menu's overflow on a narrow screen)
    await writer.getByRole('link', { name: /^消息/ }).click();
    await waitForPage(writer, `${base}/messages`);
    await writer.getByRole('button', { name: /^写\s*信$/ }).click();
    await waitForPage(writer, `${base}/messages/new`);
    await writer.locator('[aria-busy="false"] form').waitFor();
    expect(await seriousAccessibilityViolations(writer)).toEqual([]);
    await writer.getByText('选择单位', { exact: true }).click();
    const units = writer.getByLabel('收信单位');
    for (const unit of ['张家口市', '承德市']) {
      await units.click();
      await writer.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: unit }).first().click();
    }
    await writer.keyboard.press('Escape');
    await writer.getByLabel('标题').fill(title);
    await writer.getByLabel('正文').fill('请于本月底前报送年度工作总结。\n详见附件。');
    await writer.locator('input[type=file]').setInputFiles({ name: '工作总结模板.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await writer.getByText('工作总结模板.pdf').waitFor();
    await writer.getByRole('button', { name: /^发\s*送$/ }).click();
    // then: its 已发送 tab lists the letter, read by none of the two yet
    await waitForPage(writer, `${base}/messages?tab=sent`);
    const sentItem = writer.locator('.ant-list-item', { hasText: title });
    await sentItem.getByText('已读 0 / 2').waitFor();
    await expect.poll(() => sentItem.innerText()).toContain('张家口市（未读）');
    expect(await sentItem.innerText()).toContain('承德市（未读）');
    expect(await seriousAccessibilityViolations(writer)).toEqual([]);

    // when: 张家口's reviewer signs in
    const reader = await newPage(reviewers.zhangjiakou, '/tasks');
    const unreadBefore = await apiUnread(reviewers.zhangjiakou);
    expect(unreadBefore).toBeGreaterThanOrEqual(1);
    // then: the badge counts its unread messages, and /messages shows the letter unread from the province
    await expect.poll(() => badgeCount(reader)).toBe(unreadBefore);
    await reader.getByRole('link', { name: /^消息/ }).click();
    await waitForPage(reader, `${base}/messages`);
    const item = reader.locator('.ant-list-item', { hasText: title });
    await item.waitFor();
    expect(await item.innerText()).toContain('未读');
    expect(await item.innerText()).toContain('河北省工业和信息化厅');
    expect(await seriousAccessibilityViolations(reader)).toEqual([]);
    // when: it opens the letter
    await item.getByRole('link', { name: title, exact: true }).click();
    await waitForPage(reader, /\/messages\/\d+$/);
    await reader.getByRole('heading', { name: title }).waitFor();
    await reader.getByText('请于本月底前报送年度工作总结。').waitFor();
    // then: the count drops by one, and the file downloads
    await expect.poll(() => badgeCount(reader)).toBe(unreadBefore - 1);
    expect(await apiUnread(reviewers.zhangjiakou)).toBe(unreadBefore - 1);
    const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('link', { name: '工作总结模板.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('工作总结模板.pdf');
    expect(await seriousAccessibilityViolations(reader)).toEqual([]);
    // and back on the list it is no longer marked unread
    await reader.getByRole('link', { name: '返回消息列表' }).click();
    await expect.poll(() => reader.locator('.ant-list-item', { hasText: title }).innerText()).not.toContain('未读');

    // and 承德's reviewer sees it unread too (its colleague in 张家口 reading it changes nothing here)
    const second = await newPage(reviewers.chengde, '/tasks');
    const secondUnread = await apiUnread(reviewers.chengde);
    await expect.poll(() => badgeCount(second)).toBe(secondUnread);
    await second.goto(`${base}/messages`);
    expect(await second.locator('.ant-list-item', { hasText: title }).innerText()).toContain('未读');

    // and 辛集's reviewer does not see it
    const third = await newPage(reviewers.xinji, '/tasks');
    await third.goto(`${base}/messages`);
    await third.locator('.ant-list-item, .ant-empty').first().waitFor(); // the list has loaded
    expect(await third.getByText(title).count()).toBe(0);

    // and the officer's 已发送 shows 张家口 as read
    await writer.reload();
    await expect.poll(() => writer.locator('.ant-list-item', { hasText: title }).innerText()).toContain('已读 1 / 2');
    expect(await writer.locator('.ant-list-item', { hasText: title }).innerText()).toContain('张家口市（已读）');

    // and the mail reached each chosen reviewer's account exactly once, telling it to sign in for the file
    const ours = () => sink.received.filter((mail) => mail.subject === title);
    await waitFor('both mails', async () => (ours().length >= 2 ? true : undefined), 30_000);
    await waitFor('the outbox drained', async () => {
      const pending = await web.db.query("SELECT count(*)::int AS n FROM outbox_message WHERE subject = $1 AND sent_at IS NULL", [title]);
      return pending.rows[0].n === 0 ? true : undefined;
    }, 30_000);
    const to = (address: string) => ours().filter((mail) => mail.to.includes(address));
    expect(to(`zjk-${run}@example.com`)).toHaveLength(1);
    expect(to(`cd-${run}@example.com`)).toHaveLength(1);
    expect(to(`xj-${run}@example.com`)).toHaveLength(0);
    expect(to(`zjk-${run}@example.com`)[0]!.text).toContain('请登录系统查看附件');
    for (const page of [writer, reader, second, third]) await page.close();
  });

  it('gives a province approval role an inbox of its own, empty, with nothing to write', async () => {
    const page = await newPage(await createTestAccount(web.db, 'division-head'), '/tasks');
    await page.getByRole('link', { name: /^消息/ }).click();
    await waitForPage(page, `${base}/messages`);
    await page.getByText('暂无消息').waitFor();
    expect(await page.getByRole('button', { name: /^写\s*信$/ }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: '已发送' }).count()).toBe(0);
    expect(await badgeCount(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
