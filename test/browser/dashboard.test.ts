import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toEngineVariables } from '../../platform/engine/index.js';
import type { Call } from '../../domain/call.js';
import { findApplication } from '../../store/application-repository.js';
import { hasHorizontalScroll, seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { openTestCall } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { seedLibrary, type LibraryEntry } from '../support/library.js';
import { createTestAccount } from '../support/web.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

// The province's dashboards in chromium at 1366×768: a chart with its table per tab, the funnel exported and read
// back, an overdue task, and an incident retried by the officer until the process goes on — in Chinese, accessibly.

const { client, api } = testEngine();

describe('the province dashboards in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  let call: Call;
  let library: LibraryEntry[];
  let failing: { id: string; applicationNumber: string; processInstanceId: string };

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    call = await openTestCall(web.db);
    // two applications in 秦皇岛's library, the first one's recommendation overdue by a day
    library = await seedLibrary(web.db, { callId: call.id, unitId: '130300', count: 2, engine: client });
    const late = (await api.tasks({ processInstanceId: (await findApplication(web.db, library[0]!.id))!.processInstanceId! }))[0]!;
    await client.request('PUT', `/task/${late.id}`, { json: { name: late.name, priority: 50, due: new Date(Date.now() - 86_400_000).toISOString().replace('Z', '+0000') }, schema: z.unknown() });
    // a third whose process records the city's pass for a record that does not exist: the worker fails into an incident
    const [entry] = await seedLibrary(web.db, { callId: call.id, unitId: '130300', count: 1 });
    const instance = await client.request('POST', '/process-definition/key/declaration/start', {
      json: {
        businessKey: entry!.applicationNumber,
        variables: toEngineVariables({ applicationId: randomUUID(), applicationNumber: entry!.applicationNumber, cityGroup: 'city130300' }),
        startInstructions: [{ type: 'startBeforeActivity', activityId: 'MarkInCityLibrary' }],
      },
      schema: z.object({ id: z.string() }),
    });
    await web.db.query('UPDATE application SET process_instance_id = $2 WHERE id = $1', [entry!.id, instance.id]);
    failing = { ...entry!, processInstanceId: instance.id };
    await waitFor('the incident', async () => ((await api.incidents(instance.id)).length ? true : undefined), 30_000);
  }, 120_000);
  afterAll(() => closeBrowserHarness({ web, browser }));

  const open = async (page: Page, query: string) => {
    await page.goto(`${base}/dashboard?call=${call.id}${query}`);
    await page.locator('[aria-busy="false"]').first().waitFor();
  };
  const looksRight = async (page: Page) => {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
  };

  it('shows the officer each unit’s progress, the funnel, the overdue task and the incident, and retries it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'province-officer'));
    await waitForPage(page, `${base}/dashboard`);
    await open(page, '');

    // per unit: a chart named for what it shows, and its numbers in the table
    const units = page.getByRole('region', { name: '各市推荐情况' });
    await units.getByRole('img', { name: /各市已推荐项目数与培育指标对比/ }).waitFor();
    expect(await units.locator('tbody tr').count()).toBe(14);
    expect(await units.getByRole('row', { name: /秦皇岛市/ }).getByRole('cell').allInnerTexts()).toEqual(['秦皇岛市', '未下达', '3', '0', '3', '0', '—', '0', '未报送']);
    await looksRight(page);

    // the funnel: every status in a table beside the chart; its Excel file reads back the same
    await page.getByRole('tab', { name: '申报状态分布' }).click();
    const funnel = page.getByRole('region', { name: '申报状态分布' });
    await funnel.getByRole('img', { name: /本批次申报在各状态的数量/ }).waitFor();
    expect(await funnel.locator('tbody tr').count()).toBe(12);
    expect(await funnel.getByRole('row', { name: /已纳入市级重点项目库/ }).getByRole('cell').allInnerTexts()).toEqual(['已纳入市级重点项目库', '3', '100%']);
    await looksRight(page);
    const [download] = await Promise.all([page.waitForEvent('download'), funnel.getByRole('button', { name: /导出 Excel/ }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await readAll(await download.createReadStream()) as never);
    const sheet = book.getWorksheet('申报状态分布')!;
    const shown = await funnel.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td')).slice(0, 2).map((td) => td.textContent)));
    expect(Array.from({ length: 12 }, (_, i) => [String(sheet.getRow(i + 2).getCell(1).value), String(sheet.getRow(i + 2).getCell(2).value)])).toEqual(shown);

    // the overdue task, with its unit and application number
    await page.getByRole('tab', { name: /逾期任务/ }).click();
    const tasks = page.getByRole('region', { name: '逾期任务' });
    const overdueRow = tasks.getByRole('row', { name: new RegExp(library[0]!.applicationNumber) });
    await overdueRow.waitFor();
    expect(await overdueRow.innerText()).toMatch(/秦皇岛市[\s\S]*推荐至省厅[\s\S]*1 天/);
    await looksRight(page);

    // the incident, with its message and, on expanding, the worker's details
    await page.getByRole('tab', { name: /流程异常/ }).click();
    const incidents = page.getByRole('region', { name: '流程异常' });
    const row = incidents.getByRole('row', { name: new RegExp(failing.applicationNumber) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/纳入市级重点项目库[\s\S]*is not a submitted application/);
    await row.getByRole('button', { name: /展开/ }).click();
    await incidents.locator('pre', { hasText: /\n\s+at / }).first().waitFor();
    await looksRight(page);

    // when: the cause is fixed and the officer retries, confirming first
    await client.request('PUT', `/process-instance/${failing.processInstanceId}/variables/applicationId`, { json: { value: failing.id, type: 'String' }, schema: z.unknown() });
    await row.getByRole('button', { name: /^重试/ }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /重\s*试/ }).click();
    // then: progress is shown, and the row goes once the process went on
    await page.getByText(/已提交重试/).waitFor();
    await expect.poll(() => incidents.getByRole('row', { name: new RegExp(failing.applicationNumber) }).count(), { timeout: 45_000 }).toBe(0);
    await page.getByText('流程已从失败的环节继续运行。').waitFor();
    await waitFor('the recommendation task', async () => (await api.tasks({ processInstanceId: failing.processInstanceId, taskDefinitionKey: 'CityRecommendation' }))[0]);
    const audit = await web.db.query('SELECT actor FROM audit_log WHERE subject = $1 AND action = $2', [`process-instance:${failing.processInstanceId}`, 'incident.retried']);
    expect(audit.rowCount).toBe(1);
    await page.close();
  }, 120_000);

  it('shows the administrator the incidents without a retry, and an empty call with what to do', async () => {
    // an incident of its own, so there is a row to look at
    const instance = await client.request('POST', '/process-definition/key/declaration/start', {
      json: { businessKey: `dash-${randomUUID()}`, variables: toEngineVariables({ applicationId: randomUUID() }), startInstructions: [{ type: 'startBeforeActivity', activityId: 'MarkInCityLibrary' }] },
      schema: z.object({ id: z.string() }),
    });
    await waitFor('the incident', async () => ((await api.incidents(instance.id)).length ? true : undefined), 30_000);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'administrator'));
    await waitForPage(page, `${base}/dashboard`);
    await open(page, '&tab=incidents');
    const incidents = page.getByRole('region', { name: '流程异常' });
    await incidents.getByText('您以平台管理员身份查看').waitFor();
    await expect.poll(() => incidents.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await incidents.getByRole('button', { name: /^重试/ }).count()).toBe(0);
    await looksRight(page);
    // a call without applications says what will appear and when
    const empty = await openTestCall(web.db);
    await page.goto(`${base}/dashboard?call=${empty.id}&tab=funnel`);
    await page.getByText(/本批次还没有申报。企业在申报期内新建或提交申报后/).waitFor();
    await looksRight(page);
    // clean up: end the instance, so other files' incident lists stay short
    await client.request('DELETE', `/process-instance/${instance.id}?skipCustomListeners=true`, { schema: z.unknown() });
    await page.close();
  }, 120_000);
});

async function readAll(stream: NodeJS.ReadableStream | null): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream!) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
