import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmtpSink } from '../../dev-stack/smtp-sink.js';
import { usccCharset } from '../../domain/uscc.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { startMailCatcher, type MailCatcher } from '../support/mail-catcher.js';
import { seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { draftAndSubmit, openTestCall, pdfBytes, randomUscc, validModeData } from '../support/declaration.js';
import { waitFor } from '../support/engine.js';
import { createTestAccount, signIn } from '../support/web.js';

// An enterprise registers itself in chromium, confirms the link mailed through the real outbox and SMTP catcher, is
// approved by its unit's reviewer, resets its password through another mailed link and declares; a second
// registration of the same USCC is a claim that replaces it.

const PUBLIC_URL = 'http://127.0.0.1:3000'; // testApp's default publicUrl: mailed links start with it

describe('enterprise registration in chromium', () => {
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

  const newPage = async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page.setDefaultTimeout(20_000);
    return page;
  };
  const axeClean = async (page: Page) => expect(await seriousAccessibilityViolations(page)).toEqual([]);

  /** The path of the last link under `prefix` mailed to `to`, checked to start with the public URL. */
  const mailedPath = (to: string, prefix: string) => waitFor(`a ${prefix} mail to ${to}`, async () => {
    const mail = sink.received.filter((m) => m.to.includes(to) && m.text.includes(prefix)).at(-1);
    const link = mail && /https?:\/\/\S+/.exec(mail.text.slice(mail.text.indexOf(prefix) - 40))?.[0];
    if (!link) return undefined;
    expect(link.startsWith(`${PUBLIC_URL}${prefix}`)).toBe(true);
    return link.slice(PUBLIC_URL.length);
  }, 30_000);

  /** Registers through /register; returns what was typed. */
  async function registerThroughPage(page: Page, uscc: string, checkAxe: boolean) {
    const typed = { email: `r-${randomBytes(4).toString('hex')}@example.com`, username: `ent.${randomBytes(4).toString('hex')}`, password: 'first-password-1', name: `注册测试${randomBytes(2).toString('hex')}有限公司` };
    await page.goto(`${base}/register`);
    // a code failing its check character asks for the confirmation that it is as printed
    const failing = uscc.slice(0, 17) + usccCharset[(usccCharset.indexOf(uscc[17]!) + 1) % usccCharset.length];
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(failing);
    await page.getByText('我确认统一社会信用代码与营业执照所印完全一致').waitFor();
    if (checkAxe) await axeClean(page);
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(uscc);
    await expect.poll(() => page.getByText('我确认统一社会信用代码与营业执照所印完全一致').count()).toBe(0);
    // the region's unit is chosen for it
    await expect.poll(() => page.locator('.ant-form-item', { hasText: '所属单位' }).innerText()).toContain('石家庄市');
    await page.getByLabel('企业名称').fill(typed.name);
    await page.getByLabel('法定代表人').fill('王五');
    await page.getByLabel('联系人').fill('赵六');
    await page.getByLabel('联系电话').fill('0311-87654321');
    await page.getByLabel('电子邮箱').fill(typed.email);
    await page.getByLabel('用户名').fill(typed.username);
    await page.getByLabel('密码（至少 10 个字符）').fill(typed.password);
    await page.getByLabel('再次输入密码').fill(typed.password);
    await page.getByLabel(/^营业执照/).setInputFiles({ name: '营业执照.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await page.getByLabel(/^授权书/).setInputFiles({ name: '授权书.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await page.getByText('已上传：营业执照.pdf').waitFor();
    await page.getByText('已上传：授权书.pdf').waitFor();
    await page.getByRole('button', { name: '提交注册' }).click();
    await page.getByText('注册信息已提交').waitFor();
    await page.getByText(`确认邮件已发送至 ${typed.email}`, { exact: false }).waitFor();
    if (checkAxe) await axeClean(page);
    return typed;
  }

  async function confirmThroughMail(page: Page, email: string, checkAxe: boolean) {
    await page.goto(`${base}${await mailedPath(email, '/register/confirm/')}`);
    await page.locator('.ant-result-title').waitFor();
    expect(await page.locator('.ant-result').innerText()).toContain('邮箱已确认');
    await page.getByText('注册已提交石家庄市审核', { exact: false }).waitFor();
    if (checkAxe) await axeClean(page);
  }

  async function approveAsReviewer(reviewer: { username: string; password: string }, enterpriseName: string, expectClaimOf?: string) {
    const page = await newPage();
    await signInThroughPage(page, base, reviewer);
    await waitForPage(page, `${base}/tasks`);
    await page.getByRole('link', { name: '企业注册审核' }).click();
    await waitForPage(page, `${base}/unit/registrations`);
    await page.getByText(enterpriseName).click();
    await page.getByRole('heading', { name: enterpriseName }).waitFor();
    if (expectClaimOf) await page.getByText(`（${expectClaimOf}，`, { exact: false }).waitFor();
    await page.getByRole('button', { name: /^驳\s*回$/ }).waitFor();
    await axeClean(page);
    await page.getByRole('button', { name: /^通\s*过$/ }).click();
    await page.locator('tr', { hasText: enterpriseName }).getByText('已通过').waitFor();
    await page.close();
  }

  it('registers, confirms, is approved, resets its password, declares; a second registration of the USCC is a claim', async () => {
    const uscc = randomUscc();
    const reviewer = await createTestAccount(web.db, 'city-reviewer', { unitId: '130100' });

    // the sign-in page leads to registration; the form registers
    const page = await newPage();
    await page.goto(`${base}/login`);
    await page.getByRole('link', { name: '注册企业账号' }).click();
    await waitForPage(page, `${base}/register`);
    const first = await registerThroughPage(page, uscc, true);
    await confirmThroughMail(page, first.email, true);

    // before approval, sign-in says it waits for the unit
    await signInThroughPage(page, base, { username: first.username, password: first.password });
    await page.getByText('账号注册尚待所属单位审核', { exact: false }).waitFor();
    await axeClean(page);

    await approveAsReviewer(reviewer, first.name);
    await waitFor('the approval mail', async () => (sink.received.some((m) => m.to.includes(first.email) && m.subject === '企业账号注册已通过审核') ? true : undefined), 30_000);

    // a password reset through the mailed link
    await page.goto(`${base}/login`);
    await page.getByRole('link', { name: '忘记密码' }).click();
    await waitForPage(page, `${base}/password-reset`);
    await page.getByLabel('用户名').fill(first.username);
    await page.getByRole('button', { name: '发送重置链接' }).click();
    await page.getByText('重置密码的链接已发送至该邮箱', { exact: false }).waitFor();
    await axeClean(page);
    await page.goto(`${base}${await mailedPath(first.email, '/password-reset/')}`);
    await page.getByLabel('新密码（至少 10 个字符）').fill('second-password-2');
    await page.getByLabel('再次输入新密码').fill('second-password-2');
    await axeClean(page);
    await page.getByRole('button', { name: '设置新密码' }).click();
    await page.getByText('密码已重置').waitFor();
    await axeClean(page);

    // signs in with the new password and declares
    await signInThroughPage(page, base, { username: first.username, password: 'second-password-2' });
    await waitForPage(page, `${base}/portal`);
    const headers = await signIn(web.app, { username: first.username, password: 'second-password-2' });
    const call = await openTestCall(web.db);
    const { response } = await draftAndSubmit(web.app, headers, call.id, await validModeData(web.app, headers, uscc));
    expect(response.statusCode, response.body).toBe(200);
    await page.close();

    // a second registration of the same USCC is a claim; approving it disables the first holder
    const other = await newPage();
    const second = await registerThroughPage(other, uscc, false);
    await other.getByText('本次注册将作为认领申请审核', { exact: false }).waitFor();
    await confirmThroughMail(other, second.email, false);
    await other.close();
    await approveAsReviewer(reviewer, second.name, first.username);
    const accounts = await web.db.query<{ username: string; disabled: boolean }>("SELECT username, disabled FROM account WHERE enterprise_uscc = $1 ORDER BY id", [uscc]);
    expect(accounts.rows).toEqual([{ username: first.username, disabled: true }, { username: second.username, disabled: false }]);
  }, 240_000);
});
