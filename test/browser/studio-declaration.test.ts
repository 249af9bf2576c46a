import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Call } from '../../domain/call.js';
import { projectRoot } from '../../platform/config.js';
import { collectModelBundles } from '../../platform/model-deployment.js';
import { parseBpmn, type ModdleElement } from '../../modeling/parse.js';
import { findApplication, latestRuleOutcomes } from '../../store/application-repository.js';
import { contentSha256, findVersion } from '../../store/model-version-repository.js';
import { definitionForCall, latestRelease, type Release } from '../../store/release-repository.js';
import { signInThroughPage, waitForForm, waitForPage } from '../support/browser.js';
import { createDraft, openTestCall, randomUscc, sealAndSend, validModeData, waitForStatus } from '../support/declaration.js';
import { testEngine } from '../support/engine.js';
import { releaseBundle } from '../support/studio.js';
import { deployWithComment, dragPaletteField, editorReady, importThroughPage, openPanelGroup, saveWithComment, selectElement } from '../support/studio-browser.js';
import { createTestAccount, signIn } from '../support/web.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

// Issue 6's "Done when", on the real shipped models in chromium at 1366×768: an administrator adds a field to the
// application form 模式应用类, links a form, changes a candidate group and a timer in the declaration process, raises
// the minimum 两化融合 stage in the decision table, sees a lint error block the deploy, fixes it, deploys, and moves
// this test's own call to the new release. An application submitted before the move finishes on the old version
// under the old rule; a new one shows the new field and is refused under the new rule. The saves, the deploy and the
// move are audited, and the deployed version exports to a file the desktop Camunda Modeler and bpmn-js open.
// Afterwards the shipped declaration is released again, so files running later get the shipped behaviour.

const PROCESS = 'declaration';
const FORM = 'application-mode';
const DECISION = 'minimumIntegrationStage';

