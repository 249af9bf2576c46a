import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findChangeRequest, findExitProposal, listChangeRequests, listExitProposals } from '../../store/project-change-repository.js';
import { findProject, projectStatusEvents, type Project } from '../../store/project-repository.js';
import { newApplicant, newReviewer } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { openTaskOf, provinceAccount, receivedBatch, waitForProjectStatus } from '../support/project-fixture.js';
import { testApp } from '../support/web.js';

// 变更申请 and 退库 (LIFECYCLE.md stage 4a) on the real engine, workers and database: a change approved (the current
// version changes, the snapshot does not), one refused by the city-platform rule, a termination approved (退库), an
// exit proposed by one division head and approved by another, never by its proposer; and the refusals of the issue
// (a project not in the library, another enterprise's project, the proposer's approval), each changing nothing.

type Headers = Record<string, string>;

describe('change requests and exit proposals of projects in the library', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  const { client } = testEngine();
  let officer: Awaited<ReturnType<typeof provinceAccount>>;
  let headA: Awaited<ReturnType<typeof provinceAccount>>;
  let headB: Awaited<ReturnType<typeof provinceAccount>>;
  beforeAll(async () => {
    web = await testApp();
    officer = await provinceAccount(web);
    headA = await provinceAccount(web, 'division-head');
    headB = await provinceAccount(web, 'division-head');
  });
  afterAll(() => web.close());

  const post = (url: string, headers: Headers, payload: object) => web.app.inject({ method: 'POST', url, headers, payload });
  const get = (url: string, headers: Headers) => web.app.inject({ method: 'GET', url, headers });
  const complete = (taskId: string, headers: Headers, payload: object) => post(`/api/tasks/${taskId}/complete`, headers, payload);
  const auditOf = async (projectId: string) =>
    (await web.db.query<{ action: string; actor: string; detail: Record<string, unknown> }>('SELECT action, actor, detail FROM audit_log WHERE subject = $1 ORDER BY id', [`project:${projectId}`])).rows;
  const actionsOf = async (projectId: string) => (await auditOf(projectId)).map((a) => a.action);
  const dataOf = async (applicationId: string) => (await web.db.query<{ data: Record<string, unknown> }>('SELECT data FROM application WHERE id = $1', [applicationId])).rows[0]!.data;
  const messagesOf = async (uscc: string) => (await web.db.query<{ event_key: string; title: string; body: string }>('SELECT event_key, title, body FROM in_app_message WHERE enterprise_uscc = $1 ORDER BY id', [uscc])).rows;
  const activeActivities = async (processInstanceId: string) => {
    const tree = await client.request('GET', `/process-instance/${processInstanceId}/activity-instances`, { schema: z.object({ childActivityInstances: z.array(z.object({ activityId: z.string() })) }) });
    return tree.childActivityInstances.map((a) => a.activityId);
  };
  const waitInLibrary = (project: Project) => waitFor('the library wait', async () => ((await activeActivities(project.processInstanceId!)).includes('InLibrary') ? true : undefined));
  const ended = (project: Project) => waitFor('the end of the process', async () => {
    const [instance] = await client.request('GET', `/history/process-instance?processInstanceId=${project.processInstanceId!}`, { schema: z.array(z.object({ state: z.string() })) });
    return instance?.state === 'COMPLETED' ? true : undefined;
  });
  const changeStatus = (id: string, status: string) => waitFor(`change request ${status}`, async () => ((await findChangeRequest(web.db, id))?.status === status ? true : undefined));

  /** A project of `unitId` admitted by the officer, its process waiting in the library. */
  async function admittedProject(unitId: string) {
    const batch = await receivedBatch(web, client, officer.headers, unitId, 1);
    const [{ project, taskId }] = batch.projects as [typeof batch.projects[0]];
    const done = await complete(taskId, officer.headers, { formalDecision: 'admit', formalOpinion: '材料齐全，同意入库' });
    expect(done.statusCode, done.body).toBe(204);
    const admitted = await waitForProjectStatus(web.db, project.applicationId, 'admitted');
    await waitFor('the snapshot', async () => (await findProject(web.db, project.id))?.snapshot ?? undefined);
    await waitInLibrary(admitted);
    return { project: admitted, applicant: batch.applicant, reviewer: batch.reviewer };
  }

  it('takes a change through the unit’s opinion and the province’s approval into the current version; the snapshot stays', async () => {
    // given: 石家庄's project in the library
    const { project, applicant, reviewer } = await admittedProject('130100');
    const before = await dataOf(project.applicationId);
    const snapshot = (await findProject(web.db, project.id))!.snapshot!;
    const url = `/api/projects/${project.id}/change-requests`;
    // the change page shows the current values and the directions of the template
    const page = (await get(url, applicant.headers)).json() as { project: { blockedBy: string | null }; current: Record<string, unknown>; directionOptions: { value: string }[] };
    expect(page.project.blockedBy).toBeNull();
    expect(page.current).toMatchObject({ totalInvestment: before.totalInvestment, enterpriseName: before.enterpriseName, periodEnd: before.periodEnd });
    expect(page.directionOptions.map((o) => o.value)).toContain('mode-digital-management');
    // refused, changing nothing: another enterprise's project, a field outside the four, the USCC, a missing reason
    const other = await newApplicant(web.app, web.db);
    const changes = { totalInvestment: Number(before.totalInvestment) + 300, periodEnd: '2023-06-30', enterpriseName: `${String(before.enterpriseName)}（更名）` };
    expect((await post(url, other.headers, { kind: 'change', changes, reason: '投资增加' })).statusCode).toBe(404);
    expect((await get(url, other.headers)).statusCode).toBe(404);
    const outside = await post(url, applicant.headers, { kind: 'change', changes: { projectType: 'continued', uscc: '91130102MA0F3K7TXF' }, reason: '调整' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields).toEqual([
      { path: 'body.changes.projectType', message: '“项目类型”不在可申请变更的范围内（可变更投资、建设内容、建设周期、实施企业名称）' },
      { path: 'body.changes.uscc', message: '统一社会信用代码不能变更：实施企业只能是同一统一社会信用代码的企业（更名）' },
    ]);
    expect((await post(url, applicant.headers, { kind: 'change', changes, reason: ' ' })).statusCode).toBe(400);
    expect(await listChangeRequests(web.db, project.id)).toEqual([]);

    // when: the enterprise asks for a higher investment, a later end and its new name
    const asked = await post(url, applicant.headers, { kind: 'change', changes, reason: '扩大建设规模，企业已更名' });
    expect(asked.statusCode, asked.body).toBe(201);
    const { id } = asked.json() as { id: string };
    // then: checked by rule, on to the unit; a second request or an exit meanwhile is refused
    await changeStatus(id, 'unit-review');
    expect((await post(url, applicant.headers, { kind: 'terminate', reason: '再申请' })).statusCode).toBe(409);
    const exitMeanwhile = await post(`/api/projects/${project.id}/exit-proposals`, officer.headers, { ground: 'fraud', reason: '核查' });
    expect(exitMeanwhile.statusCode).toBe(409);
    expect(exitMeanwhile.json().message).toBe('本项目有一项变更申请正在办理，办结后才能再提出变更申请或退库。');
    expect(await listExitProposals(web.db, project.id)).toEqual([]);
    // the unit's task shows what was asked; another unit's reviewer sees none of it
    const opinionTask = await openTaskOf(web, reviewer, project.applicationId, 'ChangeUnitOpinion');
    const form = (await get(`/api/tasks/${opinionTask}`, reviewer)).json() as { formData: Record<string, unknown>; stageLabel: string };
    expect(form.formData).toMatchObject({ changeReason: '扩大建设规模，企业已更名', changeSummary: expect.stringContaining(`项目总投资：${String(before.totalInvestment)}万元 → ${changes.totalInvestment}万元`) });
    const stranger = await newReviewer(web.app, web.db, '130200');
    expect((await get(`/api/tasks/${opinionTask}`, stranger)).statusCode).toBe(404);
    expect((await get(url, stranger)).statusCode).toBe(404);
    // when: the unit agrees, then the province approves
    expect((await complete(opinionTask, reviewer, { unitOpinion: 'maybe', unitComment: '' })).statusCode).toBe(400);
    expect((await complete(opinionTask, reviewer, { unitOpinion: 'agree', unitComment: '情况属实，同意变更' })).statusCode).toBe(204);
    await changeStatus(id, 'province-review');
    const decisionTask = await openTaskOf(web, officer.headers, project.applicationId, 'ChangeDecision');
    const decisionForm = (await get(`/api/tasks/${decisionTask}`, officer.headers)).json() as { formData: Record<string, unknown> };
    expect(decisionForm.formData).toMatchObject({ unitOpinionText: '同意', unitComment: '情况属实，同意变更' });
    expect((await complete(decisionTask, officer.headers, { changeDecision: 'approve', changeDecisionOpinion: '同意变更' })).statusCode).toBe(204);
    // then: approved, applied once to the current version; the snapshot and the status stay
    const applied = await waitFor('the change applied', async () => (await findChangeRequest(web.db, id))?.appliedAt ?? undefined);
    expect(applied).toBeInstanceOf(Date);
    expect(await findChangeRequest(web.db, id)).toMatchObject({
      status: 'approved', unitOpinion: 'agree', unitComment: '情况属实，同意变更', unitBy: expect.stringMatching(/^cityreviewer\./),
      decidedBy: officer.username, decisionComment: '同意变更', requestedBy: expect.stringMatching(/^applicant\./),
    });
    expect(await dataOf(project.applicationId)).toEqual({ ...before, ...changes });
    const after = (await findProject(web.db, project.id))!;
    expect(after.snapshot).toEqual(snapshot);
    expect(after.status).toBe('admitted');
    expect(after.enterpriseName).toBe(changes.enterpriseName);
    expect((await projectStatusEvents(web.db, project.id)).map((e) => e.toStatus)).toEqual(['received', 'admitted']);
    // each step audited with who
    const audit = await auditOf(project.id);
    expect(audit.map((a) => a.action)).toEqual([
      'project.created', 'project.formal-reviewed', 'project.status-changed',
      'project.change-requested', 'project.change-checked', 'project.change-unit-opinion', 'project.change-decided', 'project.changed',
    ]);
    expect(audit[3]).toMatchObject({ actor: expect.stringMatching(/^applicant\./), detail: { changeRequestId: id, kind: 'change', changes } });
    expect(audit[6]).toMatchObject({ actor: officer.username, detail: { decision: 'approve', opinion: '同意变更' } });
    expect(audit[7]).toMatchObject({ detail: { changeRequestId: id, before: { totalInvestment: before.totalInvestment, periodEnd: before.periodEnd, enterpriseName: before.enterpriseName }, after: changes } });
    // the enterprise is told; the process waits in the library again and a new request may be made
    expect((await messagesOf(applicant.uscc)).map((m) => m.event_key)).toContain(`project-change:${id}:approved`);
    await waitInLibrary(project);
    const list = (await get(url, applicant.headers)).json() as { project: { blockedBy: string | null }; requests: { id: string; status: string; unitOpinion: unknown }[] };
    expect(list.project.blockedBy).toBeNull();
    expect(list.requests).toEqual([expect.objectContaining({ id, status: 'approved', unitOpinion: null })]);
    expect((await get(url, reviewer)).json().requests[0].unitOpinion).toBe('agree');
  });

  it('refuses by rule a change that turns a project into the city platform, tells the enterprise, and waits in the library again', async () => {
    // given: 保定's industry platform in the library
    const { project, applicant } = await admittedProject('130600');
    await web.db.query(`UPDATE application SET template = 'industry-platform', data = data || '{"direction": "industry-platform"}' WHERE id = $1`, [project.applicationId]);
    const before = await dataOf(project.applicationId);
    // when: the enterprise asks to become the city's 市级工业互联网综合平台
    const asked = await post(`/api/projects/${project.id}/change-requests`, applicant.headers, { kind: 'change', changes: { direction: 'city-platform' }, reason: '拟作为市级综合平台' });
    expect(asked.statusCode, asked.body).toBe(201);
    const { id } = asked.json() as { id: string };
    // then: refused by itself, with the reason; nothing applied, no task for the unit
    await changeStatus(id, 'refused-by-rule');
    const reason = '变更后项目将属于“市级工业互联网综合平台”。该方向每个推荐单位限推1个，名额已在推荐时核定，按规定不予变更。';
    expect(await findChangeRequest(web.db, id)).toMatchObject({ ruleReason: reason, unitOpinion: null, decidedBy: null, appliedAt: null });
    expect(await dataOf(project.applicationId)).toEqual(before);
    const audit = await auditOf(project.id);
    expect(audit.slice(-2)).toEqual([
      { action: 'project.change-requested', actor: expect.stringMatching(/^applicant\./), detail: expect.objectContaining({ changeRequestId: id, changes: { direction: 'city-platform' } }) },
      { action: 'project.change-refused-by-rule', actor: 'system', detail: expect.objectContaining({ changeRequestId: id, reason }) },
    ]);
    const told = (await messagesOf(applicant.uscc)).find((m) => m.event_key === `project-change:${id}:refused-by-rule`);
    expect(told?.title).toMatch(/^项目变更申请按规则不予变更：/);
    expect(told?.body).toContain(reason);
    await waitInLibrary(project);
    expect((await get(`/api/projects/${project.id}/change-requests`, applicant.headers)).json().project.blockedBy).toBeNull();
    expect((await findProject(web.db, project.id))!.status).toBe('admitted');
  });

  it('exits a project whose termination the province approves, after the unit’s opinion; the project then takes no request', async () => {
    // given: 沧州's project in the library
    const { project, applicant, reviewer } = await admittedProject('130900');
    const url = `/api/projects/${project.id}/change-requests`;
    expect((await post(url, applicant.headers, { kind: 'terminate', changes: { totalInvestment: 1 }, reason: '企业经营调整' })).statusCode).toBe(400);
    // when: the enterprise asks to terminate; the unit disagrees, the province approves nonetheless
    const asked = await post(url, applicant.headers, { kind: 'terminate', reason: '企业经营调整，项目无法继续实施' });
    expect(asked.statusCode, asked.body).toBe(201);
    const { id } = asked.json() as { id: string };
    await changeStatus(id, 'unit-review');
    const opinionTask = await openTaskOf(web, reviewer, project.applicationId, 'ChangeUnitOpinion');
    expect((await complete(opinionTask, reviewer, { unitOpinion: 'disagree', unitComment: '建议继续实施' })).statusCode).toBe(204);
    const decisionTask = await openTaskOf(web, officer.headers, project.applicationId, 'ChangeDecision');
    expect((await complete(decisionTask, officer.headers, { changeDecision: 'approve', changeDecisionOpinion: '同意终止' })).statusCode).toBe(204);
    // then: 退库, its row naming who approved and why; the process ends
    await waitForProjectStatus(web.db, project.applicationId, 'exited');
    expect((await projectStatusEvents(web.db, project.id)).at(-1)).toMatchObject({ fromStatus: 'admitted', toStatus: 'exited', actor: officer.username, reason: '企业申请终止项目，已批准：同意终止' });
    expect(await findChangeRequest(web.db, id)).toMatchObject({ kind: 'terminate', status: 'approved', unitOpinion: 'disagree', decidedBy: officer.username, appliedAt: null });
    expect((await actionsOf(project.id)).slice(-5)).toEqual(['project.change-requested', 'project.change-checked', 'project.change-unit-opinion', 'project.change-decided', 'project.status-changed']);
    await ended(project);
    // a project out of the library takes no change request and no exit proposal
    const again = await post(url, applicant.headers, { kind: 'change', changes: { totalInvestment: 1 }, reason: '再变更' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('项目当前状态为“退库”，不在省级重点项目库中，不能提出变更申请。');
    expect((await post(`/api/projects/${project.id}/exit-proposals`, officer.headers, { ground: 'terminated', reason: 'x' })).statusCode).toBe(409);
    expect(await listChangeRequests(web.db, project.id)).toHaveLength(1);
  });

  it('refuses a change request on a project not yet in the library', async () => {
    // given: 邢台's project received, before formal review
    const { projects, applicant } = await receivedBatch(web, client, officer.headers, '130500', 1);
    const [{ project }] = projects as [typeof projects[0]];
    // when
    const answer = await post(`/api/projects/${project.id}/change-requests`, applicant.headers, { kind: 'change', changes: { totalInvestment: 1500 }, reason: '增加投资' });
    // then
    expect(answer.statusCode).toBe(409);
    expect(answer.json().message).toBe('项目当前状态为“待形式审查”，不在省级重点项目库中，不能提出变更申请。');
    expect(await listChangeRequests(web.db, project.id)).toEqual([]);
    expect((await post(`/api/projects/${project.id}/exit-proposals`, officer.headers, { ground: 'fraud', reason: 'x' })).statusCode).toBe(409);
  });

  it('takes an exit a division head proposed to another division head: the proposer’s approval is refused, changing nothing', async () => {
    // given: 承德's project in the library
    const { project, applicant } = await admittedProject('130800');
    const url = `/api/projects/${project.id}/exit-proposals`;
    expect((await post(url, applicant.headers, { ground: 'fraud', reason: 'x' })).statusCode).toBe(403);
    expect((await post(url, headA.headers, { ground: 'cheating', reason: 'x' })).statusCode).toBe(400);
    // when: division head A proposes an exit for fraud
    const proposed = await post(url, headA.headers, { ground: 'fraud', reason: '虚报项目投资额' });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const { id } = proposed.json() as { id: string };
    expect((await post(url, officer.headers, { ground: 'terminated', reason: '再提' })).statusCode).toBe(409);
    // the applicant does not see a pending proposal; the province does
    expect((await get(url, applicant.headers)).json().proposals).toEqual([]);
    expect((await get(url, officer.headers)).json().proposals).toEqual([expect.objectContaining({ id, ground: 'fraud', status: 'pending' })]);
    // then: A's own approval is refused, and nothing changed
    const taskOfA = await openTaskOf(web, headA.headers, project.applicationId, 'ExitApproval');
    const form = (await get(`/api/tasks/${taskOfA}`, headA.headers)).json() as { formData: Record<string, unknown> };
    expect(form.formData).toMatchObject({ exitReason: '弄虚作假：虚报项目投资额' });
    const own = await complete(taskOfA, headA.headers, { exitDecision: 'approve', exitDecisionOpinion: '同意' });
    expect(own.statusCode).toBe(409);
    expect(own.json().message).toBe('不能审批本人提出的事项');
    expect(await findExitProposal(web.db, id)).toMatchObject({ status: 'pending', decidedBy: null });
    expect((await findProject(web.db, project.id))!.status).toBe('admitted');
    expect((await get(`/api/tasks/${taskOfA}`, headA.headers)).json().assignee).toBeNull();
    // when: division head B approves
    const taskOfB = await openTaskOf(web, headB.headers, project.applicationId, 'ExitApproval');
    expect(taskOfB).toBe(taskOfA);
    expect((await complete(taskOfB, headB.headers, { exitDecision: 'approve', exitDecisionOpinion: '情况属实，同意退库' })).statusCode).toBe(204);
    // then: 退库 with B as who and the ground with the reason as why
    await waitForProjectStatus(web.db, project.applicationId, 'exited');
    expect((await projectStatusEvents(web.db, project.id)).at(-1)).toMatchObject({ fromStatus: 'admitted', toStatus: 'exited', actor: headB.username, reason: '弄虚作假：虚报项目投资额' });
    expect(await findExitProposal(web.db, id)).toMatchObject({ status: 'approved', proposedBy: headA.username, decidedBy: headB.username, decisionComment: '情况属实，同意退库' });
    const audit = await auditOf(project.id);
    expect(audit.slice(-3)).toEqual([
      { action: 'project.exit-proposed', actor: headA.username, detail: expect.objectContaining({ exitProposalId: id, ground: 'fraud', reason: '虚报项目投资额' }) },
      { action: 'project.exit-decided', actor: headB.username, detail: expect.objectContaining({ exitProposalId: id, decision: 'approve' }) },
      { action: 'project.status-changed', actor: headB.username, detail: expect.objectContaining({ from: 'admitted', to: 'exited' }) },
    ]);
    expect((await get(url, applicant.headers)).json().proposals).toEqual([expect.objectContaining({ id, status: 'approved' })]);
    await ended(project);
  });

  it('brings a project whose exit a division head refuses back to the library', async () => {
    // given: 衡水's project, an exit proposed by an officer
    const { project } = await admittedProject('131100');
    const proposed = await post(`/api/projects/${project.id}/exit-proposals`, officer.headers, { ground: 'serious-deviation', reason: '建设内容与申报不符' });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const { id } = proposed.json() as { id: string };
    // when: a division head refuses it
    const task = await openTaskOf(web, headA.headers, project.applicationId, 'ExitApproval');
    expect((await complete(task, headA.headers, { exitDecision: 'refuse', exitDecisionOpinion: '经核实偏离不大，责令整改' })).statusCode).toBe(204);
    // then: refused, still in the library, and a new proposal may be made
    expect(await findExitProposal(web.db, id)).toMatchObject({ status: 'refused', decidedBy: headA.username });
    await waitInLibrary(project);
    expect((await findProject(web.db, project.id))!.status).toBe('admitted');
    expect((await actionsOf(project.id)).slice(-2)).toEqual(['project.exit-proposed', 'project.exit-decided']);
    expect((await get(`/api/projects/${project.id}/exit-proposals`, headA.headers)).json().project.blockedBy).toBeNull();
  });
});
