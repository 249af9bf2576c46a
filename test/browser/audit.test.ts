import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { downloadedWorkbook, seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { draftAndSubmit, openTestCall, randomUscc, sealAndSend, validModeData } from '../support/declaration.js';
import { mailedToken, registrationBody } from '../support/registration.js';
import { createTestAccount, signIn } from '../support/web.js';

// 操作日志 in chromium: the officer filters by action and by application number, sees actor and Beijing time, and
// downloads the Excel export through the page; the applicant's status page shows its 办理记录. Axe-clean pages.

type Credentials = { username: string; password: string };
const beijing = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

describe('the audit page and the application’s trail in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  const seen = {} as {
    officer: Credentials; applicant: Credentials; applicationId: string; applicationNumber: string; callId: string;
    /** The other areas' actions: a registration approved by 石家庄's reviewer, an account the administrator disabled, a letter. */
    since: string; registrant: string; reviewer: Credentials; administrator: Credentials; disabled: string;
  };

  /**
   * given: the actions the audit page is shown with. The enterprise submits an application and seals it; the
   * officer saves the call's indicators; an enterprise registers, confirms its mailed link and 石家庄's reviewer
   * approves it; the administrator disables a reviewer; the officer writes to two units.
   */
  async function given(): Promise<void> {
    seen.since = new Date(Date.now() - 1000).toISOString();
    const call = await openTestCall(web.db);
    seen.callId = call.id;
    seen.officer = await createTestAccount(web.db, 'province-officer');
    const uscc = randomUscc();
    seen.applicant = await createTestAccount(web.db, 'applicant', { enterpriseUscc: uscc });
    const applicant = await signIn(web.app, seen.applicant);
    const submitted = await draftAndSubmit(web.app, applicant, call.id, await validModeData(web.app, applicant, uscc));
    expect(submitted.response.statusCode, submitted.response.body).toBe(200);
    seen.applicationId = submitted.id;
    seen.applicationNumber = (submitted.response.json() as { applicationNumber: string }).applicationNumber;
    await sealAndSend(web.app, web.db, applicant, submitted.id);
    const officer = await signIn(web.app, seen.officer);
    const indicators = await web.app.inject({ method: 'PUT', url: `/api/calls/${call.id}/indicators`, headers: officer, payload: { indicators: [{ unitId: '130100', target: 30, isCap: false }] } });
    expect(indicators.statusCode, indicators.body).toBe(200);

    // registration: submitted, confirmed through the mailed link, approved by the unit
    const registration = await registrationBody(web.app, { unitId: '130100' });
    seen.registrant = registration.username;
    expect((await web.app.inject({ method: 'POST', url: '/api/registrations', payload: registration })).statusCode).toBe(202);
    const token = await mailedToken(web.db, registration.email, '/register/confirm');
    expect((await web.app.inject({ method: 'POST', url: '/api/registrations/confirmation', payload: { token } })).statusCode).toBe(200);
    seen.reviewer = await createTestAccount(web.db, 'city-reviewer', { unitId: '130100' });
    const reviewer = await signIn(web.app, seen.reviewer);
    const pending = (await web.app.inject({ method: 'GET', url: '/api/registrations', headers: reviewer })).json() as { id: string; uscc: string }[];
    const registrationId = pending.find((r) => r.uscc === registration.uscc)!.id;
    const approved = await web.app.inject({ method: 'POST', url: `/api/registrations/${registrationId}/decision`, headers: reviewer, payload: { decision: 'approve' } });
    expect(approved.statusCode, approved.body).toBe(200);

    // administration: the administrator disables a reviewer of 唐山
    seen.administrator = await createTestAccount(web.db, 'administrator');
    const disabled = await createTestAccount(web.db, 'city-reviewer', { unitId: '130200' });
    seen.disabled = disabled.username;
    const disabledId = (await web.db.query<{ id: string }>('SELECT id::text AS id FROM account WHERE username = $1', [disabled.username])).rows[0]!.id;
    const disabling = await web.app.inject({ method: 'PATCH', url: `/api/accounts/${disabledId}`, headers: await signIn(web.app, seen.administrator), payload: { disabled: true } });
    expect(disabling.statusCode, disabling.body).toBe(200);

    // messages: the officer writes to 石家庄 and 唐山
    const letter = await web.app.inject({ method: 'POST', url: '/api/letters', headers: officer, payload: { audience: 'units', recipients: ['130100', '130200'], title: '关于报送材料的通知', body: '请按时报送。' } });
    expect(letter.statusCode, letter.body).toBe(201);
  }

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    await given();
  }, 180_000);
  afterAll(() => closeBrowserHarness({ web, browser }));

  const newPage = () => browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const tableRows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => (cell as HTMLElement).innerText.trim())));
  const search = async (page: Page) => {
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    await page.locator('[aria-busy="false"]').first().waitFor();
  };

  it('lets the officer filter by action and by application number, and export what it shows', async () => {
    const page = await newPage();
    await signInThroughPage(page, base, seen.officer);
    await waitForPage(page, `${base}/dashboard`);
    // when: the menu's 操作日志, then the action 提交申报
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    await waitForPage(page, `${base}/audit`);
    await page.getByRole('heading', { name: '操作日志' }).waitFor();
    await page.getByLabel('操作', { exact: true }).click();
    await page.getByLabel('操作', { exact: true }).fill('提交申报');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await search(page);
    // then: our submission among the rows, with the applicant, its role and Beijing time
    await expect.poll(() => page.url()).toContain('action=application.submitted');
    const api = await web.app.inject({ method: 'GET', url: `/api/audit?applicationId=${seen.applicationId}`, headers: await signIn(web.app, seen.officer) });
    const entries = (api.json() as { rows: { at: string; action: string }[] }).rows;
    const submittedAt = beijing(entries.find((e) => e.action === 'application.submitted')!.at);
    await expect.poll(async () => (await tableRows(page)).find((r) => r[7] === seen.applicationNumber)).toEqual(
      [submittedAt, `测试 applicant（${seen.applicant.username}）`, '申报企业', '提交申报', `application:${seen.applicationNumber}`, expect.any(String), '石家庄市', seen.applicationNumber, expect.stringContaining('查看')]);
    expect((await tableRows(page)).every((r) => r[3] === '提交申报')).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // when: no action, the application's number instead
    await page.getByRole('button', { name: /清空条件/ }).click();
    await page.getByLabel('申报编号', { exact: true }).fill(seen.applicationNumber);
    await search(page);
    // then: its sealed scans and its submission, newest first
    await expect.poll(() => page.url()).toBe(`${base}/audit?applicationId=${seen.applicationNumber}`);
    await expect.poll(async () => (await tableRows(page)).map((r) => r[3])).toEqual(['上传盖章材料', '提交申报']);
    expect((await tableRows(page)).map((r) => r[0])).toEqual(entries.map((e) => beijing(e.at)));
    // the details open on a click
    await page.getByText('查看').first().click();
    await page.locator('pre', { hasText: 'sealedMaterials' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // when: 导出Excel
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出Excel/ }).click()]);
    // then: the same rows, by cells
    expect(download.suggestedFilename()).toMatch(/^操作日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = (await downloadedWorkbook(download)).getWorksheet('操作日志')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '时间（北京时间）', '操作人', '角色', '操作', '对象', '批次', '单位', '申报编号', '详情']);
    const cells = (row: number) => [1, 2, 3, 4, 5, 7, 8].map((column) => sheet.getRow(row).getCell(column).value);
    const minute = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
    expect([cells(2), cells(3)]).toEqual(entries.map((e) => [
      minute(e.at), `测试 applicant（${seen.applicant.username}）`, '申报企业', e.action === 'application.submitted' ? '提交申报' : '上传盖章材料',
      `application:${seen.applicationNumber}`, '石家庄市', seen.applicationNumber,
    ]));
    expect(sheet.rowCount).toBe(3);
    await page.close();
  });

  it('lists the registration, the account change and the letter with actor and time, and exports them', async () => {
    // given: what the API lists for these actions since the test began
    const actions = ['registration.submitted', 'registration.confirmed', 'registration.approved', 'account.disabled', 'message.sent'];
    const query = `action=${actions.join(',')}&from=${encodeURIComponent(seen.since)}`;
    const listed = (await web.app.inject({ method: 'GET', url: `/api/audit?${query}&pageSize=200`, headers: await signIn(web.app, seen.officer) })).json() as { rows: { at: string; actor: string; action: string }[] };
    const expected: [action: string, label: string, actor: string][] = [
      ['registration.submitted', '提交企业注册', seen.registrant], ['registration.confirmed', '确认注册邮箱', seen.registrant],
      ['registration.approved', '通过企业注册', seen.reviewer.username], ['account.disabled', '停用账号', seen.administrator.username],
      ['message.sent', '发送消息', seen.officer.username],
    ];
    const page = await newPage();
    await signInThroughPage(page, base, seen.administrator);
    await waitForPage(page, `${base}/dashboard`);
    // when: the administrator opens 操作日志 filtered by these actions
    await page.goto(`${base}/audit?${query}`);
    await page.getByRole('heading', { name: '操作日志' }).waitFor();
    // then: each action of this test is a row naming its actor, at the time recorded
    await expect.poll(async () => (await tableRows(page)).length).toBeGreaterThanOrEqual(expected.length);
    const rows = await tableRows(page);
    for (const [action, label, actor] of expected) {
      const entry = listed.rows.find((r) => r.actor === actor && r.action === action);
      expect(entry, action).toBeDefined();
      expect(rows.find((r) => r[3] === label && r[1]!.includes(actor))?.[0], label).toBe(beijing(entry!.at));
    }
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // and the export holds the same actions and actors, by cells
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出Excel/ }).click()]);
    const sheet = (await downloadedWorkbook(download)).getWorksheet('操作日志')!;
    const exported = Array.from({ length: sheet.rowCount - 1 }, (_, i): [string, string] => [String(sheet.getRow(i + 2).getCell(2).value), String(sheet.getRow(i + 2).getCell(4).value)]);
    for (const [, label, actor] of expected) expect(exported.some(([who, what]) => what === label && who.includes(actor)), label).toBe(true);
    expect(exported.length).toBe(listed.rows.length);
    await page.close();
  });

  it('shows the applicant its application’s 办理记录 on the status page', async () => {
    const page = await newPage();
    await signInThroughPage(page, base, seen.applicant);
    await waitForPage(page, `${base}/portal`);
    // when
    await page.goto(`${base}/applications/${seen.applicationId}`);
    // then: the submission and the sealed scans by the enterprise's own account, the statuses between
    const trail = page.locator('.ant-card', { hasText: '办理记录' });
    await trail.getByText('提交申报').waitFor();
    const events = await trail.getByTestId('trail-event').allInnerTexts();
    expect(events.find((e) => e.includes('提交申报'))).toContain('测试 applicant');
    expect(events.some((e) => e.includes('上传盖章材料'))).toBe(true);
    expect(events.some((e) => e.includes('系统'))).toBe(true);
    expect(events.join('\n')).not.toContain(seen.applicant.username);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});

