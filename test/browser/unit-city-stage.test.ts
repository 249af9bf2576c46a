import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../domain/call.js';
import { hasHorizontalScroll, seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { openTestCall, pdfBytes } from '../support/declaration.js';
import { docxText, pdfText } from '../support/documents.js';
import { testEngine } from '../support/engine.js';
import { seedLibrary, type LibraryEntry } from '../support/library.js';
import { beijingMinute } from '../support/call-pages.js';
import { createTestAccount } from '../support/web.js';

// The city stage in chromium, all through pages: the province gives 廊坊市 a cap of two on the indicators page;
// 廊坊市's reviewer recommends from its library under it
// (the third is refused with the rule's message), ranks the two, generates the 推荐表, downloads it as PDF and Word
// (read back, in the ranked order), uploads the sealed scan and submits; the province dashboard shows it received.

const { client } = testEngine();

describe('the unit’s city stage in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  let call: Call;
  let library: LibraryEntry[];

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    call = await openTestCall(web.db);
    library = await seedLibrary(web.db, { callId: call.id, unitId: '131000', count: 3, engine: client });
    // names no other row's name contains
    for (const [index, entry] of library.entries()) {
      await web.db.query("UPDATE application SET data = jsonb_set(data, '{projectName}', to_jsonb($2::text)) WHERE id = $1", [entry.id, ['钢铁数字孪生工厂', '纺织协同设计平台', '装备远程运维服务'][index]]);
    }
  }, 120_000);
  afterAll(() => closeBrowserHarness({ web, browser }));

  const looksRight = async (page: Page) => {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
  };
  const projectName = async (entry: LibraryEntry) =>
    (await web.db.query<{ name: string }>("SELECT data->>'projectName' AS name FROM application WHERE id = $1", [entry.id])).rows[0]!.name;
  const libraryRow = (page: Page, name: string) => page.getByRole('region', { name: '项目库' }).locator('tr', { hasText: name });
  const recommend = async (page: Page, name: string, opinion: string) => {
    await page.getByLabel(`${name}的推荐单位意见`).fill(opinion);
    await libraryRow(page, name).getByRole('button', { name: /^推\s*荐$/ }).click();
  };

  it('recommends under a cap, ranks, renders and downloads the 推荐表, uploads the sealed scan and submits', async () => {
    const [first, second, third] = await Promise.all(library.map(projectName));
    // the province gives 廊坊市 a cap of two on the indicators page (the yearly change "change a unit's indicator")
    const officerPage = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(officerPage, base, await createTestAccount(web.db, 'province-officer'));
    await waitForPage(officerPage, `${base}/dashboard`);
    await officerPage.goto(`${base}/indicators?call=${call.id}`);
    await officerPage.getByLabel('廊坊市培育指标').fill('2');
    await officerPage.getByLabel('廊坊市指标性质').click();
    await officerPage.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^上限$/ }).click();
    await officerPage.getByRole('button', { name: '保存全部指标' }).click();
    await officerPage.getByText('培育指标已保存').waitFor();
    expect((await web.db.query("SELECT target, is_cap FROM unit_indicator WHERE call_id = $1 AND unit_id = '131000'", [call.id])).rows).toEqual([{ target: 2, is_cap: true }]);
    await officerPage.close();

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'city-reviewer', { unitId: '131000' }));
    await waitForPage(page, /\/tasks/);

    // the library: three projects, the cap of two shown
    await page.getByRole('link', { name: '市级项目库' }).click();
    await waitForPage(page, /\/unit\/library/);
    await page.goto(`${base}/unit/library?call=${call.id}`);
    await page.getByLabel(`${third}的推荐单位意见`).waitFor();
    expect(await page.getByTestId('indicator-progress').innerText()).toBe('已推荐 0 项 / 2 项（推荐上限 2 项）');
    await looksRight(page);

    // recommend two, the third is refused over the cap with the rule's message
    await recommend(page, first!, '基础好，同意推荐。');
    await libraryRow(page, first!).getByText('已推荐 · 第 1 位').waitFor();
    await recommend(page, second!, '模式新，同意推荐。');
    await libraryRow(page, second!).getByText('已推荐 · 第 2 位').waitFor();
    expect(await page.getByTestId('indicator-progress').innerText()).toBe('已推荐 2 项 / 2 项（推荐上限 2 项）');
    await page.getByText('已达推荐上限：再推荐须先撤回一项。').waitFor();
    await recommend(page, third!, '同意推荐。');
    const refusal = page.getByRole('alert').filter({ hasText: `“${third}”未能推荐` });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('本单位的推荐数量已达到省厅下达的指标上限。');
    expect((await web.db.query('SELECT count(*)::int AS n FROM recommendation WHERE call_id = $1', [call.id])).rows[0].n).toBe(2);
    await looksRight(page);

    // rank the second first
    await page.getByLabel(`${second}的推荐排序`).fill('1');
    await page.getByLabel(`${first}的推荐排序`).fill('2');
    await page.getByRole('button', { name: '保存排序' }).click();
    await libraryRow(page, second!).getByText('已推荐 · 第 1 位').waitFor();
    await libraryRow(page, first!).getByText('已推荐 · 第 2 位').waitFor();

    // the batch: generate the 推荐表, download it as PDF and Word, in the ranked order
    await page.getByRole('link', { name: '推荐批次' }).click();
    await waitForPage(page, /\/unit\/batch/);
    await page.goto(`${base}/unit/batch?call=${call.id}`);
    await page.getByTestId('batch-state').getByText('尚未生成推荐表').waitFor();
    await page.getByRole('button', { name: '生成推荐表' }).click();
    const pdfLink = page.getByRole('link', { name: /下载推荐表（PDF）/ });
    await page.getByTestId('batch-state').getByText('推荐表已生成，待盖章报送').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /重新生成推荐表/ }).and(page.locator(':not(.ant-btn-loading)')).waitFor(); // settled, not mid-request
    await looksRight(page);
    const pdf = await bytesOf(await Promise.all([page.waitForEvent('download'), pdfLink.click()]).then(([d]) => d));
    const pdfWords = (await pdfText(pdf)).replace(/\s+/g, '');
    expect(pdfWords).toContain('推荐单位：廊坊市');
    expect(pdfWords).toContain('共推荐2个项目');
    // a name may wrap inside its narrow cell, and pdftotext then interleaves it with the next column: compare by the
    // first four characters, which fit any cell and are distinct for the three names
    const head = (name: string) => name.slice(0, 4);
    expect(pdfWords).toContain(head(first!));
    expect(pdfWords).toContain(head(second!));
    expect(pdfWords.indexOf(head(second!))).toBeLessThan(pdfWords.indexOf(head(first!)));
    expect(pdfWords).not.toContain(head(third!));
    const docx = await bytesOf(await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载推荐表（Word）/ }).click()]).then(([d]) => d));
    const words = await docxText(docx);
    expect(words).toContain('模式新，同意推荐。');
    expect(words.indexOf(second!)).toBeLessThan(words.indexOf(first!));

    // upload the sealed scan and submit
    await page.locator('#sealed-table').setInputFiles({ name: '推荐表（盖章）.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await page.getByRole('button', { name: '上传并报送省厅' }).click();
    await page.getByTestId('batch-state').getByText('已报送省厅').waitFor();
    await page.getByRole('link', { name: '盖章推荐表扫描件' }).waitFor();
    const batch = (await web.db.query('SELECT submitted_at, submitted_entries FROM unit_batch WHERE call_id = $1 AND unit_id = $2', [call.id, '131000'])).rows[0];
    expect(batch.submitted_at).not.toBeNull();
    expect(batch.submitted_entries).toHaveLength(2);
    await page.close();

    // the province dashboard shows 廊坊市's batch received, on time
    const officer = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(officer, base, await createTestAccount(web.db, 'province-officer'));
    await waitForPage(officer, `${base}/dashboard`);
    await officer.goto(`${base}/dashboard?call=${call.id}`);
    const langfang = officer.getByRole('region', { name: '各市推荐情况' }).getByRole('row', { name: /廊坊市/ });
    await langfang.getByText('2（上限）').waitFor();
    expect(await langfang.getByRole('cell').last().innerText()).toBe('按时');
    await officer.close();
  });

  it('sets the unit’s own enterprise deadline on 本单位概况, refusing one after the deadline to the province', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'city-reviewer', { unitId: '130600' }));
    await waitForPage(page, /\/tasks/);
    await page.goto(`${base}/unit/dashboard?call=${call.id}`);
    const picker = page.getByLabel('本单位企业申报截止时间');
    await picker.waitFor();
    await page.getByText('未另行设置（按全省截止时间）').waitFor();
    const typeDate = async (when: Date) => {
      await picker.click();
      await picker.fill(beijingMinute(when));
      await picker.press('Enter');
      await page.getByRole('button', { name: '保存截止时间' }).click();
    };
    // after the units' deadline to the province: refused with the rule, nothing stored
    await typeDate(new Date(call.cityDeadline.getTime() + 86_400_000));
    await page.getByRole('alert').getByText('未能保存：须晚于申报开始时间，且不晚于各市报送省厅的截止时间').waitFor();
    const stored = () => web.db.query('SELECT enterprise_deadline FROM call_unit_deadline WHERE call_id = $1 AND unit_id = $2', [call.id, '130600']).then((r) => r.rows);
    expect(await stored()).toEqual([]);
    // ten days before the province's enterprise deadline: saved and shown
    const wanted = new Date(Math.floor((call.enterpriseDeadline.getTime() - 10 * 86_400_000) / 60_000) * 60_000);
    await typeDate(wanted);
    await page.getByText(`本单位企业申报截止时间已设为 ${beijingMinute(wanted)}`).waitFor();
    expect(await stored()).toEqual([{ enterprise_deadline: wanted }]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});


async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream())!) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
