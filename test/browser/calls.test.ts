import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../domain/call.js';
import { shiftByYears } from '../../domain/call-calendar.js';
import { findCall } from '../../store/call-repository.js';
import { hasHorizontalScroll, seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { openTestCall, pdfBytes, randomUscc } from '../support/declaration.js';
import { beijingMinute, createNextCallThroughPage } from '../support/call-pages.js';
import { createTestAccount } from '../support/web.js';

// The calls pages in chromium: the officer creates the next year's call from a previous one, moves its enterprise
// deadline (a deadline before the opening is refused with its message and changes nothing), uploads a download and
// publishes it; an applicant's portal then shows the new call with the new deadline and the download, whose bytes
// are the uploaded ones; closed early, the portal no longer offers it.

const DAY = 86_400_000;
const MINUTE = 60_000;

describe('the calls pages in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  let previous: Call;
  let year: number;

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    const taken = new Set((await web.db.query<{ year: number }>('SELECT year FROM call')).rows.map((row) => row.year));
    year = [...Array(90).keys()].map((i) => 2098 - i).find((y) => !taken.has(y) && !taken.has(y + 1))!;
    // a year ago, a call whose next year opens ten minutes ago (the newest open call, which the portal shows)
    const now = Math.floor(Date.now() / MINUTE) * MINUTE;
    const lastYear = (at: number) => new Date(shiftByYears(new Date(at), -1).getTime());
    previous = await openTestCall(web.db, new Date(), {
      id: `b${year}`, year, title: `${year}年批次页面测试申报`,
      opensAt: lastYear(now - 10 * MINUTE), enterpriseDeadline: lastYear(now + 20 * DAY), cityDeadline: lastYear(now + 30 * DAY),
    });
  }, 120_000);
  afterAll(() => closeBrowserHarness({ web, browser }));

  const looksRight = async (page: Page) => {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
  };

  it('creates the next call, refuses a bad deadline, moves the deadline, uploads a download and publishes; the applicant sees all of it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'province-officer'));
    await waitForPage(page, `${base}/dashboard`);
    await page.getByRole('link', { name: '申报批次' }).click();
    await waitForPage(page, `${base}/calls`);
    await page.getByRole('link', { name: previous.title }).waitFor();
    await looksRight(page);

    // create the next year's call from the previous one
    const id = await createNextCallThroughPage(page, base, previous);
    const title = `${year + 1}年批次页面测试申报`;
    await page.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor();
    await page.getByText('草稿（未发布）').first().waitFor();
    await page.getByText(/流程与表单设计 → 更新版本/).waitFor();
    await looksRight(page);
    const stored = async () => (await findCall(web.db, id))!;
    const created = await stored();
    expect(created.enterpriseDeadline.toISOString()).toBe(shiftByYears(previous.enterpriseDeadline, 1).toISOString());

    // a deadline before the opening: refused with its message, nothing changed
    const deadline = page.getByLabel('企业申报截止时间', { exact: true });
    const typeDate = async (when: Date) => {
      await deadline.click();
      await deadline.fill(beijingMinute(when));
      await deadline.press('Enter');
      await page.getByRole('button', { name: '保存日程' }).click();
    };
    await typeDate(new Date(created.opensAt.getTime() - DAY));
    await page.getByRole('alert').getByText('未能保存：企业申报截止时间须晚于申报开始时间').waitFor();
    expect(await stored()).toEqual(created);

    // moved five days later: saved
    const wanted = new Date(created.enterpriseDeadline.getTime() + 5 * DAY);
    const wantedMinute = new Date(Math.floor(wanted.getTime() / MINUTE) * MINUTE);
    await typeDate(wantedMinute);
    await page.getByText('日程已保存').waitFor();
    await expect.poll(async () => (await stored()).enterpriseDeadline.toISOString()).toBe(wantedMinute.toISOString());

    // the days a unit has to answer a return at formal review: saved, with what it leaves alone
    const returnDays = page.getByLabel('省厅退回答复天数（工作日）');
    expect(await returnDays.inputValue()).toBe('5');
    await returnDays.fill('8');
    await page.getByRole('button', { name: '保存日程' }).click();
    await page.getByText('退回答复天数的修改只适用于此后省厅退回的申报，已退回的答复期限不变。').waitFor();
    await expect.poll(async () => (await stored()).returnAnswerDays).toBe(8);

    // a download uploaded
    await page.getByLabel('下载文件标题').fill('附件2 申报材料（新年度版）');
    await page.locator('input[type=file]').setInputFiles({ name: '附件2.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await page.getByText('已上传 附件2.pdf').waitFor();
    await page.getByRole('link', { name: '附件2 申报材料（新年度版）' }).waitFor();

    // published
    await page.getByRole('button', { name: '发布批次' }).click();
    await page.getByText('批次已发布').waitFor();
    await page.getByRole('button', { name: /提前关闭批次/ }).waitFor();
    await looksRight(page);

    // the applicant's portal: the new call, its new deadline and the download, with the uploaded bytes
    const applicant = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await signInThroughPage(applicant, base, await createTestAccount(web.db, 'applicant', { enterpriseUscc: randomUscc() }));
    await waitForPage(applicant, `${base}/portal`);
    const notice = applicant.getByRole('region', { name: title });
    await notice.waitFor();
    expect(await notice.locator('tr', { hasText: '企业申报截止时间' }).innerText()).toContain(wantedMinute.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }));
    const link = notice.getByRole('link', { name: '附件2 申报材料（新年度版）' });
    const downloaded = await applicant.context().request.get(`${base}${await link.getAttribute('href')}`);
    expect(downloaded.status()).toBe(200);
    expect(downloaded.headers()['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('附件2.pdf')}`);
    expect(Buffer.from(await downloaded.body()).equals(pdfBytes)).toBe(true);
    expect(await applicant.getByRole('button', { name: `开始填写（${title}）` }).count()).toBe(1);
    await looksRight(applicant);

    // closed early by the officer: the portal no longer offers it (and no later test finds it the newest open call)
    await page.getByLabel('关闭原因').fill('测试结束，提前关闭');
    await page.getByRole('button', { name: /提前关闭批次/ }).click();
    await page.getByText('批次已关闭').first().waitFor();
    expect((await web.db.query('SELECT closed_at IS NOT NULL AS closed FROM call WHERE id = $1', [id])).rows).toEqual([{ closed: true }]);
    await applicant.reload();
    await applicant.getByRole('heading', { name: '我的申报' }).waitFor();
    // once the calls are in, the card offers another open call or none
    await applicant.getByText(/开始填写|当前没有开放申报的批次/).first().waitFor();
    expect(await applicant.getByRole('button', { name: `开始填写（${title}）` }).count()).toBe(0);
    expect(await applicant.getByRole('region', { name: title }).count()).toBe(0);
    await applicant.close();
    await page.close();
  });
});
