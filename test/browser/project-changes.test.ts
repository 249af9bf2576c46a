import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listChangeRequests, listExitProposals } from '../../store/project-change-repository.js';
import { findProject } from '../../store/project-repository.js';
import { seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { testEngine, waitFor } from '../support/engine.js';
import { provinceAccount, receivedBatch, waitForProjectStatus } from '../support/project-fixture.js';
import { createTestAccount } from '../support/web.js';

// In chromium: the enterprise asks to change its admitted project on /projects/:id/change, and the province officer
// proposes another project's exit on /projects/:id/exit; the first project's exit page says why none can be proposed
// while its change request is open. Each page passes the accessibility check.

describe('the change and exit pages in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;
  const { client } = testEngine();
  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
  });
  afterAll(() => closeBrowserHarness({ web, browser }));

  const activeActivities = async (processInstanceId: string) => {
    const tree = await client.request('GET', `/process-instance/${processInstanceId}/activity-instances`, { schema: z.object({ childActivityInstances: z.array(z.object({ activityId: z.string() })) }) });
    return tree.childActivityInstances.map((a) => a.activityId);
  };
  const newPage = () => browser.newPage({ viewport: { width: 1366, height: 768 } });
  const opened = async (page: Page, url: string, heading: string) => {
    await page.goto(`${base}${url}`);
    await page.getByRole('heading', { name: heading }).waitFor();
    await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 15_000 }).toBe(0);
  };

  it('lets the enterprise ask for a change and the officer propose an exit', async () => {
    // given: 唐山's batch of two, admitted
    const officer = await provinceAccount(web);
    const batch = await receivedBatch(web, client, officer.headers, '130200', 2);
    for (const { project, taskId } of batch.projects) {
      const done = await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers: officer.headers, payload: { formalDecision: 'admit', formalOpinion: '同意入库' } });
      expect(done.statusCode, done.body).toBe(204);
      await waitForProjectStatus(web.db, project.applicationId, 'admitted');
    }
    const [first, second] = batch.projects.map((p) => p.project) as [typeof batch.projects[0]['project'], typeof batch.projects[0]['project']];
    for (const project of [first, second]) await waitFor('the library wait', async () => ((await activeActivities((await findProject(web.db, project.id))!.processInstanceId!)).includes('InLibrary') ? true : undefined));

    // when: an applicant of the enterprise opens the change page, asks for a higher investment with the reason
    const applicant = await newPage();
    await signInThroughPage(applicant, base, await createTestAccount(web.db, 'applicant', { enterpriseUscc: batch.applicant.uscc }));
    await waitForPage(applicant, `${base}/portal`);
    await opened(applicant, `/projects/${first.id}/change`, '申请变更或终止项目');
    await applicant.getByText(first.projectName).first().waitFor();
    expect(await seriousAccessibilityViolations(applicant)).toEqual([]);
    await applicant.getByLabel(/^项目总投资（当前：/).fill('1500');
    await applicant.getByLabel('申请理由').fill('追加设备投资');
    await applicant.getByRole('button', { name: '提交申请' }).click();
    await waitForPage(applicant, `${base}/projects/${first.id}`);
    // then: the request is recorded as asked
    const [request] = await listChangeRequests(web.db, first.id);
    expect(request).toMatchObject({ kind: 'change', changes: { totalInvestment: 1500 }, reason: '追加设备投资' });

    // when: the officer opens the first project's exit page, then the second's, and proposes its exit
    const province = await newPage();
    const officerAccount = await createTestAccount(web.db, 'province-officer');
    await signInThroughPage(province, base, officerAccount);
    await waitForPage(province, `${base}/dashboard`);
    await opened(province, `/projects/${first.id}/exit`, '提出退库');
    await province.getByText('本项目有一项变更申请正在办理，办结后才能再提出变更申请或退库。').waitFor();
    expect(await province.getByRole('button', { name: '提交退库申请' }).count()).toBe(0);
    await opened(province, `/projects/${second.id}/exit`, '提出退库');
    expect(await seriousAccessibilityViolations(province)).toEqual([]);
    await province.getByLabel('严重偏离建设内容').check();
    await province.getByLabel('退库理由').fill('现场核查发现建设内容与申报严重不符');
    await province.getByRole('button', { name: '提交退库申请' }).click();
    await waitForPage(province, `${base}/projects/${second.id}`);
    // then: the proposal waits for a division head
    expect(await listExitProposals(web.db, second.id)).toEqual([
      expect.objectContaining({ ground: 'serious-deviation', reason: '现场核查发现建设内容与申报严重不符', proposedBy: officerAccount.username, status: 'pending' }),
    ]);
  });
});
