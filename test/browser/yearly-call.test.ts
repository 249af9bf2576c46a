import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Call } from '../../domain/call.js';
import { findCall } from '../../store/call-repository.js';
import { definitionForCall } from '../../store/release-repository.js';
import { hasHorizontalScroll, seriousAccessibilityViolations, signInThroughPage, waitForForm, waitForPage } from '../support/browser.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { draftAndSubmit, newApplicant, openTestCall, pdfBytes, validModeData } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { releaseShippedWith } from '../support/studio.js';
import { beijingMinute, createNextCallThroughPage } from '../support/call-pages.js';
import { createTestAccount } from '../support/web.js';

// The yearly change as the province makes it, in chromium: the next year's call opened from last year's, its
// opening and enterprise deadline moved, a direction added on 附件2, the status notice's text edited, a download
// uploaded, published. A new-year application offers the direction, declares it, and is told in the edited words
// (version 2 of the new call's texts); last year's application, told afterwards, keeps its call's words (version 1)
// and its call's process release. A newer release of the declaration (its form with one more field) came out
// after last year's call was pinned: the new call opens on it, last year's stays on the one it started with.

const DAY = 86_400_000;
const MINUTE = 60_000;
const { client, api } = testEngine();

describe('the next year’s call in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  let previous: Call;
  let year: number;
  let newRelease: Awaited<ReturnType<typeof releaseShippedWith>>;

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    const taken = new Set((await web.db.query<{ year: number }>('SELECT year FROM call')).rows.map((row) => row.year));
    year = [...Array(80).keys()].map((i) => 2095 - i).find((y) => !taken.has(y) && !taken.has(y + 1))!;
    // last year's call, still open for its own enterprises
    previous = await openTestCall(web.db, new Date(), { id: `y${year}`, year, title: `${year}年工业互联网创新发展重点项目申报` });
    // since then, a release of the declaration whose 模式应用类 asks one more thing
    newRelease = await releaseDeclaration((form) => {
      (form.components as unknown[]).push({ id: 'yearNote', type: 'textfield', key: 'yearNote', label: '新年度补充说明' });
    });
  }, 120_000);
  afterAll(async () => {
    try {
      if (web) await releaseDeclaration(() => undefined); // the shipped declaration is the latest release again
    } finally {
      await closeBrowserHarness({ web, browser });
    }
  });

  function releaseDeclaration(edit: (form: Record<string, unknown>) => void) {
    return releaseShippedWith(web.db, api, 'declaration', 'application-mode.form', (content) => {
      const form = JSON.parse(content) as Record<string, unknown>;
      edit(form);
      return JSON.stringify(form);
    });
  }

  const looksRight = async (page: Page) => {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
  };
  const setDate = async (page: Page, label: string, when: Date) => {
    const field = page.getByLabel(label, { exact: true });
    await field.click();
    await field.fill(beijingMinute(when));
    await field.press('Enter');
  };
  const noticesOf = (applicationId: string) =>
    web.db.query<{ body: string; notice_call_id: string; notice_text_version: number }>(
      'SELECT body, notice_call_id, notice_text_version FROM in_app_message WHERE application_id = $1 ORDER BY id', [applicationId]).then((r) => r.rows);

  it('opens the next call from last year’s with a moved deadline, a new direction, an edited notice and a download; each year’s applications keep their own', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'province-officer'));
    await waitForPage(page, `${base}/dashboard`);

    // 1. the next year's call from last year's
    await page.getByRole('link', { name: '申报批次' }).click();
    await waitForPage(page, `${base}/calls`);
    const id = await createNextCallThroughPage(page, base, previous);
    await page.getByText('草稿（未发布）').first().waitFor();

    // 2. its calendar: opened an hour ago (the copy opens a year from now), enterprise deadline in 20 days
    const opensAt = new Date(Math.floor((Date.now() - 60 * MINUTE) / MINUTE) * MINUTE);
    const deadline = new Date(Math.floor((Date.now() + 20 * DAY) / MINUTE) * MINUTE);
    await setDate(page, '申报开始时间', opensAt);
    await setDate(page, '企业申报截止时间', deadline);
    await page.getByRole('button', { name: '保存日程' }).click();
    await page.getByText('日程已保存').waitFor();
    await expect.poll(async () => (await findCall(web.db, id))!.enterpriseDeadline.toISOString()).toBe(deadline.toISOString());

    // 3. a download
    await page.getByLabel('下载文件标题').fill('附件2 申报材料（新年度版）');
    await page.locator('input[type=file]').setInputFiles({ name: '附件2.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await page.getByText('已上传 附件2.pdf').waitFor();

    // 4. a direction on 附件2, from the call's page
    await page.getByRole('link', { name: '申报方向与申报书类别' }).click();
    await waitForPage(page, `${base}/calls/${id}/directions`);
    await page.getByRole('button', { name: /添加申报方向/ }).click();
    const row = await page.locator('tbody tr.ant-table-row').count();
    await page.getByLabel(`第${row}行申报方向名称`).fill('工业互联网+安全生产监测');
    await page.getByLabel(`第${row}行申报书类别`).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^附件2 模式应用类$/ }).click();
    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByText('申报方向已保存').waitFor();
    const added = (await findCall(web.db, id))!.directions.find((d) => d.label === '工业互联网+安全生产监测')!;
    await looksRight(page);

    // 5. the status notice's body, worded anew
    await page.goto(`${base}/calls/${id}/notices`);
    const body = page.getByRole('textbox', { name: '申报状态变更通知·正文', exact: true });
    await body.waitFor();
    await body.fill('新年度通知：贵单位的“{projectName}”现为：{status}');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page.getByText('当前为第 2 版').waitFor();

    // 6. published
    await page.goto(`${base}/calls/${id}`);
    await page.getByRole('button', { name: '发布批次' }).click();
    await page.getByText('批次已发布').waitFor();
    await looksRight(page);
    await page.close();

    // the new year's applicant: the form offers the direction; declared, the notice is in the edited words
    const uscc = (await newApplicant(web.app, web.db)).uscc;
    const applicantPage = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await signInThroughPage(applicantPage, base, await createTestAccount(web.db, 'applicant', { enterpriseUscc: uscc }));
    await waitForPage(applicantPage, `${base}/portal`);
    const notice = applicantPage.getByRole('region', { name: (await findCall(web.db, id))!.title });
    await notice.getByRole('link', { name: '附件2 申报材料（新年度版）' }).waitFor();
    const { csrfToken } = (await (await applicantPage.request.get(`${base}/api/session`)).json()) as { csrfToken: string };
    const draft = await applicantPage.request.post(`${base}/api/applications`, { data: { callId: id, template: 'mode-application' }, headers: { 'x-csrf-token': csrfToken } });
    expect(draft.status()).toBe(201);
    await applicantPage.goto(`${base}/applications/${((await draft.json()) as { id: string }).id}/edit`);
    await waitForForm(applicantPage);
    await applicantPage.getByLabel(/^申报方向\s*\*?$/).focus();
    const options = applicantPage.locator('.fjs-dropdownlist-item');
    await options.first().waitFor();
    expect(await options.allInnerTexts()).toContain('工业互联网+安全生产监测');
    await applicantPage.getByLabel('新年度补充说明').waitFor(); // the new call's form is the newer release's
    await applicantPage.close();

    const fresh = await newApplicant(web.app, web.db);
    const { id: freshId } = await draftAndSubmit(web.app, fresh.headers, id, await validModeData(web.app, fresh.headers, fresh.uscc, { direction: added.code }));
    const old = await newApplicant(web.app, web.db);
    const { id: oldId } = await draftAndSubmit(web.app, old.headers, previous.id, await validModeData(web.app, old.headers, old.uscc));
    const told = (applicationId: string) => waitFor(`the notices of ${applicationId}`, async () => {
      const rows = await noticesOf(applicationId);
      return rows.length ? rows : undefined;
    });
    for (const message of await told(freshId)) {
      expect(message).toMatchObject({ notice_call_id: id, notice_text_version: 2 });
      expect(message.body).toMatch(/^新年度通知：贵单位的“/);
    }
    for (const message of await told(oldId)) {
      expect(message).toMatchObject({ notice_call_id: previous.id, notice_text_version: 1 });
      expect(message.body).toMatch(/^您单位申报的项目“/);
    }
    // each application runs on its own call's release of the declaration
    const instanceOf = async (applicationId: string) => {
      const processInstanceId = await waitFor('the process', async () =>
        (await web.db.query<{ process_instance_id: string | null }>('SELECT process_instance_id FROM application WHERE id = $1', [applicationId])).rows[0]?.process_instance_id ?? undefined);
      return (await client.request('GET', `/history/process-instance/${processInstanceId}`, { schema: z.object({ processDefinitionId: z.string() }) })).processDefinitionId;
    };
    const expected = async (callId: string) => (await definitionForCall(web.db, callId, 'declaration')) ?? (await api.latestProcessDefinition('declaration')).id;
    expect(await instanceOf(freshId)).toBe(newRelease.processDefinitionId);
    expect(await expected(id)).toBe(newRelease.processDefinitionId);
    expect(await instanceOf(oldId)).toBe(await expected(previous.id));
    expect(await instanceOf(oldId)).not.toBe(newRelease.processDefinitionId);

    // the new call closed again, so no later test finds it the newest open call
    await web.db.query("UPDATE call SET closed_at = now() WHERE id = $1", [id]);
  }, 240_000);
});
