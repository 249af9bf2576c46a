import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findProject, projectStatusEvents } from '../../store/project-repository.js';
import { formalReviewsOf, latestProjectChecks } from '../../store/project-review-repository.js';
import { newReviewer, uploadPdf } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { openTaskOf, provinceAccount, receivedBatch, waitForProjectStatus } from '../support/project-fixture.js';
import { testApp } from '../support/web.js';

// The province's formal review (形式审查, LIFECYCLE.md stage 4a) on the real engine, workers and database: batches
// of three units, with all three outcomes, a return answered by the unit and then admitted, a return left to run
// out, a withdrawal from the batch, and the admission snapshot. Every step's status row and audit entry is asserted.

describe('formal review of received batches', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  const { client } = testEngine();
  let officer: Awaited<ReturnType<typeof provinceAccount>>;
  beforeAll(async () => {
    web = await testApp();
    officer = await provinceAccount(web);
  });
  afterAll(() => web.close());

  const post = (url: string, headers: Record<string, string>, payload: object) => web.app.inject({ method: 'POST', url, headers, payload });
  const get = (url: string, headers: Record<string, string>) => web.app.inject({ method: 'GET', url, headers });
  const complete = (taskId: string, headers: Record<string, string>, payload: object) => post(`/api/tasks/${taskId}/complete`, headers, payload);
  const auditOf = async (projectId: string) =>
    (await web.db.query<{ action: string; actor: string; detail: Record<string, unknown> }>('SELECT action, actor, detail FROM audit_log WHERE subject = $1 ORDER BY id', [`project:${projectId}`])).rows;
  const moves = async (projectId: string) => (await projectStatusEvents(web.db, projectId)).map((e) => [e.fromStatus, e.toStatus, e.actor, e.reason]);
  const engineState = async (processInstanceId: string) => {
    const [instance] = await client.request('GET', `/history/process-instance?processInstanceId=${processInstanceId}`, { schema: z.array(z.object({ state: z.string(), endActivityId: z.string().nullable().optional() })) });
    return instance;
  };
  const activeActivities = async (processInstanceId: string) => {
    const tree = await client.request('GET', `/process-instance/${processInstanceId}/activity-instances`, { schema: z.object({ childActivityInstances: z.array(z.object({ activityId: z.string() })) }) });
    return tree.childActivityInstances.map((a) => a.activityId);
  };

  it('admits a project with its snapshot, after re-running E1–E8, and the instance waits in the library', async () => {
    // given: 石家庄's batch of one valid application, received at the province
    const { projects, scan } = await receivedBatch(web, client, officer.headers, '130100', 1);
    const [{ project, taskId }] = projects as [typeof projects[0]];
    expect(project.processInstanceId).toBeTruthy();
    // the checks were re-run on the data as submitted: every rule passed, E8 against the submission time
    const checks = await latestProjectChecks(web.db, project.id);
    expect(checks.map((c) => c.ruleId)).toEqual(expect.arrayContaining(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8']));
    expect(checks.filter((c) => c.result === 'refused')).toEqual([]);
    // the officer's task page shows the application, the 推荐表 and its sealed scan
    const page = (await get(`/api/tasks/${taskId}`, officer.headers)).json() as { application: { id: string }; attachments: { label: string }[]; stageLabel: string };
    expect(page.application.id).toBe(project.applicationId);
    expect(page.attachments.map((a) => a.label)).toEqual(expect.arrayContaining(['推荐表', '盖章推荐表扫描件']));
    // when: refused input first, then admitted
    expect((await complete(taskId, officer.headers, { formalDecision: 'maybe', formalOpinion: '' })).statusCode).toBe(400);
    expect((await findProject(web.db, project.id))!.status).toBe('received');
    const done = await complete(taskId, officer.headers, { formalDecision: 'admit', formalOpinion: '材料齐全，同意入库' });
    expect(done.statusCode, done.body).toBe(204);
    // then: 在库 with its row, who and why; the snapshot holds the data, the attachments' hashes and the documents
    const admitted = await waitForProjectStatus(web.db, project.applicationId, 'admitted');
    expect(admitted.admittedAt).toBeInstanceOf(Date);
    expect(await moves(project.id)).toEqual([[null, 'received', expect.any(String), '推荐批次已报送省厅'], ['received', 'admitted', officer.username, '材料齐全，同意入库']]);
    const snapshot = (await waitFor('the snapshot', async () => (await findProject(web.db, project.id))!.snapshot ?? undefined))!;
    const application = await web.db.query<{ data: Record<string, unknown> }>('SELECT data FROM application WHERE id = $1', [project.applicationId]);
    expect(snapshot.data).toEqual(application.rows[0]!.data);
    expect(snapshot.attachments.length).toBeGreaterThan(0);
    for (const file of snapshot.attachments) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshot.template).toBe('mode-application');
    // and the audit: the decision, then the status change
    const audit = await auditOf(project.id);
    expect(audit.map((a) => a.action)).toEqual(['project.created', 'project.formal-reviewed', 'project.status-changed']);
    expect(audit[1]).toMatchObject({ actor: officer.username, detail: { decision: 'admit', round: 1, opinion: '材料齐全，同意入库' } });
    expect(audit[2]).toMatchObject({ actor: officer.username, detail: { from: 'received', to: 'admitted' } });
    await waitFor('the library wait', async () => ((await activeActivities(admitted.processInstanceId!)).includes('InLibrary') ? true : undefined));
    // a division head opens what reached the province (the batch's sealed scan, the project's files), nothing else
    const divisionHead = await provinceAccount(web, 'division-head');
    const open = (id: string) => get(`/api/attachments/${id}`, divisionHead.headers);
    expect((await open(scan.id)).statusCode).toBe(200);
    expect((await open(snapshot.attachments[0]!.id)).statusCode).toBe(200);
    const unrelated = await uploadPdf(web.app, await newReviewer(web.app, web.db, '130100'), '未报送的材料.pdf');
    expect((await open(unrelated.id)).statusCode).toBe(404);
  });

  it('refuses admission with the reason, and the project’s process ends', async () => {
    // given: 唐山's batch of one
    const { projects } = await receivedBatch(web, client, officer.headers, '130200', 1);
    const [{ project, taskId }] = projects as [typeof projects[0]];
    // when
    const done = await complete(taskId, officer.headers, { formalDecision: 'refuse', formalOpinion: '项目已获其他省级财政资金支持' });
    expect(done.statusCode, done.body).toBe(204);
    // then
    await waitForProjectStatus(web.db, project.applicationId, 'not-admitted');
    expect((await moves(project.id)).at(-1)).toEqual(['received', 'not-admitted', officer.username, '项目已获其他省级财政资金支持']);
    expect((await findProject(web.db, project.id))!.snapshot).toBeNull();
    await waitFor('the end', async () => ((await engineState(project.processInstanceId!))?.state === 'COMPLETED' ? true : undefined));
    expect((await auditOf(project.id)).map((a) => a.action)).toEqual(['project.created', 'project.formal-reviewed', 'project.status-changed']);
  });

  it('returns a project to its unit with comments and a due date; the unit answers in time and it is admitted', async () => {
    // given: 秦皇岛's batch of one
    const { projects, reviewer } = await receivedBatch(web, client, officer.headers, '130300', 1);
    const [{ project, taskId }] = projects as [typeof projects[0]];
    // when: returned without saying what to supply (refused), then with a comment per field
    expect((await complete(taskId, officer.headers, { formalDecision: 'return', formalOpinion: '请补充材料' })).statusCode).toBe(400);
    const returned = await complete(taskId, officer.headers, { formalDecision: 'return', formalOpinion: '请补充材料', fieldComments: [{ field: 'filingDocument', comment: '备案文件不清晰' }] });
    expect(returned.statusCode, returned.body).toBe(204);
    // then: 退回市局, its due date 5 working days out, the unit's task open with the comments shown
    await waitForProjectStatus(web.db, project.applicationId, 'returned');
    const [review] = await formalReviewsOf(web.db, project.id);
    expect(review).toMatchObject({ round: 1, decision: 'return', fieldComments: [{ field: 'filingDocument', comment: '备案文件不清晰' }], decidedBy: officer.username, answerKind: null });
    const days = (review!.answerDueAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(4);
    expect(days).toBeLessThan(14);
    const answerTask = await openTaskOf(web, reviewer, project.applicationId, 'AnswerReturn');
    const form = (await get(`/api/tasks/${answerTask}`, reviewer)).json() as { formData: Record<string, unknown>; due: string | null };
    expect(form.formData).toMatchObject({ formalOpinion: '请补充材料', returnCommentsText: expect.stringContaining('项目备案文件：备案文件不清晰') });
    expect(new Date(form.due!).getTime()).toBe(review!.answerDueAt!.getTime());
    // another unit's reviewer cannot see or answer it
    const other = await newReviewer(web.app, web.db, '130400');
    expect((await get(`/api/tasks/${answerTask}`, other)).statusCode).toBe(404);
    expect((await complete(answerTask, other, { returnAnswerKind: 'answered', returnAnswerComment: '已补充' })).statusCode).toBe(404);
    // when: the unit answers with a comment and a file
    const file = await uploadPdf(web.app, reviewer, '项目备案文件（清晰版）.pdf');
    const answered = await complete(answerTask, reviewer, { returnAnswerKind: 'answered', returnAnswerComment: '已补充清晰的备案文件', returnAttachments: [file] });
    expect(answered.statusCode, answered.body).toBe(204);
    // then: back to review, checked again (round 2), and admitted
    await waitForProjectStatus(web.db, project.applicationId, 'received');
    const [answeredReview] = await formalReviewsOf(web.db, project.id);
    expect(answeredReview).toMatchObject({ answerKind: 'answered', answerComment: '已补充清晰的备案文件', answerAttachments: [file] });
    const again = await openTaskOf(web, officer.headers, project.applicationId, 'FormalReview');
    expect((await latestProjectChecks(web.db, project.id))[0]!.round).toBe(2);
    const page = (await get(`/api/tasks/${again}`, officer.headers)).json() as { attachments: { label: string }[] };
    expect(page.attachments.map((a) => a.label)).toContain('市局答复材料（第1轮）');
    expect((await complete(again, officer.headers, { formalDecision: 'admit', formalOpinion: '补充材料齐全，同意入库' })).statusCode).toBe(204);
    await waitForProjectStatus(web.db, project.applicationId, 'admitted');
    expect((await moves(project.id)).map(([from, to]) => [from, to])).toEqual([[null, 'received'], ['received', 'returned'], ['returned', 'received'], ['received', 'admitted']]);
    expect((await moves(project.id))[2]).toEqual(['returned', 'received', expect.stringMatching(/^cityreviewer\./), '市局已答复退回意见']);
    expect((await auditOf(project.id)).map((a) => a.action)).toEqual([
      'project.created', 'project.formal-reviewed', 'project.status-changed', 'project.return-answered', 'project.status-changed', 'project.formal-reviewed', 'project.status-changed',
    ]);
  });

  it('refuses an answer after the due date and changes nothing; the timer brings the project back to review', async () => {
    // given: 邯郸's batch of one, returned
    const { projects, reviewer } = await receivedBatch(web, client, officer.headers, '130400', 1);
    const [{ project, taskId }] = projects as [typeof projects[0]];
    expect((await complete(taskId, officer.headers, { formalDecision: 'return', formalOpinion: '请说明投资构成', fieldComments: [{ field: 'totalInvestment', comment: '请说明' }] })).statusCode).toBe(204);
    await waitForProjectStatus(web.db, project.applicationId, 'returned');
    const answerTask = await openTaskOf(web, reviewer, project.applicationId, 'AnswerReturn');
    // when: its due date has passed (moved back in the record) and the unit answers
    await web.db.query("UPDATE project_formal_review SET answer_due_at = now() - interval '1 hour' WHERE project_id = $1", [project.id]);
    const late = await complete(answerTask, reviewer, { returnAnswerKind: 'answered', returnAnswerComment: '迟到的答复' });
    // then: refused with the due date named; the task stays open and nothing is recorded
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/已超过答复期限/);
    expect((await formalReviewsOf(web.db, project.id))[0]).toMatchObject({ answerKind: null, answerComment: null });
    expect((await findProject(web.db, project.id))!.status).toBe('returned');
    expect((await get(`/api/tasks/${answerTask}`, reviewer)).statusCode).toBe(200);
    // when: the engine's timer fires (executed, not waited for)
    const [timer] = await client.request('GET', `/job?processInstanceId=${project.processInstanceId}&timers=true`, { schema: z.array(z.object({ id: z.string() })) });
    await client.request('POST', `/job/${timer!.id}/execute`, { schema: z.unknown() });
    // then: recorded overdue, and the project is back at formal review
    await waitForProjectStatus(web.db, project.applicationId, 'received');
    expect((await formalReviewsOf(web.db, project.id))[0]).toMatchObject({ answerKind: 'overdue', answeredBy: 'system' });
    expect((await moves(project.id)).at(-1)).toEqual(['returned', 'received', 'system', '市局未在答复期限内答复退回意见']);
    await openTaskOf(web, officer.headers, project.applicationId, 'FormalReview');
    // the refused answer left no audit entry; the overdue return is the system's status change
    const audit = await auditOf(project.id);
    expect(audit.map((a) => a.action)).toEqual(['project.created', 'project.formal-reviewed', 'project.status-changed', 'project.status-changed']);
    expect(audit.at(-1)).toMatchObject({ actor: 'system', detail: { from: 'returned', to: 'received' } });
  });

  it('lets the unit withdraw a returned application from its batch with a newly sealed 推荐表 only', async () => {
    // given: 邢台's batch of two, one returned
    const { projects, reviewer } = await receivedBatch(web, client, officer.headers, '130500', 2);
    const [{ project, taskId }, kept] = projects as [typeof projects[0], typeof projects[0]];
    expect((await complete(taskId, officer.headers, { formalDecision: 'return', formalOpinion: '项目与另一项目重复', fieldComments: [{ field: 'projectName', comment: '请核实' }] })).statusCode).toBe(204);
    await waitForProjectStatus(web.db, project.applicationId, 'returned');
    const answerTask = await openTaskOf(web, reviewer, project.applicationId, 'AnswerReturn');
    // when: withdrawn without the new table (refused), then with it
    expect((await complete(answerTask, reviewer, { returnAnswerKind: 'withdrawn', returnAnswerComment: '撤回推荐' })).statusCode).toBe(400);
    const table = await uploadPdf(web.app, reviewer, '推荐表（重新盖章）.pdf');
    const done = await complete(answerTask, reviewer, { returnAnswerKind: 'withdrawn', returnAnswerComment: '经核实重复，撤回推荐', newSealedTable: table });
    expect(done.statusCode, done.body).toBe(204);
    // then: not admitted with the unit's reason; the new table is on record; the other project is untouched
    await waitForProjectStatus(web.db, project.applicationId, 'not-admitted');
    expect((await moves(project.id)).at(-1)).toEqual(['returned', 'not-admitted', expect.stringMatching(/^cityreviewer\./), '市局撤回推荐：经核实重复，撤回推荐']);
    expect((await formalReviewsOf(web.db, project.id))[0]).toMatchObject({ answerKind: 'withdrawn', newSealedTable: table });
    expect((await findProject(web.db, kept.project.id))!.status).toBe('received');
    const audit = await auditOf(project.id);
    expect(audit.map((a) => a.action)).toEqual(['project.created', 'project.formal-reviewed', 'project.status-changed', 'project.return-answered', 'project.status-changed']);
    expect(audit[3]).toMatchObject({ actor: expect.stringMatching(/^cityreviewer\./), detail: { kind: 'withdrawn', newSealedTable: table } });
    expect(audit[4]).toMatchObject({ detail: { from: 'returned', to: 'not-admitted' } });
  });

  it('keeps the engine’s history of the declaration, the batch and the project ten years, longer than a project’s life', async () => {
    // given: the definitions the engine runs (the trail itself lives in the application database)
    const definitions = await client.request('GET', '/process-definition?latestVersion=true', { schema: z.array(z.object({ key: z.string(), historyTimeToLive: z.number().nullable() })) });
    // then
    for (const key of ['declaration', 'unitBatch', 'project']) {
      const definition = definitions.find((d) => d.key === key);
      expect(definition, key).toBeDefined();
      expect(definition!.historyTimeToLive, key).toBeGreaterThanOrEqual(3650);
    }
  });
});
