import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withTransaction, type Pool } from '../../platform/database.js';
import { changeProjectStatus, findProjectOfApplication, insertProjectsOfBatch, listProjects, projectStatusEvents } from '../../store/project-repository.js';
import { draftAndSubmit, newApplicant, newReviewer, openTestCall, uploadPdf, validModeData, waitForStatus } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { createEngineApi } from '../../platform/engine/index.js';
import { engineCommandsOf } from '../../store/engine-command-repository.js';
import { deliverEngineCommand } from '../../web/server/engine-commands/deliver.js';
import { seedLibrary } from '../support/library.js';
import { testApp } from '../support/web.js';

// The provincial library's projects: created exactly once per application when its unit submits the batch (in the
// submission's own transaction), and E6 against the library on the real engine, workers and database.

describe('projects created by a unit’s batch submission', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  const { client } = testEngine();
  beforeAll(async () => {
    web = await testApp();
  });
  afterAll(() => web.close());

  const get = (url: string, headers: Record<string, string>) => web.app.inject({ method: 'GET', url, headers });
  const post = (url: string, headers: Record<string, string>, payload?: object) => web.app.inject({ method: 'POST', url, headers, ...(payload === undefined ? {} : { payload }) });
  /** A unit whose batch of `count` recommendations is rendered and ready to submit, with a stamped scan uploaded. */
  async function readyBatch(unitId: string, count: number) {
    const call = await openTestCall(web.db);
    const reviewer = await newReviewer(web.app, web.db, unitId);
    const library = await seedLibrary(web.db, { callId: call.id, unitId, count, engine: client });
    for (const entry of library) expect((await post('/api/recommendations', reviewer, { applicationId: entry.id, opinion: '同意推荐' })).statusCode).toBe(201);
    expect((await post(`/api/calls/${call.id}/batch`, reviewer)).statusCode).toBe(202);
    await waitFor('the 推荐表', async () => ((await get(`/api/calls/${call.id}/batch`, reviewer)).json().state === 'ready' ? true : undefined));
    const scan = await uploadPdf(web.app, reviewer, '推荐表（盖章）.pdf');
    return { call, reviewer, library, scan };
  }
  const projectsOf = (callId: string) => listProjects(web.db, { callId });

  it('creates one project per application, each with its creation status row and audit entry, for two submissions at once', async () => {
    // given: 保定 ready to submit two recommendations
    const { call, reviewer, library, scan } = await readyBatch('130600', 2);
    // when: the batch is submitted twice at once
    const answers = await Promise.all([0, 1].map(() => post(`/api/calls/${call.id}/batch/submit`, reviewer, { sealedTable: scan })));
    // then: one submission passes, the other is refused by the unit's lock
    expect(answers.map((a) => a.statusCode).sort()).toEqual([204, 409]);
    const projects = await projectsOf(call.id);
    expect(projects.map((p) => p.applicationId).sort()).toEqual(library.map((e) => e.id).sort());
    for (const project of projects) {
      const entry = library.find((e) => e.id === project.applicationId)!;
      expect(project).toMatchObject({ projectNumber: entry.applicationNumber, callId: call.id, unitId: '130600', status: 'received', admittedAt: null });
      const events = await projectStatusEvents(web.db, project.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ fromStatus: null, toStatus: 'received', reason: '推荐批次已报送省厅' });
      expect(events[0]!.actor).toMatch(/^cityreviewer\./);
      const audit = await web.db.query('SELECT action, actor, call_id, unit_id, detail FROM audit_log WHERE subject = $1', [`project:${project.id}`]);
      expect(audit.rows).toEqual([{ action: 'project.created', actor: events[0]!.actor, call_id: call.id, unit_id: '130600', detail: { projectNumber: entry.applicationNumber, status: 'received' } }]);
    }
    // and each project's process was started exactly once, with the project number as its business key
    for (const project of projects) {
      const linked = await waitFor('the project process', async () => (await findProjectOfApplication(web.db, project.applicationId))?.processInstanceId ?? undefined);
      const instances = await client.request('GET', `/history/process-instance?processDefinitionKey=project&processInstanceBusinessKey=${project.projectNumber}`, { schema: z.array(z.object({ id: z.string() })) });
      expect(instances.map((i) => i.id)).toEqual([linked]);
    }
    // and the province sees the batch's projects by unit and status
    expect((await listProjects(web.db, { unitId: '130600', statuses: ['received'] })).map((p) => p.id)).toEqual(expect.arrayContaining(projects.map((p) => p.id)));
    expect(await listProjects(web.db, { callId: call.id, statuses: ['admitted'] })).toEqual([]);
  });

  it('creates none again for a replayed submission or a repeated creation', async () => {
    // given: 沧州's batch submitted
    const { call, reviewer, library, scan } = await readyBatch('130900', 2);
    expect((await post(`/api/calls/${call.id}/batch/submit`, reviewer, { sealedTable: scan })).statusCode).toBe(204);
    const first = await projectsOf(call.id);
    // when: the request is replayed, and the projects of the batch are created again (a replayed message)
    const replay = await post(`/api/calls/${call.id}/batch/submit`, reviewer, { sealedTable: scan });
    const again = await withTransaction(web.db, (tx) =>
      insertProjectsOfBatch(tx, {
        callId: call.id, unitId: '130900', actor: 'replay', at: new Date(),
        applications: first.map((p) => ({ applicationId: p.applicationId, applicationNumber: p.projectNumber, enterpriseUscc: p.enterpriseUscc })),
      }),
    );
    // then: refused and nothing created; still one project and one creation row per application
    expect(replay.statusCode).toBe(409);
    expect(again).toEqual([]);
    const projects = await projectsOf(call.id);
    expect(projects).toHaveLength(library.length);
    expect(projects.map((p) => p.id).sort()).toEqual(first.map((p) => p.id).sort());
    for (const project of projects) expect(await projectStatusEvents(web.db, project.id)).toHaveLength(1);
    // when: each project's start command is replayed, as after a crash before its outcome was recorded
    for (const project of projects) {
      const linked = await waitFor('the project process', async () => (await findProjectOfApplication(web.db, project.applicationId))?.processInstanceId ?? undefined);
      const start = (await engineCommandsOf(web.db, { projectId: project.id })).find((c) => c.kind === 'start-process')!;
      await web.db.query('UPDATE engine_command SET done_at = NULL WHERE id = $1', [start.id]);
      expect(await deliverEngineCommand({ db: web.db, engine: createEngineApi(client) }, start.id)).toBe('done');
      // then: still the one instance
      const instances = await client.request('GET', `/history/process-instance?processDefinitionKey=project&processInstanceBusinessKey=${project.projectNumber}`, { schema: z.array(z.object({ id: z.string() })) });
      expect(instances.map((i) => i.id)).toEqual([linked]);
    }
  });

  it('creates none when the submission is refused or rolled back', async () => {
    // given: 衡水 ready to submit one recommendation
    const { call, reviewer, library, scan } = await readyBatch('131100', 1);
    // when: refused (no scan, then a recommendation made after the table was rendered)
    expect((await post(`/api/calls/${call.id}/batch/submit`, reviewer, {})).statusCode).toBe(400);
    const [late] = await seedLibrary(web.db, { callId: call.id, unitId: '131100', count: 1, engine: client });
    expect((await post('/api/recommendations', reviewer, { applicationId: late!.id, opinion: '同意推荐' })).statusCode).toBe(201);
    expect((await post(`/api/calls/${call.id}/batch/submit`, reviewer, { sealedTable: scan })).statusCode).toBe(409);
    // then
    expect(await projectsOf(call.id)).toEqual([]);
    // when: rendered anew, the submission's COMMIT fails
    await waitForRerender(call.id, reviewer);
    const failed = await withFailingCommit(web.db, library[0]!.id, () => post(`/api/calls/${call.id}/batch/submit`, reviewer, { sealedTable: scan }));
    // then: nothing was created and the batch is not submitted
    expect(failed.statusCode).toBe(500);
    expect(await projectsOf(call.id)).toEqual([]);
    expect((await get(`/api/calls/${call.id}/batch`, reviewer)).json().state).toBe('ready');
    // when: submitted once the cause is gone
    expect((await post(`/api/calls/${call.id}/batch/submit`, reviewer, { sealedTable: scan })).statusCode).toBe(204);
    // then: both applications of the batch are projects
    expect((await projectsOf(call.id)).map((p) => p.applicationId).sort()).toEqual([library[0]!.id, late!.id].sort());
  });

  it('creates the projects when the batch is submitted through the tasklist, the same path as the batch page', async () => {
    // given: 唐山 ready to submit one recommendation, its batch task open
    const { call, reviewer, library, scan } = await readyBatch('130200', 1);
    const taskId = await waitFor('the batch task', async () => {
      const { tasks } = (await get('/api/tasks?stage=SubmitBatch', reviewer)).json() as { tasks: { taskId: string }[] };
      for (const { taskId: id } of tasks) if ((await get(`/api/tasks/${id}`, reviewer)).json().batch?.callId === call.id) return id;
      return undefined;
    });
    // when: completed without the scan (refused), then with it
    expect((await post(`/api/tasks/${taskId}/complete`, reviewer, { batchAction: 'submit' })).statusCode).toBe(400);
    expect(await projectsOf(call.id)).toEqual([]);
    const done = await post(`/api/tasks/${taskId}/complete`, reviewer, { batchAction: 'submit', sealedTable: scan });
    // then
    expect(done.statusCode, done.body).toBe(204);
    const projects = await projectsOf(call.id);
    expect(projects.map((p) => [p.applicationId, p.status])).toEqual([[library[0]!.id, 'received']]);
    expect(await projectStatusEvents(web.db, projects[0]!.id)).toHaveLength(1);
  });

  /** Waits until the 推荐表 has been rendered again after a change of the recommendations. */
  async function waitForRerender(callId: string, reviewer: Record<string, string>) {
    const before = (await get(`/api/calls/${callId}/batch`, reviewer)).json().tablePdfId;
    await waitFor('a 推荐表 to regenerate', async () => ((await post(`/api/calls/${callId}/batch`, reviewer)).statusCode === 202 ? true : undefined));
    await waitFor('the new 推荐表', async () => {
      const batch = (await get(`/api/calls/${callId}/batch`, reviewer)).json();
      return batch.state === 'ready' && batch.tablePdfId !== before ? true : undefined;
    });
  }
});

