import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../platform/database.js';
import { changeProjectStatus, insertProjectsOfBatch } from '../../store/project-repository.js';
import type { ProjectView } from '../../web/server/schemas/projects.js';
import { formFields, versionFields } from '../../web/server/projects/version-fields.js';
import { openTestCall, randomUscc, uploadPdf } from '../support/declaration.js';
import { testEngine } from '../support/engine.js';
import { receivedBatch } from '../support/project-fixture.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// A project's page (GET /api/projects/:projectId) and the project on its application's status (GET
// /api/applications/:id/status): who sees it (the province's roles all, a unit its own, an enterprise its own;
// anyone else is told it does not exist), the snapshot beside the current version once admitted, the status rows
// with their names, and what of the unit's and the province's exchanges an applicant does not see.

describe('a project’s page', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let callId: string;
  const headers: Record<string, Record<string, string>> = {};
  const usernames: Record<string, string> = {};
  const usccA = randomUscc();
  const usccB = randomUscc('130203');

  beforeAll(async () => {
    web = await testApp();
    callId = (await openTestCall(web.db)).id;
    const people = {
      applicantA: ['applicant', { enterpriseUscc: usccA }], applicantB: ['applicant', { enterpriseUscc: usccB }],
      reviewer: ['city-reviewer', { unitId: '130100' }], otherReviewer: ['city-reviewer', { unitId: '130200' }],
      officer: ['province-officer', {}], divisionHead: ['division-head', {}], finance: ['finance', {}], leadership: ['leadership', {}],
      expert: ['expert', {}], administrator: ['administrator', {}],
    } as const;
    for (const [who, [role, scope]] of Object.entries(people)) {
      const credentials = await createTestAccount(web.db, role, scope);
      usernames[who] = credentials.username;
      headers[who] = await signIn(web.app, credentials);
    }
    await web.db.query("UPDATE account SET display_name = '王审查' WHERE username = $1", [usernames.officer]);
    await web.db.query("UPDATE account SET display_name = '石家庄李审核' WHERE username = $1", [usernames.reviewer]);
  }, 60_000);
  afterAll(() => web.close());

  const get = (url: string, who: string) => web.app.inject({ method: 'GET', url, headers: headers[who] });
  const page = async (projectId: string, who: string) => {
    const response = await get(`/api/projects/${projectId}`, who);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ProjectView & { history: { at: string }[] };
  };

  /** 石家庄's application of enterprise A, its batch submitted: a project received for formal review. */
  async function receivedProject(data: Record<string, unknown> = {}) {
    const creator = (await web.db.query<{ id: string }>('SELECT id FROM account WHERE username = $1', [usernames.applicantA])).rows[0]!.id;
    const applicationNumber = `P${randomBytes(5).toString('hex')}`;
    const applicationData = {
      enterpriseName: '石家庄项目页测试有限公司', projectName: `项目页测试 ${applicationNumber}`, uscc: usccA, direction: 'mode-digital-management',
      totalInvestment: 500, completedInvestment: 100, contactEmail: 'page@example.test', ...data,
    };
    const applicationId = (await web.db.query<{ id: string }>(
      `INSERT INTO application (call_id, enterprise_uscc, created_by, template, unit_id, application_number, status, data, submitted_at)
       VALUES ($1, $2, $3, 'mode-application', '130100', $4, 'recommended', $5, now()) RETURNING id`,
      [callId, usccA, creator, applicationNumber, applicationData],
    )).rows[0]!.id;
    const [project] = await withTransaction(web.db, (tx) => insertProjectsOfBatch(tx, {
      callId, unitId: '130100', applications: [{ applicationId, applicationNumber, enterpriseUscc: usccA }], actor: usernames.reviewer!, at: new Date(),
    }));
    return { projectId: project!.id, applicationId, applicationNumber, data: applicationData };
  }

  /** Admits a project as the admission worker would: the status row, then the snapshot of its data and files. */
  async function admit(projectId: string, data: Record<string, unknown>) {
    const attachment = await uploadPdf(web.app, headers.applicantA!, '营业执照.pdf');
    const document = await uploadPdf(web.app, headers.applicantA!, '申报材料.pdf');
    await withTransaction(web.db, (tx) => changeProjectStatus(tx, { projectId, to: 'admitted', actor: usernames.officer!, at: new Date(), reason: '形式审查通过，准予入库' }));
    const snapshot = {
      admittedAt: new Date().toISOString(), template: 'mode-application', data: { ...data, businessLicense: [attachment] },
      attachments: [{ id: attachment.id, fileName: attachment.fileName, mediaType: 'application/pdf', sha256: attachment.sha256, label: '营业执照（副本）扫描件' }],
      // a document whose stored file no longer has the frozen hash
      documents: [{ kind: 'materials', format: 'pdf', attachmentId: document.id, fileName: '申报材料.pdf', sha256: '0'.repeat(64) }],
    };
    await web.db.query('UPDATE project SET snapshot = $2 WHERE id = $1', [projectId, JSON.stringify(snapshot)]);
    return { attachment, document, snapshot };
  }

  it('is the whole library’s for the province, its own unit’s and its own enterprise’s; anyone else is told it does not exist', async () => {
    // given: 石家庄's project of enterprise A
    const { projectId } = await receivedProject();
    const missing = await get('/api/projects/00000000-0000-4000-8000-000000000000', 'officer');
    // then: the province's four roles, 石家庄's reviewer and enterprise A read it
    for (const who of ['officer', 'divisionHead', 'finance', 'leadership', 'reviewer', 'applicantA']) expect((await get(`/api/projects/${projectId}`, who)).statusCode, who).toBe(200);
    // 唐山's reviewer and enterprise B get what a project that does not exist gets
    expect(missing.statusCode).toBe(404);
    for (const who of ['otherReviewer', 'applicantB']) {
      const response = await get(`/api/projects/${projectId}`, who);
      expect(response.statusCode, who).toBe(404);
      expect(response.json()).toEqual(missing.json());
      expect(response.json().message).toBe('没有找到该项目。');
    }
    // experts and administrators have no part in the library; a malformed id is refused
    for (const who of ['expert', 'administrator']) expect((await get(`/api/projects/${projectId}`, who)).statusCode, who).toBe(403);
    expect((await get('/api/projects/not-a-project', 'officer')).statusCode).toBe(400);
  });

  it('shows the current version alone before admission, and the snapshot beside it after, differences marked', async () => {
    // given: a project received for formal review
    const { projectId, applicationId, applicationNumber, data } = await receivedProject();
    // when: read before admission
    const before = await page(projectId, 'officer');
    // then: no snapshot, one status row (received, by 石家庄's reviewer), nothing to compare
    expect(before.project).toMatchObject({
      id: projectId, projectNumber: applicationNumber, applicationId, projectName: data.projectName, status: 'received', statusLabel: '待形式审查', admittedAt: null,
      unit: { id: '130100', name: '石家庄市' }, enterprise: { uscc: usccA, name: '石家庄项目页测试有限公司' }, call: { id: callId },
    });
    expect(before.snapshot).toBeNull();
    expect(before.current).toEqual({ template: 'mode-application', data });
    expect(before.history).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'received', toLabel: '待形式审查', actor: '石家庄李审核', reason: '推荐批次已报送省厅' })]);
    const investment = before.fields.find((field) => field.key === 'totalInvestment');
    expect(investment).toMatchObject({ label: '项目总投资', current: '500', snapshot: null, changed: false });
    // in the order and with the labels of the deployed form of its category, its own fields too (模式应用类)
    expect(before.fields.find((field) => field.key === 'applicationScenario')).toMatchObject({ label: '应用场景', current: '' });
    expect(before.fields.findIndex((field) => field.key === 'enterpriseName')).toBeLessThan(before.fields.findIndex((field) => field.key === 'totalInvestment'));
    expect(before.fields.find((field) => field.key === 'direction')?.current).toMatch(/[\u4e00-\u9fa5]/);
    expect(before.fields.every((field) => field.snapshot === null && !field.changed)).toBe(true);
    expect(before).toMatchObject({ formalReviews: [], changeRequests: [], exitProposals: [], task: null, actions: { requestChange: false, proposeExit: false, blockedBy: null } });

    // when: admitted, and its current version later differs in its investment (an approved change rewrites it)
    const { attachment, document, snapshot } = await admit(projectId, data);
    await web.db.query("UPDATE application SET data = data || '{\"totalInvestment\": 450}'::jsonb WHERE id = $1", [applicationId]);
    const after = await page(projectId, 'officer');
    // then: the snapshot as frozen, its files with their hashes (the altered one flagged), the investment marked
    expect(after.project).toMatchObject({ status: 'admitted', statusLabel: '在库' });
    expect(after.project.admittedAt).not.toBeNull();
    expect(after.snapshot).toMatchObject({ admittedAt: snapshot.admittedAt, template: 'mode-application', data: snapshot.data });
    expect(after.snapshot!.attachments).toEqual([{ id: attachment.id, fileName: '营业执照.pdf', mediaType: 'application/pdf', sha256: attachment.sha256, label: '营业执照（副本）扫描件', intact: true }]);
    expect(after.snapshot!.documents).toEqual([{ id: document.id, kind: 'materials', format: 'pdf', fileName: '申报材料.pdf', sha256: '0'.repeat(64), label: '申报材料', intact: false }]);
    expect(after.current.data.totalInvestment).toBe(450);
    expect(after.fields.find((field) => field.key === 'totalInvestment')).toMatchObject({ label: '项目总投资', current: '450', snapshot: '500', changed: true });
    expect(after.fields.find((field) => field.key === 'projectName')).toMatchObject({ current: data.projectName, snapshot: data.projectName, changed: false });
    // the licence is in the snapshot only: the current version never had it
    expect(after.fields.find((field) => field.key === 'businessLicense')).toMatchObject({ current: '', snapshot: '营业执照.pdf', changed: true });
    expect(after.fields.filter((field) => field.changed).map((field) => field.key).sort()).toEqual(['businessLicense', 'totalInvestment']);
    // and the status row of the admission, by the officer, with its reason
    expect(after.history.map((event) => [event.fromStatus, event.toStatus])).toEqual([[null, 'received'], ['received', 'admitted']]);
    expect(after.history[1]).toMatchObject({ fromLabel: '待形式审查', toLabel: '在库', actor: '王审查', reason: '形式审查通过，准予入库' });
    expect(new Date(after.history[1]!.at).getTime()).toBeGreaterThanOrEqual(new Date(after.history[0]!.at).getTime());
    // and what each reader may do with a project in the library
    expect((await page(projectId, 'applicantA')).actions).toEqual({ requestChange: true, proposeExit: false, blockedBy: null });
    for (const who of ['officer', 'divisionHead']) expect((await page(projectId, who)).actions, who).toEqual({ requestChange: false, proposeExit: true, blockedBy: null });
    for (const who of ['finance', 'leadership', 'reviewer']) expect((await page(projectId, who)).actions, who).toEqual({ requestChange: false, proposeExit: false, blockedBy: null });
  });

  it('shows the formal review, change requests and exits; the applicant sees the decisions and field comments, not the unit’s and the province’s exchanges', async () => {
    // given: a project returned once (answered by the unit), then admitted; a change refused by rule; an exit proposed and refused, one open change
    const { projectId, data } = await receivedProject();
    await admit(projectId, data);
    const answerFile = await uploadPdf(web.app, headers.reviewer!, '答复说明.pdf');
    const day = 86_400_000;
    const now = Date.now();
    await web.db.query(
      `INSERT INTO project_formal_review (project_id, round, decision, opinion, field_comments, decided_by, decided_at, answer_due_at, answer_kind, answer_comment, answer_attachments, answered_by, answered_at)
       VALUES ($1, 1, 'return', '请补充备案文件', $2, $3, $4, $5, 'answered', '已补充备案文件，见附件', $6, $7, $8)`,
      [projectId, JSON.stringify([{ field: 'filingNumber', label: '项目备案号', comment: '备案号与备案文件不一致' }, { field: 'totalInvestment', comment: '请核实总投资' }]),
        usernames.officer, new Date(now - 5 * day), new Date(now - day), JSON.stringify([answerFile]), usernames.reviewer, new Date(now - 3 * day)],
    );
    await web.db.query(
      `INSERT INTO project_formal_review (project_id, round, decision, opinion, decided_by, decided_at) VALUES ($1, 2, 'admit', '材料齐全，准予入库', $2, $3)`,
      [projectId, usernames.officer, new Date(now - 2 * day)],
    );
    await web.db.query(
      `INSERT INTO project_change_request (project_id, kind, changes, reason, requested_by, requested_at, status, rule_reason, unit_opinion, unit_comment, unit_by, unit_at)
       VALUES ($1, 'change', $2, '市场变化', $3, $4, 'refused-by-rule', '变更涉及市级工业互联网综合平台，不予变更', 'disagree', '内部意见：不宜变更', $5, $4)`,
      [projectId, JSON.stringify({ totalInvestment: 800 }), usernames.applicantA, new Date(now - day), usernames.reviewer],
    );
    await web.db.query(
      `INSERT INTO project_exit_proposal (project_id, ground, reason, proposed_by, proposed_at, status, decision_comment, decided_by, decided_at)
       VALUES ($1, 'serious-deviation', '建设内容偏离', $2, $3, 'refused', '证据不足', $4, $3)`,
      [projectId, usernames.officer, new Date(now - day), usernames.divisionHead],
    );

    // when: the officer reads it
    const officer = await page(projectId, 'officer');
    // then: both rounds, with the field comments labelled (the form's label where the comment has none) and the unit's answer
    expect(officer.formalReviews).toHaveLength(2);
    expect(officer.formalReviews[0]).toMatchObject({
      round: 1, decision: 'return', opinion: '请补充备案文件', decidedBy: '王审查', answerKind: 'answered', answerComment: '已补充备案文件，见附件',
      answerAttachments: [{ id: answerFile.id, fileName: '答复说明.pdf' }], answeredBy: '石家庄李审核',
      fieldComments: [{ field: 'filingNumber', label: '项目备案号', comment: '备案号与备案文件不一致' }, { field: 'totalInvestment', label: '项目总投资', comment: '请核实总投资' }],
    });
    expect(officer.formalReviews[0]!.answerDueAt).not.toBeNull();
    expect(officer.formalReviews[1]).toMatchObject({ round: 2, decision: 'admit', answerDueAt: null, answerKind: null });
    expect(officer.changeRequests).toEqual([expect.objectContaining({
      kind: 'change', changes: [{ key: 'totalInvestment', label: '项目总投资', value: '800' }], reason: '市场变化', status: 'refused-by-rule',
      ruleReason: '变更涉及市级工业互联网综合平台，不予变更', unitOpinion: 'disagree', unitComment: '内部意见：不宜变更', unitBy: '石家庄李审核',
    })]);
    expect(officer.exitProposals).toEqual([expect.objectContaining({ ground: 'serious-deviation', reason: '建设内容偏离', proposedBy: '王审查', status: 'refused', decisionComment: '证据不足', decidedBy: '测试 division-head' })]);

    // when: its enterprise reads it
    const applicant = await page(projectId, 'applicantA');
    // then: the decisions, opinions and field comments, but neither the unit's answer and files nor its opinion nor the refused exit; people by role
    expect(applicant.formalReviews[0]).toMatchObject({ decision: 'return', opinion: '请补充备案文件', decidedBy: '省工信厅', answerKind: 'answered', answerComment: null, answerAttachments: [] });
    expect(applicant.formalReviews[0]!.fieldComments).toEqual(officer.formalReviews[0]!.fieldComments);
    expect(applicant.changeRequests[0]).toMatchObject({ status: 'refused-by-rule', ruleReason: '变更涉及市级工业互联网综合平台，不予变更', unitOpinion: null, unitComment: null, unitBy: null, unitAt: null, requestedBy: '测试 applicant' });
    expect(applicant.exitProposals).toEqual([]);
    expect(applicant.history[1]).toMatchObject({ toStatus: 'admitted', actor: '省工信厅' });
    expect(JSON.stringify(applicant)).not.toContain('内部意见');
    expect(JSON.stringify(applicant)).not.toContain(usernames.officer);

    // when: a change request is open
    await web.db.query(
      `INSERT INTO project_change_request (project_id, kind, reason, requested_by, requested_at, status) VALUES ($1, 'terminate', '企业经营调整', $2, now(), 'unit-review')`,
      [projectId, usernames.applicantA],
    );
    // then: neither another request nor an exit is offered until it is settled
    const blocked = await page(projectId, 'applicantA');
    expect(blocked.actions).toMatchObject({ requestChange: false, proposeExit: false });
    expect(blocked.actions.blockedBy).toContain('尚未办结');
    expect((await page(projectId, 'divisionHead')).actions.proposeExit).toBe(false);
  });

  it('puts the project with its status and dated history on its application’s status, for those who may see the project', async () => {
    // given: an application whose project was admitted, and one whose batch never reached the province
    const { projectId, applicationId, data } = await receivedProject();
    await admit(projectId, data);
    const creator = (await web.db.query<{ id: string }>('SELECT id FROM account WHERE username = $1', [usernames.applicantA])).rows[0]!.id;
    const unsent = (await web.db.query<{ id: string }>(
      `INSERT INTO application (call_id, enterprise_uscc, created_by, template, unit_id, application_number, status, data, submitted_at)
       VALUES ($1, $2, $3, 'mode-application', '130100', $4, 'in-city-library', '{}', now()) RETURNING id`,
      [callId, usccA, creator, `U${randomBytes(5).toString('hex')}`],
    )).rows[0]!.id;
    const status = async (id: string, who: string) => {
      const response = await get(`/api/applications/${id}/status`, who);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { project: null | { projectId: string; status: string; label: string; history: { toStatus: string; toLabel: string; actor: string; at: string; reason: string | null }[] } };
    };
    // when / then: the enterprise sees 在库 and the dated rows, the province's by role
    const own = await status(applicationId, 'applicantA');
    expect(own.project).toMatchObject({ projectId, status: 'admitted', label: '在库' });
    expect(own.project!.history.map((event) => [event.toLabel, event.actor, event.reason])).toEqual([
      ['待形式审查', '石家庄市工信局审核人', '推荐批次已报送省厅'],
      ['在库', '省工信厅', '形式审查通过，准予入库'],
    ]);
    for (const event of own.project!.history) expect(Number.isNaN(Date.parse(event.at))).toBe(false);
    // its unit sees it by name; an administrator reads the application but not the library
    expect((await status(applicationId, 'reviewer')).project!.history[1]!.actor).toBe('王审查');
    expect((await status(applicationId, 'administrator')).project).toBeNull();
    // an application that is no project has none
    expect((await status(unsent, 'applicantA')).project).toBeNull();
  });
});

