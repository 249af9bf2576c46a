import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../domain/call.js';
import { deployBundle } from '../../platform/model-deployment.js';
import { createDraft, newApplicant, openTestCall, pdfBytes, upload, validModeData } from '../support/declaration.js';
import { importOverApi, studioAdministrator } from '../support/studio.js';
import { smallProcess } from '../studio/fixtures.js';
import { testEngine, waitFor } from '../support/engine.js';
import { provinceReview, provinceReviewBundle } from '../fixtures/province-review.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// Text PostgreSQL cannot store (U+0000, a lone surrogate) anywhere in a request is answered 400 with a field
// message naming the place, and nothing is written — on every route, by one check before the route runs.

const NUL = String.fromCharCode(0);
type Headers = Record<string, string>;
type Answer = { statusCode: number; json(): { code: string; fields: { path: string; message: string }[] } };

describe('text that cannot be stored', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let call: Call;
  beforeAll(async () => {
    web = await testApp();
    call = await openTestCall(web.db);
  });
  afterAll(() => web.close());

  const row = async (id: string) => (await web.db.query('SELECT status, data, updated_at, application_number FROM application WHERE id = $1', [id])).rows[0];
  const expectRefused = (answer: Answer, path: string, message: RegExp) => {
    expect(answer.statusCode).toBe(400);
    expect(answer.json().code).toBe('VALIDATION_FAILED');
    expect(answer.json().fields).toContainEqual({ path, message: expect.stringMatching(message) });
  };

  it('refuses a draft whose project name holds U+0000, or whose list holds a lone surrogate, and keeps the draft', async () => {
    // given: a draft saved once
    const applicant = await newApplicant(web.app, web.db);
    const id = await createDraft(web.app, applicant.headers, call.id);
    expect((await web.app.inject({ method: 'PUT', url: `/api/applications/${id}/draft`, headers: applicant.headers, payload: { data: { projectName: '原名称' } } })).statusCode).toBe(200);
    const before = await row(id);
    // when
    const nul = await web.app.inject({ method: 'PUT', url: `/api/applications/${id}/draft`, headers: applicant.headers, payload: { data: { projectName: `项目${NUL}名称` } } });
    const surrogate = await web.app.inject({ method: 'PUT', url: `/api/applications/${id}/draft`, headers: applicant.headers, payload: { data: { projectName: '新名称', performanceTargets: [{ indicator: '效率\uD800' }] } } });
    // then
    expectRefused(nul, 'body.data.projectName', /控制字符/);
    expectRefused(surrogate, 'body.data.performanceTargets.0.indicator', /Unicode/);
    expect(await row(id)).toEqual(before);
  });

  it('refuses a submission with U+0000 in a field and numbers nothing', async () => {
    // given
    const applicant = await newApplicant(web.app, web.db);
    const id = await createDraft(web.app, applicant.headers, call.id);
    const data = await validModeData(web.app, applicant.headers, applicant.uscc, { content: `建设内容${NUL}` });
    const before = await row(id);
    // when
    const answer = await web.app.inject({ method: 'POST', url: `/api/applications/${id}/submit`, headers: applicant.headers, payload: { data } });
    // then
    expectRefused(answer, 'body.data.content', /控制字符/);
    expect(await row(id)).toEqual(before);
    expect(before.application_number).toBeNull();
  });

  describe('on a task', () => {
    let headers: Headers;
    let taskId: string;
    let processInstanceId: string;
    beforeAll(async () => {
      headers = await signIn(web.app, await createTestAccount(web.db, 'province-officer'));
      const { client, api } = testEngine();
      await deployBundle(client, await provinceReviewBundle());
      processInstanceId = (await api.startProcess(provinceReview.processKey, `unstorable-${Date.now()}`, { subject: '保定示例：复核' })).id;
      taskId = await waitFor('the province task', async () => (await api.tasks({ processInstanceId }))[0]?.id);
    });

    it('refuses a completion and a comment holding U+0000; the task stays open and uncommented', async () => {
      // when
      const completed = await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers, payload: { decision: 'approve', comment: `同意${NUL}` } });
      const commented = await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/comments`, headers, payload: { message: `${NUL}意见` } });
      // then
      expectRefused(completed, 'body.comment', /控制字符/);
      expectRefused(commented, 'body.message', /控制字符/);
      expect((await testEngine().api.tasks({ processInstanceId })).map((t) => t.id)).toEqual([taskId]);
      const comments = (await web.app.inject({ method: 'GET', url: `/api/tasks/${taskId}/comments`, headers })).json() as unknown[];
      expect(comments).toEqual([]);
    });

    it('refuses a saved filter and a query holding U+0000, and saves none', async () => {
      const saved = await web.app.inject({ method: 'POST', url: '/api/task-filters', headers, payload: { name: `我的${NUL}`, criteria: {} } });
      expectRefused(saved, 'body.name', /控制字符/);
      const listed = await web.app.inject({ method: 'GET', url: `/api/tasks?stage=${encodeURIComponent(`Review${NUL}`)}`, headers });
      expectRefused(listed, 'querystring.stage', /控制字符/);
      expect((await web.app.inject({ method: 'GET', url: '/api/task-filters', headers })).json()).toEqual([]);
    });
  });

  it('refuses uploads whose file name or model file holds U+0000 (multipart, checked by its route), and stores nothing', async () => {
    // given
    const applicant = await newApplicant(web.app, web.db);
    const administrator = await studioAdministrator(web.app, web.db);
    const key = `unstorable_${Date.now()}`;
    // when
    const uploaded = await upload(web.app, applicant.headers, `营业执照${NUL}.pdf`, pdfBytes);
    const imported = await importOverApi(web.app, administrator, `${key}.bpmn`, smallProcess(key).replace('测试流程', `测试${NUL}流程`));
    // then
    expect(uploaded.statusCode, uploaded.body).toBe(400);
    expect(uploaded.json().fields).toEqual([{ path: 'file', message: expect.stringMatching(/^文件名.*控制字符/) }]);
    expectRefused(imported, 'file', /控制字符/);
    expect((await web.db.query('SELECT count(*)::int AS n FROM attachment WHERE owner_uscc = $1', [applicant.uscc])).rows[0].n).toBe(0);
    expect((await web.db.query('SELECT count(*)::int AS n FROM model_version WHERE key = $1', [key])).rows[0].n).toBe(0);
  });

  it('refuses a recommendation opinion holding U+0000 and records no recommendation', async () => {
    // given: an application of the reviewer's unit (the check answers before the route looks at it)
    const applicant = await newApplicant(web.app, web.db);
    const id = await createDraft(web.app, applicant.headers, call.id);
    const reviewer = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '130100' }));
    // when
    const answer = await web.app.inject({ method: 'POST', url: '/api/recommendations', headers: reviewer, payload: { applicationId: id, opinion: `同意推荐${NUL}` } });
    // then
    expectRefused(answer, 'body.opinion', /控制字符/);
    expect((await web.db.query('SELECT count(*)::int AS n FROM recommendation WHERE application_id = $1', [id])).rows[0].n).toBe(0);
  });
});