describe('E6 against the provincial library', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    web = await testApp();
  });
  afterAll(() => web.close());

  /** A project of an earlier call's application by the enterprise, moved through `statuses` by the repository. */
  async function earlierProject(uscc: string, projectName: string, statuses: ('admitted' | 'exited')[]) {
    const earlierCall = await openTestCall(web.db, new Date(Date.now() - 400 * 86_400_000));
    const applicationNumber = `P${randomBytes(4).toString('hex')}-130100`;
    const creator = (await web.db.query<{ id: string }>('SELECT id FROM account WHERE enterprise_uscc = $1 LIMIT 1', [uscc])).rows[0]!.id;
    const application = await web.db.query<{ id: string }>(
      `INSERT INTO application (call_id, enterprise_uscc, created_by, template, unit_id, application_number, status, data, submitted_at)
       VALUES ($1, $2, $3, 'mode-application', '130100', $4, 'recommended', $5, now()) RETURNING id`,
      [earlierCall.id, uscc, creator, applicationNumber, { enterpriseName: '石家庄示例装备制造有限公司', projectName }],
    );
    const applicationId = application.rows[0]!.id;
    const [project] = await withTransaction(web.db, (tx) =>
      insertProjectsOfBatch(tx, { callId: earlierCall.id, unitId: '130100', applications: [{ applicationId, applicationNumber, enterpriseUscc: uscc }], actor: 'cityreviewer.e6', at: new Date() }),
    );
    for (const to of statuses) {
      await withTransaction(web.db, (tx) => changeProjectStatus(tx, { projectId: project!.id, to, actor: 'provinceofficer.e6', at: new Date(), reason: to === 'exited' ? '企业终止项目' : null }));
    }
    return { projectId: project!.id, applicationId, applicationNumber };
  }
  const e6Of = async (id: string, headers: Record<string, string>) =>
    ((await web.app.inject({ method: 'GET', url: `/api/applications/${id}/status`, headers })).json() as { ruleOutcomes: { ruleId: string; result: string; reason?: string }[] }).ruleOutcomes.find((o) => o.ruleId === 'E6');

  it('refuses a second-year declaration of an admitted project, naming the project', async () => {
    // given: an enterprise whose project of last year's call is in the library (在库)
    const call = await openTestCall(web.db);
    const applicant = await newApplicant(web.app, web.db);
    const data = await validModeData(web.app, applicant.headers, applicant.uscc);
    const libraryName = `${String(data.projectName)}（一期）`;
    const { projectId, applicationId, applicationNumber } = await earlierProject(applicant.uscc, libraryName, ['admitted']);
    const events = await projectStatusEvents(web.db, projectId);
    expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([[null, 'received'], ['received', 'admitted']]);
    expect(await findProjectOfApplication(web.db, applicationId)).toMatchObject({ status: 'admitted', admittedAt: expect.any(Date), projectName: libraryName });
    const audit = await web.db.query('SELECT action, detail FROM audit_log WHERE subject = $1 ORDER BY id', [`project:${projectId}`]);
    expect(audit.rows.map((r) => r.action)).toEqual(['project.created', 'project.status-changed']);
    expect(audit.rows[1].detail).toMatchObject({ from: 'received', to: 'admitted' });
    // when: it declares the same project this year, spelt with half-width brackets
    const { id } = await draftAndSubmit(web.app, applicant.headers, call.id, { ...data, projectName: `${String(data.projectName)}(一期)` });
    // then: refused, naming the project by its name and number
    await waitForStatus(web.db, id, 'refused');
    const e6 = await e6Of(id, applicant.headers);
    expect(e6).toMatchObject({ result: 'refused', reason: `该项目已列入省级重点项目库（项目名称：${libraryName}，项目编号${applicationNumber}），无需重复申报` });
  });

  it('does not refuse a project not yet in the library, nor one that has left it', async () => {
    const call = await openTestCall(web.db);
    for (const statuses of [[], ['admitted', 'exited']] as ('admitted' | 'exited')[][]) {
      // given: the enterprise's project of last year's call received but not admitted, or admitted then exited
      const applicant = await newApplicant(web.app, web.db);
      const data = await validModeData(web.app, applicant.headers, applicant.uscc);
      await earlierProject(applicant.uscc, String(data.projectName), statuses);
      // when
      const { id } = await draftAndSubmit(web.app, applicant.headers, call.id, data);
      // then
      await waitForStatus(web.db, id, 'awaiting-sealed-scans');
      const e6 = await e6Of(id, applicant.headers);
      expect(e6).toMatchObject({ ruleId: 'E6', result: 'pass' });
      expect(e6?.reason).toBeUndefined();
    }
  });

  it('refuses an illegal move and changes nothing', async () => {
    const applicant = await newApplicant(web.app, web.db);
    const { projectId } = await earlierProject(applicant.uscc, '智能工厂项目', []);
    await expect(withTransaction(web.db, (tx) => changeProjectStatus(tx, { projectId, to: 'exited', actor: 'provinceofficer.e6', at: new Date(), reason: '测试' })))
      .rejects.toThrow('项目状态不能从“待形式审查”变更为“退库”');
    expect((await projectStatusEvents(web.db, projectId)).map((e) => e.toStatus)).toEqual(['received']);
  });
});

// helpers

/** Runs `action` while the COMMIT of any transaction that creates the application's project fails. */
async function withFailingCommit<T>(db: Pool, applicationId: string, action: () => Promise<T>): Promise<T> {
  const trigger = `fail_project_${randomBytes(4).toString('hex')}`;
  await db.query(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.application_id = '${applicationId}'::uuid THEN RAISE EXCEPTION 'commit refused by the test'; END IF;
      RETURN NULL;
    END $$`);
  await db.query(`CREATE CONSTRAINT TRIGGER ${trigger} AFTER INSERT ON project DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
  try {
    return await action();
  } finally {
    await db.query(`DROP TRIGGER ${trigger} ON project`);
    await db.query(`DROP FUNCTION ${trigger}()`);
  }
}
