import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { openTestCall, randomUscc } from '../support/declaration.js';
import { createTestAccount } from '../support/web.js';
import { deployWithComment, dragPaletteField, editorReady, importThroughPage, openPanelGroup, saveWithComment, selectElement } from '../support/studio-browser.js';
import { studioTestModels } from './studio-models.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

// The studio (流程与表单设计) in chromium at 1366×768: the administrator's home and editors load and pass axe (the
// canvases included, nothing excluded), a form and a process are edited, checked, saved, deployed and a call moved to
// the release, and nobody else's page load fetches any of the studio's code.

/** Text only the studio's libraries carry: the properties panel, the modeler's palette, form-js's editor, dmn-js. */
const studioCodeMarkers = ['bio-properties-panel', 'djs-palette', 'fjs-editor-container', 'dmn-decision-table-container', 'tjs-container'];

describe('the studio in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
  });
  afterAll(() => closeBrowserHarness({ web, browser }));
  const latestContent = async (kind: string, key: string): Promise<string> =>
    (await web.db.query('SELECT content FROM model_version WHERE kind = $1 AND key = $2 ORDER BY version DESC LIMIT 1', [kind, key])).rows[0].content;

  it('opens for the administrator: the models, the process modeler with its properties panel, the form editor, the decision table', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'administrator'));
    await waitForPage(page, `${base}/dashboard`);
    // the menu leads to the studio's home
    await page.getByRole('menuitem', { name: '流程与表单设计' }).click();
    await waitForPage(page, `${base}/studio`);
    await page.getByRole('heading', { name: '流程与表单设计' }).waitFor();
    await page.getByRole('cell', { name: 'declaration', exact: true }).first().waitFor({ timeout: 15_000 }); // also a call's row, when another file's call is open
    await page.getByRole('cell', { name: 'minimumIntegrationStage', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'city-preliminary-review', exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // the process editor: the canvas with the diagram, the Camunda 7 properties panel
    await page.getByRole('link', { name: /^编辑重点项目申报/ }).click();
    await waitForPage(page, `${base}/studio/process/declaration`);
    await editorReady(page, '流程图');
    await page.locator('.djs-container [data-element-id="CheckApplication"]').waitFor();
    await page.locator('.bio-properties-panel').waitFor();
    // selecting a user task shows its properties and the form link
    await page.locator('.djs-container [data-element-id="CityReview"]').click();
    await page.locator('.bio-properties-panel-header-label', { hasText: '市级初审' }).waitFor();
    await expect.poll(() => page.getByLabel('关联表单').count(), { timeout: 15_000 }).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // the form editor with its live preview
    await page.goto(`${base}/studio/form/city-preliminary-review`);
    await editorReady(page, '表单设计');
    await page.locator('.fjs-editor-container').waitFor();
    await page.getByRole('region', { name: '表单预览' }).getByText('初审意见').first().waitFor({ timeout: 15_000 });
    // its palette and properties panel speak Chinese, what the administrator types stays as typed
    const palette = page.locator('.fjs-palette');
    await palette.locator('.fjs-palette-field[data-field-type="textfield"]').getByText('文本框', { exact: true }).waitFor();
    expect(await palette.locator('.fjs-palette-group-title').allInnerTexts()).toEqual(['输入', '选择', '展示', '容器', '操作']);
    expect(await palette.getByPlaceholder('搜索组件').count()).toBe(1);
    await page.locator('.fjs-editor-container .fjs-element[data-id="cityOpinion"]').click();
    await page.locator('.bio-properties-panel-header-type', { hasText: '多行文本' }).waitFor();
    await openPanelGroup(page, '常规');
    await page.getByLabel('键名', { exact: true }).waitFor();
    await page.getByLabel('字段标签', { exact: true }).fill('Select');
    await expect.poll(() => page.locator('.bio-properties-panel-header-label').innerText(), { timeout: 15_000 }).toBe('Select');
    expect(await page.locator('.fjs-editor-container .fjs-element[data-id="cityOpinion"] .fjs-form-field-label').first().innerText()).toMatch(/^Select\b/);
    expect(await page.getByLabel('字段标签', { exact: true }).innerText()).toBe('Select'); // a template editor, not an input
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // the decision table
    await page.goto(`${base}/studio/decision/minimumIntegrationStage`);
    await editorReady(page, '决策表');
    await page.locator('.tjs-container').waitFor();
    await page.getByText('最低阶段').first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('imports a form and a process, adds a field, changes a candidate group and a timer, is refused a deploy with a lint error, deploys, takes an element template, and moves a call to the release', async () => {
    // given: a form and a process of this test only (deploying them changes no other test's process), and a call
    // made before the process has any release (so the call follows the latest until it is pinned)
    const suffix = randomBytes(4).toString('hex');
    const models = studioTestModels(suffix);
    const call = await openTestCall(web.db, new Date(), { title: `工作室测试批次 ${suffix}` });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'administrator'));
    await waitForPage(page, `${base}/dashboard`);
    // when: the form is imported and a text field added in the form editor
    await importThroughPage(page, models.form, '导入测试表单');
    await waitForPage(page, `${base}/studio/form/${models.form.key}`);
    await editorReady(page, '表单设计');
    await dragPaletteField(page, 'textfield');
    await page.getByText('有未保存的修改').waitFor();
    await saveWithComment(page, '添加一个文本字段');
    await page.getByText('已保存为第 2 版').waitFor();
    // then: the new version has the field
    const form = JSON.parse(await latestContent('form', models.form.key)) as { components: { type: string }[] };
    expect(form.components.filter((component) => component.type === 'textfield')).toHaveLength(2);

    // when: the process is imported, its candidate group and timer changed in the properties panel, and its
    // external task given a topic no worker handles
    await page.goto(`${base}/studio`);
    await importThroughPage(page, models.process, '导入测试流程');
    await waitForPage(page, `${base}/studio/process/${models.process.key}`);
    await editorReady(page, '流程图');
    await selectElement(page, 'Review');
    await openPanelGroup(page, '办理人');
    await page.getByLabel('候选组', { exact: true }).fill('city130100');
    await selectElement(page, 'Wait');
    await openPanelGroup(page, '定时器');
    await page.getByLabel('值', { exact: true }).fill('PT2H');
    await selectElement(page, 'Notify');
    await openPanelGroup(page, '实现');
    await page.getByLabel('主题', { exact: true }).fill('no-such-topic');
    // then: the lint lists the error while editing
    const checks = page.getByRole('list', { name: '检查结果' });
    await checks.getByText(/没有处理主题“no-such-topic”/).waitFor({ timeout: 15_000 });
    // when: saved (a version with problems is kept) and deployed
    await saveWithComment(page, '改候选组和定时器');
    await page.getByText('已保存为第 2 版').waitFor();
    await deployWithComment(page, '试部署');
    // then: the server refuses, naming the rule and the element; a click on the problem selects the element
    const refusal = page.getByRole('list', { name: '部署被拒绝' });
    await refusal.getByText(/no-such-topic/).first().waitFor({ timeout: 30_000 });
    expect(await refusal.innerText()).toMatch(/通知（Notify）.*no-such-topic.*\[external-task-topic\]/s);
    await selectElement(page, 'Review');
    await refusal.getByRole('button', { name: /no-such-topic/ }).click();
    await page.locator('.bio-properties-panel-header-label', { hasText: '通知' }).waitFor();
    // when: the topic is fixed, saved and deployed
    await openPanelGroup(page, '实现');
    await page.getByLabel('主题', { exact: true }).fill('application-status');
    await expect.poll(() => checks.getByText(/no-such-topic/).count(), { timeout: 15_000 }).toBe(0);
    await saveWithComment(page, '修正外部任务主题');
    await page.getByText('已保存为第 3 版').waitFor();
    await deployWithComment(page, '部署测试流程', /第 2 版/);
    await page.getByText(/已部署为引擎版本 1/).waitFor({ timeout: 30_000 });
    // then: the stored version carries the changes, and the release holds it with the form's new version
    const process = await latestContent('process', models.process.key);
    expect(process).toContain('camunda:candidateGroups="city130100"');
    expect(process).toMatch(/<bpmn:timeDuration[^>]*>PT2H<\/bpmn:timeDuration>/);
    expect(process).toContain('camunda:topic="application-status"');
    const members = await web.db.query(
      `SELECT v.kind, v.version FROM model_release r JOIN model_release_member m ON m.release_id = r.id JOIN model_version v ON v.id = m.version_id
        WHERE r.process_key = $1 ORDER BY v.kind`, [models.process.key]);
    expect(members.rows).toEqual([{ kind: 'form', version: 2 }, { kind: 'process', version: 3 }]);
    // and the versions drawer compares the last two versions, as text and as diagrams
    await page.getByRole('button', { name: '版本历史' }).click();
    await page.getByRole('button', { name: '文本对比' }).click();
    await page.locator('pre.studio-diff .studio-line-added', { hasText: 'application-status' }).waitFor();
    await page.locator('pre.studio-diff .studio-line-removed', { hasText: 'no-such-topic' }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('pre.studio-diff').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '图形对比' }).click();
    const visual = page.locator('.studio-visual-diff[aria-busy="false"]');
    await visual.getByRole('cell', { name: /no-such-topic → application-status/ }).waitFor({ timeout: 15_000 });
    expect(await visual.locator('.studio-diff-changed[data-element-id="Notify"]').count()).toBe(2);
    await page.keyboard.press('Escape');
    await page.locator('.studio-visual-diff').waitFor({ state: 'detached' });
    await page.locator('.ant-drawer .ant-drawer-close').click();
    await page.getByRole('button', { name: '文本对比' }).waitFor({ state: 'detached' });

    // and a service task takes one of the workers' element templates through the chooser
    await selectElement(page, 'Notify');
    await page.locator('.bio-properties-panel-group-header', { hasText: '模板' }).getByRole('button', { name: /选择/ }).click();
    await page.locator('.djs-popup').getByText('设置申报状态并通知企业', { exact: true }).click();
    await page.locator('.bio-properties-panel-header').getByText('设置申报状态并通知企业').first().waitFor();
    await page.locator('.bio-properties-panel-group-header', { hasText: '模板' }).getByText('已应用').waitFor();
    await page.getByText('有未保存的修改').waitFor();

    // when: the call is moved to the release on the studio's home, with a comment
    await page.goto(`${base}/studio`);
    await page.getByRole('button', { name: `更新版本：工作室测试批次 ${suffix} 工作室测试流程 ${models.process.key}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/引擎版本 1（/).waitFor();
    await dialog.getByLabel('说明').fill('新申报使用测试流程');
    await dialog.getByRole('button', { name: '确认更新' }).click();
    await dialog.waitFor({ state: 'detached' });
    // then: the call is pinned to that release, and the move is audited
    const pinned = await web.db.query(
      'SELECT r.process_definition_version FROM call_release c JOIN model_release r ON r.id = c.release_id WHERE c.call_id = $1 AND c.process_key = $2',
      [call.id, models.process.key]);
    expect(pinned.rows).toEqual([{ process_definition_version: 1 }]);
    const audit = await web.db.query("SELECT detail->>'comment' AS comment FROM audit_log WHERE action = 'studio.call-set.moved' AND subject = $1", [`call:${call.id}`]);
    expect(audit.rows).toEqual([{ comment: '新申报使用测试流程' }]);
    await page.close();
  });

  it('fetches no studio code for a province officer or an applicant, even at /studio', async () => {
    for (const [role, home] of [['province-officer', '/dashboard'], ['applicant', '/portal']] as const) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      const loaded = recordScripts(page);
      await signInThroughPage(page, base, await createTestAccount(web.db, role, role === 'applicant' ? { enterpriseUscc: randomUscc() } : {}));
      await waitForPage(page, `${base}${home}`);
      await page.waitForLoadState('networkidle');
      // the menu has no studio, and its address leads home
      expect(await page.getByRole('menuitem', { name: '流程与表单设计' }).count()).toBe(0);
      await page.goto(`${base}/studio/process/declaration`);
      await waitForPage(page, `${base}${home}`);
      await page.waitForLoadState('networkidle');
      const scripts = await loaded();
      expect(scripts.length).toBeGreaterThan(0);
      expect(requested.filter((url) => /\/assets\/studio-/.test(url))).toEqual([]);
      for (const script of scripts) {
        expect(studioCodeMarkers.filter((marker) => script.body.includes(marker)), script.url).toEqual([]);
      }
      await page.close();
    }
  });
});

/**
 * Records every script the page loads; the answer resolves with their addresses and text. A script answered
 * 304 Not Modified has no body of its own: the browser took it from its cache, filled by an earlier answer here.
 */
function recordScripts(page: Page): () => Promise<{ url: string; body: string }[]> {
  const scripts: Promise<{ url: string; body: string } | undefined>[] = [];
  const urls = new Set<string>();
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    urls.add(response.url());
    if (response.status() === 304) return;
    scripts.push(response.text().then((body) => ({ url: response.url(), body })));
  });
  return async () => {
    const loaded = (await Promise.all(scripts)).filter((script) => script !== undefined);
    expect([...urls].filter((url) => !loaded.some((script) => script.url === url))).toEqual([]);
    return loaded;
  };
}