describe('a project’s page on the real process', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  const { client } = testEngine();
  beforeAll(async () => {
    web = await testApp();
  });
  afterAll(() => web.close());

  it('links the province to the open formal review of the project, and neither its unit nor its enterprise', async () => {
    // given: 邢台's batch submitted, its project's process waiting at the formal review
    const officer = await signIn(web.app, await createTestAccount(web.db, 'province-officer'));
    const { reviewer, applicant, projects: [received] } = await receivedBatch(web, client, officer, '130500', 1);
    const read = async (who: Record<string, string>) => {
      const response = await web.app.inject({ method: 'GET', url: `/api/projects/${received!.project.id}`, headers: who });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as ProjectView;
    };
    // when / then: the officer's page names the task it may take
    expect((await read(officer)).task).toEqual({ taskId: received!.taskId, label: expect.stringMatching(/形式审查/) });
    // the unit's reviewer and the enterprise have none to act on
    expect((await read(reviewer)).task).toBeNull();
    expect((await read(applicant.headers)).task).toBeNull();
  }, 120_000);
});

describe('the side-by-side fields', () => {
  const form = {
    type: 'default',
    components: [
      { type: 'group', label: '项目情况', components: [
        { type: 'textfield', key: 'projectName', label: '项目名称' },
        { type: 'select', key: 'projectType', label: '项目类型', values: [{ value: 'new', label: '新建' }, { value: 'upgrade', label: '改扩建' }] },
        { type: 'checkbox', key: 'plannedForPilot', label: '后期拟申请试点示范' },
      ] },
      { type: 'dynamiclist', path: 'performanceTargets', label: '绩效目标', components: [
        { type: 'textfield', key: 'indicator', label: '指标名称' },
        { type: 'number', key: 'target', label: '目标值' },
      ] },
    ],
  };

  it('reads each field as the form shows it, in the form’s order, keys the form lacks after it, and marks what differs', () => {
    // given
    const fields = formFields(form);
    const current = { projectName: '甲', projectType: 'upgrade', plannedForPilot: true, performanceTargets: [{ indicator: '产能', target: 90 }], contactEmail: 'a@example.test' };
    const snapshot = { projectName: '甲', projectType: 'new', plannedForPilot: true, performanceTargets: [{ indicator: '产能', target: 80 }] };
    // when
    const rows = versionFields(fields, current, snapshot);
    // then
    expect(rows).toEqual([
      { key: 'projectName', label: '项目名称', section: '项目情况', current: '甲', snapshot: '甲', changed: false },
      { key: 'projectType', label: '项目类型', section: '项目情况', current: '改扩建', snapshot: '新建', changed: true },
      { key: 'plannedForPilot', label: '后期拟申请试点示范', section: '项目情况', current: '是', snapshot: '是', changed: false },
      { key: 'performanceTargets', label: '绩效目标', section: '', current: '1. 指标名称：产能；目标值：90', snapshot: '1. 指标名称：产能；目标值：80', changed: true },
      { key: 'contactEmail', label: '电子邮箱', section: '', current: 'a@example.test', snapshot: '', changed: true },
    ]);
    // before admission nothing is compared
    expect(versionFields(fields, current, null).every((row) => row.snapshot === null && !row.changed)).toBe(true);
    // a form that does not parse leaves the keys under their shared labels
    expect(versionFields(formFields('not a form'), { totalInvestment: 5 }, null)).toEqual([{ key: 'totalInvestment', label: '项目总投资', section: '', current: '5', snapshot: null, changed: false }]);
  });
});
