import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillSteadily, hasHorizontalScroll, seriousAccessibilityViolations, signInThroughPage, waitForForm, waitForPage } from '../support/browser.js';
import { openTestCall, pdfBytes, randomUscc } from '../support/declaration.js';
import { createTestAccount, signIn } from '../support/web.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

// The whole declaration journey as people do it, only through the browser: an enterprise fills the 模式应用类 form
// field by field with its attachments and submits it, uploads the sealed scans; the unit's reviewer finds the task and
// returns it with a comment on one field; the enterprise sees the comment beside that field, corrects and resubmits.
// A reviewer of another unit sees nothing of it and is refused when asking the API for it directly.

describe('the declaration journey in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
  });
  afterAll(() => closeBrowserHarness({ web, browser }));

  const newPage = () => browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: pdfBytes });
  // form-js marks a required field's label with an asterisk
  const labelled = (label: string) => new RegExp(`^${label.replace(/[()（）*]/g, '\\$&')}\\s*\\*?$`);
  const field = (page: Page, label: string) => page.locator('.fjs-form-field', { has: page.locator('.fjs-form-field-label', { hasText: labelled(label) }) }).last(); // the innermost: groups are form fields too
  /** form-js's select is its own dropdown: focus opens it, a press on an entry picks it. */
  const pick = async (page: Page, label: string, option: string) => {
    await page.getByLabel(labelled(label)).focus();
    await page.locator('.fjs-dropdownlist-item').filter({ hasText: new RegExp(`^${option}$`) }).click();
    await expect.poll(() => field(page, label).locator('.fjs-select-display').innerText()).toBe(option);
  };
  const statusShown = async (page: Page, id: string, label: string) => {
    await expect.poll(async () => {
      await page.goto(`${base}/applications/${id}`);
      await page.getByRole('heading', { name: '申报进度' }).waitFor();
      return page.getByText(label, { exact: true }).count();
    }, { timeout: 30_000 }).toBeGreaterThan(0);
  };
  const sealAndSend = async (page: Page, id: string) => {
    // the timeline keeps earlier rounds' statuses: wait for the step itself to be offered
    await expect.poll(async () => {
      await page.goto(`${base}/applications/${id}`);
      await page.getByRole('heading', { name: '申报进度' }).waitFor();
      return page.getByRole('link', { name: '上传盖章材料' }).count();
    }, { timeout: 30_000 }).toBe(1);
    await page.getByRole('link', { name: '上传盖章材料' }).click();
    await page.locator('#sealedMaterials').setInputFiles(pdf('申报材料（盖章）.pdf'));
    await page.locator('#sealedCommitment').setInputFiles(pdf('承诺书（盖章）.pdf'));
    await page.getByRole('button', { name: /提交，送市级初审/ }).click();
    await waitForPage(page, `${base}/applications/${id}`);
    await expect.poll(async () => (await web.db.query('SELECT status FROM application WHERE id = $1', [id])).rows[0].status, { timeout: 15_000 }).toBe('with-city');
  };

  it('fills, submits, is returned with a field comment, is corrected and resubmitted; another unit sees none of it', async () => {
    // given: an open call and an enterprise of 石家庄
    await openTestCall(web.db);
    const uscc = randomUscc();
    const applicantCredentials = await createTestAccount(web.db, 'applicant', { enterpriseUscc: uscc });
    const applicant = await newPage();
    await signInThroughPage(applicant, base, applicantCredentials);
    await waitForPage(applicant, `${base}/portal`);

    // when: the enterprise starts a 模式应用类 application and fills it in, field by field
    await applicant.getByRole('button', { name: /开始填写/ }).click();
    await waitForPage(applicant, /\/applications\/[0-9a-f-]+\/edit$/);
    const id = /\/applications\/([0-9a-f-]+)\/edit$/.exec(applicant.url())![1]!;
    await waitForForm(applicant);
    // form-js's own words are in Chinese too
    await expect.poll(() => applicant.getByRole('button', { name: '选择文件' }).count()).toBeGreaterThan(0);
    expect(await applicant.getByText('No files selected').count()).toBe(0);
    const projectName = `企业上云示范项目 ${uscc.slice(-6)}`;
    await fillSteadily(applicant, '企业名称', '石家庄示例装备制造有限公司');
    expect(await applicant.getByLabel(labelled('统一社会信用代码')).inputValue()).toBe(uscc); // the account's own, read-only
    await applicant.getByLabel('注册地址').fill('河北省石家庄市长安区示例路1号');
    await pick(applicant, '推荐单位', '石家庄市');
    await applicant.getByLabel('法定代表人').fill('张三');
    await applicant.getByLabel(labelled('联系人')).fill('李四');
    await applicant.getByLabel('联系电话').fill('0311-87908721');
    await applicant.getByLabel('电子邮箱').fill(`contact-${uscc.toLowerCase()}@example.com.cn`);
    await applicant.getByLabel('工业企业').check();
    await applicant.getByLabel('具有独立法人资格').check();
    await pick(applicant, '两化融合发展水平阶段', '集成提升');
    await field(applicant, '两化融合自评估报告').locator('input[type=file]').setInputFiles(pdf('两化融合自评估报告.pdf'));
    await applicant.getByLabel('信息化支撑队伍人数').fill('12');
    await applicant.getByLabel('省级“专精特新”中小企业').check();
    await applicant.getByLabel('项目名称').fill(projectName);
    await pick(applicant, '申报方向', '智能化制造');
    await applicant.getByLabel('新建').check();
    await applicant.getByLabel('项目总投资').fill('1200');
    await applicant.getByLabel('已完成投资').fill('300');
    for (const [label, date] of [['建设期开始日期', '2021/3/1'], ['建设期结束日期', '2022/12/31']] as const) {
      await applicant.getByLabel(label).fill(date);
      await applicant.getByLabel(label).press('Enter');
    }
    await applicant.getByLabel('项目主要建设内容').fill('建设设备联网和数据采集系统，打通设计、生产和运维环节。');
    await applicant.getByLabel('应用场景').fill('离散装备制造的生产排程与设备运维。');
    await applicant.getByLabel('技术路线及创新点').fill('边缘采集 + 企业级平台 + 工业APP。');
    await applicant.getByLabel('预期成效').fill('生产效率提升20%。');
    await applicant.getByLabel('指标名称').fill('生产效率提升');
    await applicant.getByLabel('目标值').fill('20');
    await field(applicant, '营业执照（副本）扫描件').locator('input[type=file]').setInputFiles(pdf('营业执照.pdf'));
    await expect.poll(() => field(applicant, '营业执照（副本）扫描件').innerText()).toContain('营业执照.pdf');
    await applicant.getByLabel('本企业承诺所填信息真实有效，并对申报材料的真实性负责').check();
    expect(await seriousAccessibilityViolations(applicant)).toEqual([]);
    expect(await hasHorizontalScroll(applicant)).toBe(false);
    // and submits it
    await applicant.getByRole('button', { name: '提交申报' }).click();
    await waitForPage(applicant, `${base}/applications/${id}`);

    // then: what was typed is what the server keeps, the attachments with it
    const submitted = (await web.db.query('SELECT status, unit_id, data, application_number FROM application WHERE id = $1', [id])).rows[0];
    expect(submitted.unit_id).toBe('130100');
    expect(submitted.data).toMatchObject({
      projectName, uscc, declaredUnit: '130100', enterpriseKind: 'industrial', integrationStage: 'integration', direction: 'mode-intelligent-manufacturing',
      projectType: 'new', totalInvestment: 1200, periodStart: '2021-03-01', periodEnd: '2022-12-31', priorityQualifications: ['specialized-sme'],
      performanceTargets: [expect.objectContaining({ indicator: '生产效率提升', target: '20' })], commitment: true,
    });
    expect(submitted.data.businessLicense.fileName).toBe('营业执照.pdf');
    expect(submitted.data.selfAssessmentReport.fileName).toBe('两化融合自评估报告.pdf');
    const applicationNumber = submitted.application_number as string;

    // when: the checks pass and the enterprise uploads the sealed scans
    await sealAndSend(applicant, id);

    // then: the unit's reviewer finds the task and returns it with a comment on the filing document
    const reviewer = await newPage();
    await signInThroughPage(reviewer, base, await createTestAccount(web.db, 'city-reviewer', { unitId: '130100' }));
    await waitForPage(reviewer, `${base}/tasks`);
    await expect.poll(async () => {
      await reviewer.reload();
      await reviewer.getByRole('heading', { name: '待办任务' }).waitFor();
      return reviewer.getByRole('row', { name: new RegExp(applicationNumber) }).count();
    }, { timeout: 30_000 }).toBe(1);
    await reviewer.getByRole('row', { name: new RegExp(applicationNumber) }).getByRole('link', { name: '办理' }).click();
    await waitForForm(reviewer);
    await expect.poll(() => reviewer.getByRole('button', { name: '提交初审意见' }).isEnabled(), { timeout: 15_000 }).toBe(true);
    // the list of field comments shows once 退回修改 is chosen (a late render of the form can undo the first check)
    await expect.poll(async () => {
      await reviewer.getByLabel('退回修改').check();
      return reviewer.getByRole('button', { name: '添加一项' }).count();
    }, { timeout: 15_000 }).toBe(1);
    await fillSteadily(reviewer, '初审意见', '请补充项目备案文件。');
    await reviewer.getByRole('button', { name: '添加一项' }).click();
    await pick(reviewer, '字段', '项目备案文件');
    await reviewer.getByLabel(labelled('修改要求')).fill('请上传发改部门出具的备案证明。');
    await reviewer.getByRole('button', { name: '提交初审意见' }).click();
    await waitForPage(reviewer, `${base}/tasks`);

    // then: the enterprise sees the correction, with the comment beside the field it concerns
    await statusShown(applicant, id, '待补正');
    await applicant.getByRole('link', { name: '去补正' }).click();
    await applicant.getByText('请补充项目备案文件。').first().waitFor();
    await applicant.getByText('项目备案文件：请上传发改部门出具的备案证明。').waitFor(); // the field named as the review form names it
    await waitForForm(applicant);
    await expect.poll(() => field(applicant, '项目备案文件').getByRole('note').innerText(), { timeout: 15_000 }).toContain('请上传发改部门出具的备案证明。');
    expect(await seriousAccessibilityViolations(applicant)).toEqual([]);

    // when: it uploads the filing document and resubmits
    await field(applicant, '项目备案文件').locator('input[type=file]').setInputFiles(pdf('项目备案证明.pdf'));
    await applicant.getByLabel('项目备案号').fill('2021-130102-39-03-000123');
    await applicant.getByLabel('请说明补正了哪些内容（必填）').fill('已上传项目备案证明并填写备案号。');
    await applicant.getByRole('button', { name: '提交补正' }).click();
    await waitForPage(applicant, `${base}/applications/${id}`);

    // then: the corrected application passes the checks again and goes back to its city
    await sealAndSend(applicant, id);
    const corrected = (await web.db.query('SELECT data, correction_round FROM application WHERE id = $1', [id])).rows[0];
    expect(corrected.data.filingDocument.fileName).toBe('项目备案证明.pdf');
    expect(corrected.data.filingNumber).toBe('2021-130102-39-03-000123');
    expect(corrected.data.businessLicense.fileName).toBe('营业执照.pdf'); // kept, not picked again
    expect(corrected.correction_round).toBe(1);
    await expect.poll(async () => {
      await reviewer.goto(`${base}/tasks`);
      await reviewer.getByRole('heading', { name: '待办任务' }).waitFor();
      return reviewer.getByRole('row', { name: new RegExp(applicationNumber) }).count();
    }, { timeout: 30_000 }).toBe(1);

    // and: a reviewer of 唐山 sees nothing of it, in the list or by asking the API for it
    const otherCredentials = await createTestAccount(web.db, 'city-reviewer', { unitId: '130200' });
    const other = await newPage();
    await signInThroughPage(other, base, otherCredentials);
    await waitForPage(other, `${base}/tasks`);
    await other.getByRole('heading', { name: '待办任务' }).waitFor();
    await other.waitForLoadState('networkidle');
    expect(await other.getByText(applicationNumber).count()).toBe(0);
    const taskId = /\/tasks\/([0-9a-f-]+)/.exec(await reviewer.getByRole('row', { name: new RegExp(applicationNumber) }).getByRole('link', { name: '办理' }).getAttribute('href') ?? '')![1]!;
    for (const url of [`/api/applications/${id}`, `/api/applications/${id}/status`, `/api/tasks/${taskId}`]) {
      expect((await other.request.get(`${base}${url}`)).status(), url).toBe(404);
    }
    const otherHeaders = await signIn(web.app, otherCredentials);
    const completion = await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers: otherHeaders, payload: { cityDecision: 'pass', cityOpinion: '同意' } });
    expect(completion.statusCode).toBe(404);
    expect((await web.db.query('SELECT status FROM application WHERE id = $1', [id])).rows[0].status).toBe('with-city');
    for (const page of [applicant, reviewer, other]) await page.close();
  }, 300_000);
});
