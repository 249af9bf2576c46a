import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByUsername } from '../../web/server/identity/account-repository.js';
import { seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { createTestAccount, signIn } from '../support/web.js';

// 账号管理 in chromium: the administrator creates a city reviewer on /admin/accounts, the reviewer signs in, the
// administrator disables it on the page and the reviewer's next navigation goes back to sign-in; a unit
// administrator adds a reviewer of its own unit on /unit/accounts.

describe('account administration in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
  });
  afterAll(() => closeBrowserHarness({ web, browser }));

  const newPage = async () => (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
  const pick = async (page: Page, label: string, option: string) => {
    await page.getByRole('dialog').getByLabel(label, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  };
  const settled = (page: Page) => page.locator('[aria-busy="false"] .ant-table').first().waitFor();

  it('creates a city reviewer who signs in, then disables it: its next navigation goes back to sign-in', async () => {
    // given: the administrator on 账号管理
    const admin = await newPage();
    await signInThroughPage(admin, base, await createTestAccount(web.db, 'administrator'));
    await waitForPage(admin, `${base}/dashboard`);
    await admin.getByRole('menuitem', { name: '账号管理' }).click();
    await waitForPage(admin, `${base}/admin/accounts`);
    await settled(admin);
    expect(await seriousAccessibilityViolations(admin)).toEqual([]);

    // when: it creates a reviewer of 秦皇岛市 with an initial password
    const username = `qhd.${randomBytes(3).toString('hex')}`;
    await admin.getByRole('button', { name: '新建账号' }).click();
    const dialog = admin.getByRole('dialog', { name: '新建账号' });
    await dialog.waitFor();
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill('秦皇岛审核员');
    await dialog.getByLabel('电子邮箱').fill(`${username}@example.test`);
    await dialog.getByLabel('初始密码').fill('initial-pass-1');
    await pick(admin, '角色', '市工信局');
    await pick(admin, '所属单位', '秦皇岛市');
    expect(await seriousAccessibilityViolations(admin)).toEqual([]);
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await admin.getByText(`已新建账号 ${username}`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const stored = await findAccountByUsername(web.db, username);
    expect(stored?.account).toMatchObject({ role: 'city-reviewer', unitId: '130300', displayName: '秦皇岛审核员', unitAdmin: false });

    // then: the reviewer signs in with it
    const reviewer = await newPage();
    await signInThroughPage(reviewer, base, { username, password: 'initial-pass-1' });
    await waitForPage(reviewer, `${base}/tasks`);

    // when: the administrator finds it and disables it on the page
    await admin.getByLabel('用户名或姓名').fill(username);
    await admin.getByLabel('用户名或姓名').press('Enter');
    await waitForPage(admin, new RegExp(`q=${username.replace('.', '\\.')}`));
    const row = admin.getByRole('row', { name: new RegExp(username) });
    await row.waitFor();
    // (first it edits the account: a new e-mail, and unit administrator of its unit)
    await row.getByRole('button', { name: /^编\s*辑$/ }).click();
    const edit = admin.getByRole('dialog', { name: `编辑账号：${username}` });
    await edit.getByLabel('电子邮箱').fill(`${username}@unit.example.test`);
    await edit.getByRole('checkbox', { name: '设为单位管理员' }).check();
    await edit.getByRole('button', { name: /^保\s*存$/ }).click();
    await admin.getByText(`已保存 ${username}`).waitFor();
    await row.getByText('单位管理员').waitFor();
    expect((await findAccountByUsername(web.db, username))?.account).toMatchObject({ unitId: '130300', unitAdmin: true });
    await row.getByRole('button', { name: /^停\s*用$/ }).click();
    await admin.locator('.ant-popover:visible').getByRole('button', { name: /^停\s*用$/ }).click();
    await admin.getByText(`已停用 ${username}，其登录已失效`).waitFor();
    await row.getByText('已停用', { exact: true }).waitFor();
    await settled(admin);
    expect(await seriousAccessibilityViolations(admin)).toEqual([]);
    expect((await web.db.query('SELECT count(*) AS n FROM session WHERE account_id = $1', [stored!.account.id])).rows[0].n).toBe('0');

    // then: the reviewer's next navigation is refused and lands on sign-in
    await reviewer.goto(`${base}/unit/library`);
    await waitForPage(reviewer, `${base}/login`);
    await reviewer.context().close();
    await admin.context().close();
  });

  it('lets a unit administrator add a reviewer of its own unit on 本单位账号', async () => {
    // given: 沧州市's unit administrator
    const credentials = await createTestAccount(web.db, 'city-reviewer', { unitId: '130900', unitAdmin: true });
    const page = await newPage();
    await signInThroughPage(page, base, credentials);
    await waitForPage(page, `${base}/tasks`);
    await page.getByRole('menuitem', { name: '本单位账号' }).click();
    await waitForPage(page, `${base}/unit/accounts`);
    await page.getByRole('heading', { name: '本单位账号（沧州市）' }).waitFor();
    await settled(page);
    await page.getByRole('row', { name: new RegExp(credentials.username) }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // when: it adds a reviewer (no role or unit to choose) who is also a unit administrator
    const username = `cz.${randomBytes(3).toString('hex')}`;
    await page.getByRole('button', { name: '新建审核人员' }).click();
    const dialog = page.getByRole('dialog', { name: '新建本单位审核人员账号' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('角色', { exact: true }).count()).toBe(0);
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill('沧州审核员');
    await dialog.getByLabel('电子邮箱').fill(`${username}@example.test`);
    await dialog.getByLabel('初始密码').fill('short');
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await dialog.getByText('初始密码至少 10 个字符').waitFor();
    await dialog.getByLabel('初始密码').fill('initial-pass-2');
    await dialog.getByRole('checkbox', { name: '设为单位管理员' }).check();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByText(`已新建账号 ${username}`).waitFor();

    // then: listed, stored as 沧州市's reviewer, and it signs in
    const row = page.getByRole('row', { name: new RegExp(username) });
    await row.getByText('单位管理员').waitFor();
    expect((await findAccountByUsername(web.db, username))?.account).toMatchObject({ role: 'city-reviewer', unitId: '130900', unitAdmin: true });
    const me = await web.app.inject({ method: 'GET', url: '/api/session', headers: await signIn(web.app, { username, password: 'initial-pass-2' }) });
    expect(me.json().account).toMatchObject({ unitId: '130900', unitAdmin: true });
    // and a new initial password it sets ends that session
    await row.getByRole('button', { name: '设置初始密码' }).click();
    const password = page.getByRole('dialog', { name: `设置初始密码：${username}` });
    await password.getByLabel('新的初始密码').fill('initial-pass-3');
    await password.getByLabel('再次输入').fill('initial-pass-3');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await password.getByRole('button', { name: /^设\s*置$/ }).click();
    await page.getByText(`已为 ${username} 设置初始密码，其登录已失效`).waitFor();
    await signIn(web.app, { username, password: 'initial-pass-3' });
    await settled(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
