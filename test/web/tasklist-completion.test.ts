import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployBundle } from '../../platform/model-deployment.js';
import { findApplication } from '../../store/application-repository.js';
import { provinceReview, provinceReviewBundle } from '../fixtures/province-review.js';
import { draftAndSubmit, newApplicant, openTestCall, sealAndSend, uploadPdf, validModeData, waitForStatus } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { seedLibrary } from '../support/library.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// A task's page through the API: its form with the variables the form shows, its files (previewable inline), the
// diagram of its own definition with the current step, the history, and completion through the web server — the
// preliminary review, then the recommendation on the same generic page; the province's and an expert's tasks.

type Headers = Record<string, string>;
type Row = { taskId: string; stage: string; subject: { applicationId: string | null } };

describe('a task’s page and its completion', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  const reviewer = { username: '', headers: {} as Headers };
  let applicationId = '';
  let reviewTaskId = '';

  const taskOf = (headers: Headers, stage: string, id = applicationId) =>
    waitFor(`the ${stage} task`, async () => {
      const { tasks } = (await web.app.inject({ method: 'GET', url: `/api/tasks?stage=${stage}`, headers })).json() as { tasks: Row[] };
      return tasks.find((t) => t.subject.applicationId === id)?.taskId;
    });

  beforeAll(async () => {
    web = await testApp();
    const call = await openTestCall(web.db);
    const applicant = await newApplicant(web.app, web.db);
    const { id } = await draftAndSubmit(web.app, applicant.headers, call.id, await validModeData(web.app, applicant.headers, applicant.uscc));
    applicationId = id;
    await sealAndSend(web.app, web.db, applicant.headers, id);
    const credentials = await createTestAccount(web.db, 'city-reviewer', { unitId: '130100' });
    reviewer.username = credentials.username;
    reviewer.headers = await signIn(web.app, credentials);
    reviewTaskId = await taskOf(reviewer.headers, 'CityReview');
  }, 120_000);
  afterAll(() => web.close());

  it('offers the deployed form with the variables it shows, never a previous round’s decision', async () => {
    // when
    const response = await web.app.inject({ method: 'GET', url: `/api/tasks/${reviewTaskId}`, headers: reviewer.headers });
    // then
    expect(response.statusCode, response.body).toBe(200);
    const task = response.json();
    expect(task).toMatchObject({ stage: 'CityReview', stageLabel: '市级初审', submitLabel: '提交初审意见', application: { id: applicationId, template: 'mode-application', status: 'with-city' } });
    expect(task.form).toMatchObject({ id: 'city-preliminary-review' });
    expect(task.formData).toMatchObject({ enterpriseName: '石家庄示例装备制造有限公司' });
    expect(Object.keys(task.formData)).not.toContain('cityDecision');
    expect(Object.keys(task.formData)).not.toContain('cityGroup');
  });

  it('lists the application’s files and serves PDFs inline for the preview, other files only as downloads', async () => {
    // given
    const { attachments } = (await web.app.inject({ method: 'GET', url: `/api/tasks/${reviewTaskId}`, headers: reviewer.headers })).json() as { attachments: { id: string; label: string; fileName: string; mediaType: string; previewable: boolean }[] };
    const labels = attachments.map((a) => a.label);
    expect(labels).toEqual(expect.arrayContaining(['申报材料', '申报材料（Word）', '承诺书', '申报材料（盖章扫描件）', '承诺书（盖章扫描件）', '申报附件']));
    expect(attachments.find((a) => a.label === '申报附件' && a.fileName === '营业执照.pdf')).toBeDefined();
    const pdf = attachments.find((a) => a.label === '申报材料（盖章扫描件）')!;
    const docx = attachments.find((a) => a.label === '申报材料（Word）')!;
    expect([pdf.previewable, docx.previewable]).toEqual([true, false]);
    // when
    const inline = await web.app.inject({ method: 'GET', url: `/api/attachments/${pdf.id}?disposition=inline`, headers: reviewer.headers });
    const word = await web.app.inject({ method: 'GET', url: `/api/attachments/${docx.id}?disposition=inline`, headers: reviewer.headers });
    const plain = await web.app.inject({ method: 'GET', url: `/api/attachments/${pdf.id}`, headers: reviewer.headers });
    // then
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(String(inline.headers['content-disposition'])).toMatch(/^inline;/);
    expect(String(word.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(String(plain.headers['content-disposition'])).toMatch(/^attachment;/);
    expect((await web.app.inject({ method: 'GET', url: `/api/attachments/${pdf.id}?disposition=embed`, headers: reviewer.headers })).statusCode).toBe(400);
  });

  it('serves the diagram of the task’s own definition with the current step, and the history so far', async () => {
    // when
    const diagram = (await web.app.inject({ method: 'GET', url: `/api/tasks/${reviewTaskId}/diagram`, headers: reviewer.headers })).json();
    const history = (await web.app.inject({ method: 'GET', url: `/api/tasks/${reviewTaskId}/history`, headers: reviewer.headers })).json();
    // then
    const { api } = testEngine();
    const task = await api.task(reviewTaskId);
    const definition = await api.processDefinitionXml(task.processDefinitionId);
    expect(diagram.xml).toBe(definition.bpmn20Xml);
    expect(diagram.activeActivityIds).toEqual(['CityReview']);
    expect(diagram.completedActivityIds).toEqual(expect.arrayContaining(['Submitted', 'CheckApplication', 'SealedScans']));
    expect(history.statusEvents.map((e: { status: string }) => e.status)).toEqual(['submitted', 'checking', 'awaiting-sealed-scans', 'with-city']);
    expect(history.statusEvents[0].actor).not.toBe('');
    const steps = history.steps.map((s: { activityId: string; endTime: string | null }) => [s.activityId, s.endTime === null]);
    expect(steps).toContainEqual(['SealedScans', false]);
    expect(steps).toContainEqual(['CityReview', true]);
    expect(steps.map(([id]: [string]) => id)).not.toContain('Verdict'); // gateways are not steps a person cares about
  });

  it('completes the preliminary review through the web server, checked against the form, and names who did it', async () => {
    // when: incomplete, or with a field the form does not have
    const missing = await web.app.inject({ method: 'POST', url: `/api/tasks/${reviewTaskId}/complete`, headers: reviewer.headers, payload: { cityDecision: 'pass' } });
    const unknown = await web.app.inject({ method: 'POST', url: `/api/tasks/${reviewTaskId}/complete`, headers: reviewer.headers, payload: { cityDecision: 'pass', cityOpinion: '同意。', cityGroup: 'city130200' } });
    // then: refused, with the fields named, and the task is still open and unclaimed
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields.map((f: { path: string }) => f.path)).toContain('body.cityOpinion');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields.map((f: { path: string }) => f.path)).toContain('body.cityGroup');
    const { api } = testEngine();
    expect((await api.task(reviewTaskId)).assignee).toBeNull();
    // when: a valid pass
    const passed = await web.app.inject({ method: 'POST', url: `/api/tasks/${reviewTaskId}/complete`, headers: reviewer.headers, payload: { cityDecision: 'pass', cityOpinion: '同意纳入市级重点项目库。', creditCheckPassed: true } });
    // then: the process goes on as before (the unit's library), and the engine's history names the reviewer
    expect(passed.statusCode, passed.body).toBe(204);
    await waitForStatus(web.db, applicationId, 'in-city-library');
    const application = await findApplication(web.db, applicationId);
    const steps = await api.historicActivitySteps(application!.processInstanceId!);
    expect(steps.find((s) => s.activityId === 'CityReview')?.assignee).toBe(reviewer.username);
    expect((await web.app.inject({ method: 'GET', url: `/api/tasks/${reviewTaskId}`, headers: reviewer.headers })).statusCode).toBe(404);
  });

  it('completes the recommendation on the same page, through the recommendation path with its caps', async () => {
    // given
    const taskId = await taskOf(reviewer.headers, 'CityRecommendation');
    const task = (await web.app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: reviewer.headers })).json();
    expect(task).toMatchObject({ stageLabel: '推荐至省厅', submitLabel: '提交推荐意见', form: { id: 'city-recommendation' } });
    expect(task.formData).toMatchObject({ enterpriseName: '石家庄示例装备制造有限公司' });
    // when
    const refused = await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers: reviewer.headers, payload: { recommendDecision: 'maybe', recommendationOpinion: 'x' } });
    const done = await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers: reviewer.headers, payload: { recommendDecision: 'recommend', recommendationOpinion: '同意推荐。' } });
    // then: recorded as a recommendation of the unit, with a rank
    expect(refused.statusCode).toBe(400);
    expect(done.statusCode, done.body).toBe(204);
    expect((await findApplication(web.db, applicationId))?.status).toBe('recommended');
    const recorded = await web.db.query('SELECT rank, opinion, created_by FROM recommendation WHERE application_id = $1', [applicationId]);
    expect(recorded.rows).toEqual([expect.objectContaining({ rank: 1, opinion: '同意推荐。', created_by: reviewer.username })]);
  });

  it('submits a unit’s batch on the same page, with the 推荐表 to preview and the batch’s own checks', async () => {
    // given: 衡水 recommended one library project and rendered its 推荐表
    const call = await openTestCall(web.db);
    const headers = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '131100' }));
    const [entry] = await seedLibrary(web.db, { callId: call.id, unitId: '131100', count: 1, engine: testEngine().client });
    expect((await web.app.inject({ method: 'POST', url: '/api/recommendations', headers, payload: { applicationId: entry!.id, opinion: '推荐。' } })).statusCode).toBe(201);
    expect((await web.app.inject({ method: 'POST', url: `/api/calls/${call.id}/batch`, headers })).statusCode).toBe(202);
    const taskId = await waitFor('the batch task with its 推荐表', async () => {
      const { tasks } = (await web.app.inject({ method: 'GET', url: '/api/tasks?stage=SubmitBatch', headers })).json() as { tasks: { taskId: string }[] };
      for (const { taskId: id } of tasks) {
        const detail = (await web.app.inject({ method: 'GET', url: `/api/tasks/${id}`, headers })).json();
        if (detail.batch?.callId === call.id && detail.attachments.some((a: { label: string }) => a.label === '推荐表')) return id;
      }
      return undefined;
    });
    const detail = (await web.app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers })).json();
    expect(detail).toMatchObject({ stageLabel: '报送推荐批次', form: { id: 'batch-submission' }, subject: { kind: 'batch', unitName: '衡水市' }, batch: { unitName: '衡水市' } });
    expect(detail.attachments.find((a: { label: string }) => a.label === '推荐表')).toMatchObject({ mediaType: 'application/pdf', previewable: true });
    // another unit's reviewer does not see it
    expect((await web.app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: reviewer.headers })).statusCode).toBe(404);
    // when: submitted without the stamped scan, then with it
    const missing = await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers, payload: { batchAction: 'submit' } });
    const scan = await uploadPdf(web.app, headers, '推荐表（盖章）.pdf');
    const submitted = await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers, payload: { batchAction: 'submit', sealedTable: scan } });
    // then
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields.map((f: { path: string }) => f.path)).toContain('body.sealedTable');
    expect(submitted.statusCode, submitted.body).toBe(204);
    expect((await web.app.inject({ method: 'GET', url: `/api/calls/${call.id}/batch`, headers })).json()).toMatchObject({ state: 'submitted', sealedScanId: scan.id });
  });

  it('lists the province’s own tasks to the province, and to an expert only what is assigned to it by name', async () => {
    // given: a province task (the review of the tests' own small process, started on the engine)
    const province = await signIn(web.app, await createTestAccount(web.db, 'province-officer'));
    const { client, api } = testEngine();
    await deployBundle(client, await provinceReviewBundle());
    const { id: processInstanceId } = await api.startProcess(provinceReview.processKey, `province-review-${Date.now()}`, { subject: '廊坊示例：年度复核' });
    const taskId = await waitFor('the province task', async () => {
      const { tasks } = (await web.app.inject({ method: 'GET', url: `/api/tasks?stage=${provinceReview.taskKey}`, headers: province })).json() as { tasks: { taskId: string }[] };
      const open = await api.tasks({ processInstanceId });
      return tasks.find((t) => open.some((o) => o.id === t.taskId))?.taskId;
    });
    expect((await web.app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: reviewer.headers })).statusCode).toBe(404);
    // when: the engine assigns it to one expert by name
    const expertCredentials = await createTestAccount(web.db, 'expert');
    const expert = await signIn(web.app, expertCredentials);
    const otherExpert = await signIn(web.app, await createTestAccount(web.db, 'expert'));
    await testEngine().api.claimTask(taskId, expertCredentials.username);
    // then: that expert sees it and may complete it; another expert does not; the province may no longer complete it
    const listed = (await web.app.inject({ method: 'GET', url: '/api/tasks', headers: expert })).json() as { tasks: { taskId: string; assignee: { username: string } }[] };
    expect(listed.tasks.map((t) => t.taskId)).toEqual([taskId]);
    expect((await web.app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: otherExpert })).statusCode).toBe(404);
    expect((await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers: province, payload: { decision: 'approve', comment: '' } })).statusCode).toBe(409);
    const detail = (await web.app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: expert })).json();
    expect(detail.formData).toEqual({ subject: '廊坊示例：年度复核' });
    expect((await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers: expert, payload: { decision: 'approve', comment: '同意', subject: detail.formData.subject } })).statusCode).toBe(204);
    expect((await api.historicProcessInstance(processInstanceId)).state).toBe('COMPLETED');
  });
});
