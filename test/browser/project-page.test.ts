import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../platform/database.js';
import { changeProjectStatus, insertProjectsOfBatch } from '../../store/project-repository.js';
import { hasHorizontalScroll, seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { openTestCall, randomUscc, uploadPdf } from '../support/declaration.js';
import { createTestAccount, signIn } from '../support/web.js';

// The provincial library in chromium: the applicant's status page shows its project's status (在库) and dated
// history and leads to the project's page, whose current version sits beside the admission snapshot with the
// changed field marked; a reviewer of another unit finds no such project. Every page passes the axe check.

const beijing = (date: Date | string) => new Date(date).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

describe('the project’s page in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  let applicant: { username: string; password: string };
  let applicationId: string, projectId: string, projectName: string;
  let admittedAt: Date;
  let licenceSha256: string;
  let officerCredentials: { username: string; password: string };

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
    // given: 石家庄's application of a new enterprise, its batch submitted and the project admitted with its snapshot,
    // its investment changed since
    const call = await openTestCall(web.db);
    const uscc = randomUscc();
    applicant = await createTestAccount(web.db, 'applicant', { enterpriseUscc: uscc });
    const reviewer = await createTestAccount(web.db, 'city-reviewer', { unitId: '130100' });
    const officer = await createTestAccount(web.db, 'province-officer');
    const creator = (await web.db.query<{ id: string }>('SELECT id FROM account WHERE username = $1', [applicant.username])).rows[0]!.id;
    const applicationNumber = `B${randomBytes(5).toString('hex')}`;
    projectName = `项目页浏览器测试 ${applicationNumber}`;
    const data = { enterpriseName: '石家庄浏览器测试有限公司', projectName, uscc, direction: 'mode-digital-management', totalInvestment: 500, completedInvestment: 100 };
    applicationId = (await web.db.query<{ id: string }>(
      `INSERT INTO application (call_id, enterprise_uscc, created_by, template, unit_id, application_number, status, data, submitted_at)
       VALUES ($1, $2, $3, 'mode-application', '130100', $4, 'recommended', $5, now()) RETURNING id`,
      [call.id, uscc, creator, applicationNumber, data],
    )).rows[0]!.id;
    const [created] = await withTransaction(web.db, (tx) => insertProjectsOfBatch(tx, {
      callId: call.id, unitId: '130100', applications: [{ applicationId, applicationNumber, enterpriseUscc: uscc }], actor: reviewer.username, at: new Date(Date.now() - 60_000),
    }));
    projectId = created!.id;
    admittedAt = new Date();
    await withTransaction(web.db, (tx) => changeProjectStatus(tx, { projectId, to: 'admitted', actor: officer.username, at: admittedAt, reason: '形式审查通过，准予入库' }));
    const licence = await uploadPdf(web.app, await signIn(web.app, applicant), '营业执照.pdf');
    licenceSha256 = licence.sha256;
    const snapshot = {
      admittedAt: admittedAt.toISOString(), template: 'mode-application', data: { ...data, businessLicense: [licence] },
      attachments: [{ id: licence.id, fileName: licence.fileName, mediaType: 'application/pdf', sha256: licence.sha256, label: '营业执照（副本）扫描件' }], documents: [],
    };
    await web.db.query('UPDATE project SET snapshot = $2 WHERE id = $1', [projectId, JSON.stringify(snapshot)]);
    await web.db.query("UPDATE application SET data = data || '{\"totalInvestment\": 450}'::jsonb WHERE id = $1", [applicationId]);
    // its formal review: returned once with a field comment and answered by the unit, then admitted; a change refused by rule
    await web.db.query(
      `INSERT INTO project_formal_review (project_id, round, decision, opinion, field_comments, decided_by, decided_at, answer_due_at, answer_kind, answer_comment, answered_by, answered_at)
       VALUES ($1, 1, 'return', '请补充备案文件', $2, $3, now() - interval '3 days', now() + interval '2 days', 'answered', '市局已核实并补充', $4, now() - interval '2 days')`,
      [projectId, JSON.stringify([{ field: 'filingNumber', label: '项目备案号', comment: '备案号缺失' }]), officer.username, reviewer.username],
    );
    await web.db.query(`INSERT INTO project_formal_review (project_id, round, decision, opinion, decided_by, decided_at) VALUES ($1, 2, 'admit', '准予入库', $2, now())`, [projectId, officer.username]);
    await web.db.query(
      `INSERT INTO project_change_request (project_id, kind, changes, reason, requested_by, requested_at, status, rule_reason)
       VALUES ($1, 'change', '{"direction": "city-platform"}', '调整方向', $2, now(), 'refused-by-rule', '不能变更为市级工业互联网综合平台')`,
      [projectId, applicant.username],
    );
    officerCredentials = officer;
  }, 120_000);
  afterAll(() => closeBrowserHarness({ web, browser }));

  const newPage = () => browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const projectCard = (page: Page) => page.locator('.ant-card', { has: page.getByText('省级项目库', { exact: true }) });

  it('shows the applicant its project’s status and dated history, and the project’s page with the snapshot beside the current version', async () => {
    // given
    const page = await newPage();
    await signInThroughPage(page, base, applicant);
    await waitForPage(page, `${base}/portal`);
    // when: it opens its application's status page
    await page.goto(`${base}/applications/${applicationId}`);
    await page.getByRole('heading', { name: '申报进度' }).waitFor();
    // then: the card 省级项目库 with 在库 and both status rows, dated in Beijing time, the province named by role
    const card = projectCard(page);
    await card.waitFor();
    expect(await card.getByTestId('project-status').first().innerText()).toBe('在库');
    const rows = card.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    const admitted = await rows.nth(1).innerText();
    expect(admitted).toContain('在库');
    expect(admitted).toContain(beijing(admittedAt));
    expect(admitted).toContain('省工信厅');
    expect(admitted).toContain('形式审查通过，准予入库');
    expect(await rows.nth(0).innerText()).toContain('待形式审查');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // when: it follows the card to the project's page
    await card.getByRole('link', { name: '查看项目详情' }).click();
    await waitForPage(page, `${base}/projects/${projectId}`);
    // then: the project with its status, its two versions side by side with the investment marked, the snapshot's file and hash
    await page.getByRole('heading', { name: projectName }).waitFor();
    expect(await page.getByTestId('project-status').first().innerText()).toBe('在库');
    const versions = page.locator('.ant-card', { has: page.getByText('当前版本与入库快照', { exact: true }) });
    await versions.getByRole('columnheader', { name: '入库快照' }).waitFor();
    const investment = versions.getByRole('row', { name: /项目总投资/ });
    expect(await investment.innerText()).toMatch(/有变更[\s\S]*450[\s\S]*500/);
    expect(await versions.locator('tr.project-field-changed').count()).toBe(2); // the investment, and the licence only the snapshot has
    const file = versions.getByRole('row', { name: /^申报附件（营业执照（副本）扫描件） 营业执照\.pdf/ });
    expect(await file.innerText()).toContain(licenceSha256);
    expect(await file.innerText()).toContain('与快照一致');
    expect(await page.getByText('状态记录', { exact: true }).count()).toBe(1);
    // the formal review's decisions and field comment, not the unit's answer; the change refused by rule
    const rounds = page.getByTestId('formal-review-round');
    expect(await rounds.count()).toBe(2);
    expect(await rounds.nth(0).innerText()).toMatch(/第 1 轮[\s\S]*退回市局[\s\S]*项目备案号：备案号缺失/);
    expect(await page.getByText('市局已核实并补充').count()).toBe(0);
    const refused = await page.getByRole('row', { name: /按规则不予变更/ }).innerText();
    expect(refused).toContain('不能变更为市级工业互联网综合平台');
    expect(refused).toMatch(/申报方向：\p{Script=Han}/u); // the direction asked for by its name, not its code
    expect(refused).not.toContain('city-platform');
    // and the versions narrowed to what changed
    await page.getByLabel('只显示有变更的字段').check();
    await expect.poll(() => versions.getByRole('row', { name: /项目名称/ }).count()).toBe(0);
    expect(await versions.locator('tr.project-field-changed').count()).toBe(2);
    expect(await page.getByRole('button', { name: '申请变更' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '提出退库' }).count()).toBe(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows the officer the unit’s answer and offers 提出退库', async () => {
    // given
    const page = await newPage();
    await signInThroughPage(page, base, officerCredentials);
    await waitForPage(page, `${base}/dashboard`);
    // when
    await page.goto(`${base}/projects/${projectId}`);
    await page.getByRole('heading', { name: projectName }).waitFor();
    // then
    expect(await page.getByTestId('formal-review-round').nth(0).innerText()).toContain('市局已核实并补充');
    expect(await page.getByRole('button', { name: '提出退库' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '申请变更' }).count()).toBe(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('tells a reviewer of another unit that there is no such project', async () => {
    // given: 唐山's reviewer
    const page = await newPage();
    await signInThroughPage(page, base, await createTestAccount(web.db, 'city-reviewer', { unitId: '130200' }));
    await waitForPage(page, `${base}/tasks`);
    // when
    await page.goto(`${base}/projects/${projectId}`);
    // then
    await page.getByRole('alert').filter({ hasText: '没有找到该项目。' }).waitFor();
    expect(await page.getByText(projectName).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
