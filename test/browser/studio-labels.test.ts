import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { editorReady, importThroughPage } from '../support/studio-browser.js';
import { createTestAccount } from '../support/web.js';
import { smallProcess, testKey } from '../studio/fixtures.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

// The studio as the administrator reads it, in chromium at 1366×768: the three application forms by their own
// names (and the file pickers' hints rendered), the checks' problems in Chinese with the rule id beside them, and
// the decision tables' hit policies and coded values ("single-coverage") in Chinese.

// An English sentence: three words in a row, the last two lower case ("Element is not connected").
const englishSentence = /[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}/;

describe('the studio in Chinese', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'administrator'));
    await waitForPage(page, `${base}/dashboard`);
  });
  afterAll(() => closeBrowserHarness({ web, browser }));

  it('lists the three application forms under three names', async () => {
    await page.goto(`${base}/studio`);
    const forms = page.locator('.ant-card', { has: page.getByText('表单', { exact: true }) });
    const nameOf = async (key: string) => (await forms.getByRole('row', { name: new RegExp(`\\b${key}\\b`) }).getByRole('cell').first().innerText()).trim();
    await forms.getByRole('cell', { name: 'application-mode', exact: true }).waitFor({ timeout: 15_000 });
    expect([await nameOf('application-mode'), await nameOf('application-industry-platform'), await nameOf('application-experience-center')])
      .toEqual(['模式应用类申报书', '行业（区域）级平台类申报书', '体验中心类申报书']);
  });

  it("renders the file pickers' hints in the form, as text beside each picker", async () => {
    // when: the 模式应用类 form opens in the form editor, whose preview is form-js's own viewer
    await page.goto(`${base}/studio/form/application-mode`);
    await editorReady(page, '表单设计');
    const preview = page.getByRole('region', { name: '表单预览' });
    // then: both hints are shown (a picker's description was never rendered)
    await preview.getByText('登录 http://hebeipg.cspiii.com 完成评估后下载的企业两化融合自评估报告', { exact: false }).waitFor({ timeout: 15_000 });
    await preview.getByText('后期拟申请试点示范的项目须上传').waitFor();
  });

  it("lists a process's problems in Chinese, each with its rule id", async () => {
    // given: a process without its end event (bpmnlint's end-event-required; its diagram still draws the end event)
    const key = testKey('studio_labels');
    const content = smallProcess(key).replace(/<bpmn:endEvent[^]*?<\/bpmn:endEvent>/, '').replace(/<bpmn:sequenceFlow id="f2"[^>]*\/>/, '');
    // when
    await importThroughPage(page, { fileName: `${key}.bpmn`, content }, '检查结果用中文');
    await waitForPage(page, `${base}/studio/process/${key}`);
    await editorReady(page, '流程图');
    // then
    const checks = page.getByRole('list', { name: '检查结果' });
    const missingEnd = checks.getByRole('listitem').filter({ hasText: '[end-event-required]' });
    await missingEnd.waitFor({ timeout: 15_000 });
    expect(await missingEnd.innerText()).toMatch(/流程缺少结束事件\s*\[end-event-required\]/);
    const lines = await checks.getByRole('listitem').allInnerTexts();
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.filter((line) => englishSentence.test(line))).toEqual([]);
  });

  it("shows the decision tables' hit policies and coded values in Chinese", async () => {
    // when: the minimum stage table opens
    await page.goto(`${base}/studio/decision/minimumIntegrationStage`);
    await editorReady(page, '决策表');
    // then: its hit policy is 首条命中 (FIRST), and "single-coverage" is explained as 单项覆盖
    const table = page.getByRole('region', { name: '决策表' });
    await expect.poll(() => table.locator('.hit-policy').first().innerText(), { timeout: 15_000 }).toMatch(/命中策略：\s*首条命中/);
    const legend = page.getByRole('region', { name: '取值说明' });
    await expect.poll(() => legend.getByRole('row', { name: /"single-coverage"/ }).innerText(), { timeout: 15_000 }).toMatch(/单项覆盖（两化融合阶段）/);
    expect(await legend.getByRole('row', { name: /"innovation"/ }).innerText()).toMatch(/创新突破/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // when: the priority table opens
    await page.goto(`${base}/studio/decision/applicationPriority`);
    await editorReady(page, '决策表');
    // then: 汇总（最小值） (COLLECT MIN), and each qualification's code has its label
    await expect.poll(() => table.locator('.hit-policy').first().innerText(), { timeout: 15_000 }).toMatch(/汇总（最小值）/);
    await expect.poll(() => legend.getByRole('row', { name: /"it-pilot"/ }).innerText(), { timeout: 15_000 }).toMatch(/列入国家和省信息化类试点示范（优先条件）/);
    expect(await table.locator('.hit-policy').first().getAttribute('title')).toBe('收集所有命中规则的结果，取最小值');
  });
});