describe('the studio changes the real declaration', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  let admin: { username: string; password: string };
  let adminHeaders: Record<string, string>;
  let call: Call;
  let shippedRelease: Release;
  let page: Page;
  const { client, api } = testEngine();
  const suffix = randomBytes(4).toString('hex');
  const instanceOf = async (applicationId: string) => (await findApplication(web.db, applicationId))!.processInstanceId!;
  const definitionOf = async (applicationId: string) => (await api.historicProcessInstance(await instanceOf(applicationId))).processDefinitionId;
  const decidedStage = async (applicationId: string) => {
    const decisions = await client.request('GET', `/history/decision-instance?processInstanceId=${await instanceOf(applicationId)}&decisionDefinitionKey=${DECISION}&includeOutputs=true`, {
      schema: z.array(z.object({ outputs: z.array(z.object({ variableName: z.string(), value: z.unknown() })) })),
    });
    return decisions.flatMap((d) => d.outputs.filter((o) => o.variableName === DECISION).map((o) => o.value));
  };
  const latestContent = async (kind: string, key: string): Promise<{ id: string; version: number; name: string; content: string }> =>
    (await web.db.query('SELECT id::text, version, name, content FROM model_version WHERE kind = $1 AND key = $2 ORDER BY version DESC LIMIT 1', [kind, key])).rows[0];
  /** Saves the editor's model with a comment and waits for the page to confirm the new version. */
  const saveVersionThroughPage = async (kind: string, key: string, comment: string) => {
    const next = (await latestContent(kind, key)).version + 1;
    await saveWithComment(page, comment);
    await page.getByText(`已保存为第 ${next} 版`).waitFor({ timeout: 15_000 });
  };
  const newApplicantAccount = async () => {
    const uscc = randomUscc();
    const credentials = await createTestAccount(web.db, 'applicant', { enterpriseUscc: uscc });
    return { uscc, credentials, headers: await signIn(web.app, credentials) };
  };

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    admin = await createTestAccount(web.db, 'administrator');
    adminHeaders = await signIn(web.app, admin);
    // the demo call: this test's own, pinned (by the trigger) to the release the declaration has now
    shippedRelease = (await latestRelease(web.db, PROCESS))!;
    call = await openTestCall(web.db, new Date(), { title: `工作室申报测试批次 ${suffix}` });
  });
  afterAll(async () => {
    await browser?.close();
    try {
      await restoreShippedDeclaration();
    } finally {
      await web.close();
    }
  });

  /**
   * The shipped declaration, forms and decisions become the latest versions and release again (as the other tests
   * that change the declaration do); a call opened now is pinned to a release with exactly the shipped files.
   */
  async function restoreShippedDeclaration(): Promise<void> {
    const shipped = (await collectModelBundles(path.join(projectRoot, 'processes'), path.join(projectRoot, 'forms'))).find((b) => b.name === PROCESS)!;
    const release = await releaseBundle(web.db, api, shipped);
    const fresh = await openTestCall(web.db);
    expect(await definitionForCall(web.db, fresh.id, PROCESS)).toBe(release.processDefinitionId);
    const members = await Promise.all(release.members.map((m) => findVersion(web.db, m.versionId)));
    expect(members.map((m) => m!.sha256).toSorted()).toEqual(shipped.files.map((f) => contentSha256(f.content)).toSorted());
  }

  it('adds a field, links a form, changes a candidate group, a timer and the minimum stage, is refused a broken deploy, deploys, moves the call: old applications stay, new ones follow', async () => {
    expect((await web.db.query('SELECT release_id::text FROM call_release WHERE call_id = $1 AND process_key = $2', [call.id, PROCESS])).rows)
      .toEqual([{ release_id: shippedRelease.id }]);
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(page, base, admin);
    await waitForPage(page, `${base}/dashboard`);

    // when: 模式应用类 gets a text field 项目联系人职务 (contactTitle) in the form editor
    await page.goto(`${base}/studio/form/${FORM}`);
    await editorReady(page, '表单设计');
    await dragPaletteField(page, 'textfield');
    await openPanelGroup(page, '常规'); // form-js's own properties panel, the new field selected
    await page.getByLabel('字段标签', { exact: true }).fill('项目联系人职务');
    await page.getByLabel('键名', { exact: true }).fill('contactTitle');
    await page.getByRole('region', { name: '表单预览' }).getByText('项目联系人职务').first().waitFor({ timeout: 15_000 });
    await saveVersionThroughPage('form', FORM, '增加项目联系人职务');
    // then: the new version has the field
    const form = await latestContent('form', FORM);
    const fields = (JSON.parse(form.content) as { components: { type: string; key?: string; label?: string }[] }).components;
    expect(fields.filter((field) => field.key === 'contactTitle')).toEqual([expect.objectContaining({ type: 'textfield', label: '项目联系人职务' })]);

    // when: the minimum stage becomes 创新突破 (innovation) in the decision table
    await page.goto(`${base}/studio/decision/${DECISION}`);
    await editorReady(page, '决策表');
    const cell = page.locator('.tjs-container td[data-row-id="Rule_any_direction"][data-col-id="Output_minimumIntegrationStage"]');
    await cell.click();
    const editable = cell.locator('[contenteditable="true"]:visible').first();
    await editable.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('"innovation"');
    await expect.poll(() => editable.innerText(), { timeout: 15_000 }).toBe('"innovation"');
    await page.getByText('有未保存的修改').waitFor();
    await saveVersionThroughPage('decision', DECISION, '最低阶段提高到创新突破');
    const decision = await latestContent('decision', DECISION);
    expect(decision.content).toMatch(/<outputEntry id="OutputEntry_any_direction">\s*<text>"innovation"<\/text>/);

    // when: in the process editor, CityReview's form is linked again through 关联表单, CityRecommendation's candidate
    // group and SealedScansOverdue's timer change, and RenderDocuments gets a topic no worker handles
    await page.goto(`${base}/studio/process/${PROCESS}`);
    await editorReady(page, '流程图');
    const checks = page.getByRole('list', { name: '检查结果' });
    await selectElement(page, 'CityReview');
    const formLink = page.getByLabel('关联表单');
    await formLink.waitFor();
    await page.locator('.studio-form-link .ant-select').hover();
    await page.locator('.studio-form-link .ant-select-clear').click();
    await page.getByText('有未保存的修改').waitFor();
    await formLink.click();
    await formLink.fill(FORM);
    await page.locator('.ant-select-item-option', { hasText: `（${FORM}）` }).waitFor(); // the stored forms are offered
    await formLink.fill('city-preliminary-review');
    await page.locator('.ant-select-item-option', { hasText: '（city-preliminary-review）' }).click();
    await expect.poll(() => page.locator('.studio-form-link').innerText(), { timeout: 15_000 }).toContain('（city-preliminary-review）');
    await page.locator('.studio-form-link').getByRole('link', { name: '在新窗口打开表单' }).waitFor();
    await selectElement(page, 'CityRecommendation');
    await openPanelGroup(page, '办理人');
    await page.getByLabel('候选组', { exact: true }).fill('${cityGroup},province');
    await selectElement(page, 'SealedScansOverdue');
    await openPanelGroup(page, '定时器');
    await page.locator('#bio-properties-panel-timerEventDefinitionType').selectOption('timeDuration');
    await page.locator('#bio-properties-panel-timerEventDefinitionValue').fill('P15D');
    await selectElement(page, 'RenderDocuments');
    await openPanelGroup(page, '实现');
    await page.getByLabel('主题', { exact: true }).fill('no-such-topic');
    await checks.getByText(/没有处理主题“no-such-topic”/).waitFor({ timeout: 15_000 });
    await saveVersionThroughPage('process', PROCESS, '调整推荐办理人和盖章期限');
    await deployWithComment(page, '试部署');
    // then: the server refuses the deploy, naming the element and the rule
    const refusal = page.getByRole('list', { name: '部署被拒绝' });
    await refusal.getByText(/no-such-topic/).first().waitFor({ timeout: 30_000 });
    expect(await refusal.innerText()).toMatch(/生成申报材料和承诺书（RenderDocuments）.*no-such-topic.*\[external-task-topic\]/s);
    expect(await latestRelease(web.db, PROCESS)).toMatchObject({ id: shippedRelease.id });
    // when: the topic is fixed, saved and deployed
    await openPanelGroup(page, '实现');
    await page.getByLabel('主题', { exact: true }).fill('application-render-documents');
    await expect.poll(() => checks.getByText(/no-such-topic/).count(), { timeout: 15_000 }).toBe(0);
    await saveVersionThroughPage('process', PROCESS, '修正外部任务主题');
    await deployWithComment(page, '新版申报流程', new RegExp(`「${form.name}」第 ${form.version} 版`));
    await page.getByText(/已部署为引擎版本 \d+/).waitFor({ timeout: 30_000 });

    // then: a new release, carrying the saved process, the new form version and the new decision version
    const release = (await latestRelease(web.db, PROCESS))!;
    expect(release.id).not.toBe(shippedRelease.id);
    expect(release.processDefinitionVersion).toBeGreaterThan(shippedRelease.processDefinitionVersion);
    const processVersion = await latestContent('process', PROCESS);
    expect(release.processVersionId).toBe(processVersion.id);
    expect(release.members.map((m) => m.versionId)).toEqual(expect.arrayContaining([form.id, decision.id]));
    // and the engine's definition has the changes
    const { bpmn20Xml: deployedXml } = await api.processDefinitionXml(release.processDefinitionId);
    const element = (id: string) => new RegExp(`<bpmn:\\w+ id="${id}"[^>]*>`).exec(deployedXml)?.[0] ?? '';
    expect(element('CityReview')).toContain('camunda:formRef="city-preliminary-review"');
    expect(element('CityReview')).toContain('camunda:formRefBinding="deployment"');
    expect(element('CityReview')).toContain('camunda:candidateGroups="${cityGroup}"');
    expect(element('CityRecommendation')).toContain('camunda:candidateGroups="${cityGroup},province"');
    expect(deployedXml).toMatch(/<bpmn:boundaryEvent id="SealedScansOverdue"[\s\S]*?<bpmn:timeDuration[^>]*>P15D<\/bpmn:timeDuration>[\s\S]*?<\/bpmn:boundaryEvent>/);
    expect(element('RenderDocuments')).toContain('camunda:topic="application-render-documents"');
    const deployedFiles = await api.deploymentResources((await api.processDefinition(release.processDefinitionId)).deploymentId);
    expect(JSON.stringify(deployedFiles)).toContain(`${FORM}.form`);

    // given: an application of the call submitted now, before the move: it starts on the shipped release
    const earlier = await newApplicantAccount();
    const earlierId = await createDraft(web.app, earlier.headers, call.id);
    const earlierSubmit = await web.app.inject({ method: 'POST', url: `/api/applications/${earlierId}/submit`, headers: earlier.headers, payload: { data: await validModeData(web.app, earlier.headers, earlier.uscc) } });
    expect(earlierSubmit.statusCode, earlierSubmit.body).toBe(200);
    await waitForStatus(web.db, earlierId, 'awaiting-sealed-scans', 30_000); // 两化融合 integration passes 单项覆盖

    // when: the call is moved to the new release on the studio's home, with a comment
    await page.goto(`${base}/studio`);
    await page.getByRole('button', { name: new RegExp(`^更新版本：工作室申报测试批次 ${suffix} 重点项目申报`) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`引擎版本 ${release.processDefinitionVersion}（`).waitFor();
    await dialog.getByLabel('说明').fill('本批次新申报使用新版');
    await dialog.getByRole('button', { name: '确认更新' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: new RegExp(`工作室申报测试批次 ${suffix} 重点项目申报.*引擎版本 ${release.processDefinitionVersion}`) }).waitFor();
    expect(await definitionForCall(web.db, call.id, PROCESS)).toBe(release.processDefinitionId);

    // then: the earlier application continues on the old version, under the old rule
    await sealAndSend(web.app, web.db, earlier.headers, earlierId);
    expect(await definitionOf(earlierId)).toBe(shippedRelease.processDefinitionId);
    expect((await api.processDefinition(await definitionOf(earlierId))).version).toBe(shippedRelease.processDefinitionVersion);
    expect(await decidedStage(earlierId)).toEqual(['single-coverage']);
    expect((await latestRuleOutcomes(web.db, earlierId)).filter((o) => o.result !== 'pass')).toEqual([]);

    // and a new application of the call shows the new field, in the browser too
    const later = await newApplicantAccount();
    const laterId = await createDraft(web.app, later.headers, call.id);
    const laterForm = await web.app.inject({ method: 'GET', url: `/api/applications/${laterId}/form`, headers: later.headers });
    expect(laterForm.statusCode, laterForm.body).toBe(200);
    expect(JSON.stringify(laterForm.json())).toContain('"key":"contactTitle"');
    const applicantPage = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(applicantPage, base, later.credentials);
    await waitForPage(applicantPage, `${base}/portal`);
    await applicantPage.goto(`${base}/applications/${laterId}/edit`);
    await waitForForm(applicantPage);
    await applicantPage.getByLabel('项目联系人职务').waitFor();
    await applicantPage.close();
    // and is refused under the new rule, on the new version
    const laterSubmit = await web.app.inject({
      method: 'POST', url: `/api/applications/${laterId}/submit`, headers: later.headers,
      payload: { data: await validModeData(web.app, later.headers, later.uscc, { contactTitle: '项目经理' }) },
    });
    expect(laterSubmit.statusCode, laterSubmit.body).toBe(200);
    await waitForStatus(web.db, laterId, 'refused', 30_000);
    expect(await definitionOf(laterId)).toBe(release.processDefinitionId);
    expect(await decidedStage(laterId)).toEqual(['innovation']);
    expect((await latestRuleOutcomes(web.db, laterId)).filter((o) => o.result !== 'pass')).toEqual([
      expect.objectContaining({ ruleId: 'E3', result: 'refused', field: 'integrationStage', reason: expect.stringContaining('创新突破') }),
    ]);

    // and every save, the deploy and the move are in the audit log, by the administrator
    const audit = await web.db.query<{ action: string; subject: string; detail: Record<string, unknown> }>(
      "SELECT action, subject, detail FROM audit_log WHERE actor = $1 AND action LIKE 'studio.%' ORDER BY id", [admin.username]);
    const saved = audit.rows.filter((r) => r.action === 'studio.version.saved');
    expect(saved.map((r) => r.subject)).toEqual([`form:${FORM}`, `decision:${DECISION}`, `process:${PROCESS}`, `process:${PROCESS}`]);
    expect(saved.map((r) => r.detail.comment)).toEqual(['增加项目联系人职务', '最低阶段提高到创新突破', '调整推荐办理人和盖章期限', '修正外部任务主题']);
    expect(audit.rows.filter((r) => r.action === 'studio.release.deployed')).toEqual([
      { action: 'studio.release.deployed', subject: `process:${PROCESS}`, detail: expect.objectContaining({ releaseId: release.id, processDefinitionId: release.processDefinitionId, comment: '新版申报流程' }) },
    ]);
    expect(audit.rows.filter((r) => r.action === 'studio.call-set.moved')).toEqual([
      { action: 'studio.call-set.moved', subject: `call:${call.id}`, detail: expect.objectContaining({ processKey: PROCESS, from: shippedRelease.id, to: release.id, comment: '本批次新申报使用新版' }) },
    ]);

    // when: the deployed version is exported
    const exported = await web.app.inject({ method: 'GET', url: `/api/studio/versions/${release.processVersionId}/file`, headers: adminHeaders });
    expect(exported.statusCode).toBe(200);
    const file = exported.body;
    // then: it declares Camunda Platform 7.24, draws every flow element, and parses with camunda-bpmn-moddle cleanly
    expect(file).toContain('modeler:executionPlatform="Camunda Platform"');
    expect(file).toContain('modeler:executionPlatformVersion="7.24.0"');
    const { definitions, warnings } = await parseBpmn(file);
    expect(warnings).toEqual([]);
    const list = (element: ModdleElement | undefined, name: string) => (element?.get(name) ?? []) as ModdleElement[];
    const planes = list(definitions, 'diagrams').map((diagram) => diagram.get('plane') as ModdleElement);
    const drawn = new Set(planes.flatMap((plane) => list(plane, 'planeElement').map((di) => (di.get('bpmnElement') as ModdleElement | undefined)?.id)));
    const processElement = list(definitions, 'rootElements').find((e) => e.$type === 'bpmn:Process');
    const flowElements = list(processElement, 'flowElements').map((e) => e.id!);
    expect(flowElements.length).toBeGreaterThan(40);
    expect(flowElements.filter((id) => !drawn.has(id))).toEqual([]);
    // and it imports back through the studio's home, the parser reporting nothing, and opens in the modeler
    const imported = page.waitForResponse((response) => response.url().endsWith('/api/studio/import') && response.request().method() === 'POST');
    await importThroughPage(page, { fileName: `${PROCESS}.bpmn`, content: file }, '导入导出的文件');
    const importAnswer = await imported;
    expect(importAnswer.status()).toBe(201);
    const importedVersion = (await importAnswer.json()) as { kind: string; key: string; problems: { rule: string; category: string }[] };
    expect(importedVersion).toMatchObject({ kind: 'process', key: PROCESS });
    expect(importedVersion.problems.filter((p) => p.rule === 'parse' || p.category === 'error')).toEqual([]);
    await waitForPage(page, `${base}/studio/process/${PROCESS}`);
    await editorReady(page, '流程图');
    await page.locator('.djs-container [data-element-id="SealedScansOverdue"]').waitFor();
    // bpmn-js itself (with camunda-bpmn-moddle) imported it without a warning
    await page.locator('section[aria-label="流程图"][data-import-warnings="0"]').waitFor();
    expect(await page.getByRole('list', { name: '导入警告' }).count()).toBe(0);
    expect(await checks.locator('li').filter({ hasText: /\[parse\]|无法识别/ }).count()).toBe(0);
    expect((await latestContent('process', PROCESS)).content).toBe(file);
    await page.close();
  }, 420_000);
});
