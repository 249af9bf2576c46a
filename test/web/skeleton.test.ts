import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine, waitFor } from '../support/engine.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// The walking skeleton end to end: HTTP → engine → worker → user task with a form-js form → HTTP → end.
describe('walking skeleton through the web server', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let headers: Record<string, string>;
  beforeAll(async () => {
    web = await testApp();
    headers = await signIn(web.app, await createTestAccount(web.db, 'province-officer'));
  });
  afterAll(() => web.close());

  it('starts an instance, lets a worker prepare it, shows the form, completes it and records every step in order', async () => {
    // given: an instance started over HTTP
    const started = await web.app.inject({ headers, method: 'POST', url: '/api/skeleton/instances', payload: { applicant: '唐山示例制造有限公司' } });
    expect(started.statusCode).toBe(201);
    const { processInstanceId, businessKey } = started.json();

    // when: the worker has done its step, the user task is there
    const taskId = await waitFor('the review task', async () => {
      const state = (await web.app.inject({ headers, method: 'GET', url: `/api/skeleton/instances/${processInstanceId}` })).json();
      return state.openTasks[0]?.id as string | undefined;
    });
    const task = (await web.app.inject({ headers, method: 'GET', url: `/api/skeleton/tasks/${taskId}` })).json();

    // then: the deployed form-js form and the worker's output are offered
    expect(task.name).toBe('审核');
    expect(task.form).toMatchObject({ id: 'skeleton-review', type: 'default' });
    expect(task.form.components.map((c: { key: string }) => c.key)).toEqual(['greeting', 'decision', 'comment']);
    expect(task.data.greeting).toBe('唐山示例制造有限公司，您的申请已收到，请审核。');

    // when: completed through the web server
    const completed = await web.app.inject({ headers, method: 'POST', url: `/api/skeleton/tasks/${taskId}/complete`, payload: { decision: 'approve', comment: '同意' } });
    expect(completed.statusCode).toBe(204);

    // then: the instance ended and history shows every step in order
    const finished = (await web.app.inject({ headers, method: 'GET', url: `/api/skeleton/instances/${processInstanceId}` })).json();
    expect(finished.state).toBe('COMPLETED');
    expect(finished.activities.map((a: { activityId: string }) => a.activityId)).toEqual(['Start', 'PrepareReview', 'Review', 'End']);
    const { api } = testEngine();
    const variables = await api.historicProcessInstance(processInstanceId);
    expect(variables.businessKey).toBe(businessKey);
    const audit = await web.db.query('SELECT action FROM audit_log WHERE subject = $1', [businessKey]);
    expect(audit.rows).toEqual([{ action: 'skeleton.started' }]);
  });

  it('refuses invalid form data with field messages and leaves the task open', async () => {
    // given
    const started = (await web.app.inject({ headers, method: 'POST', url: '/api/skeleton/instances', payload: { applicant: '邢台示例' } })).json();
    const taskId = await waitFor('the review task', async () => {
      const state = (await web.app.inject({ headers, method: 'GET', url: `/api/skeleton/instances/${started.processInstanceId}` })).json();
      return state.openTasks[0]?.id as string | undefined;
    });
    // when
    const refused = await web.app.inject({ headers, method: 'POST', url: `/api/skeleton/tasks/${taskId}/complete`, payload: { decision: 'maybe', comment: 'x'.repeat(501) } });
    // then
    expect(refused.statusCode).toBe(400);
    const body = refused.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.comment', 'body.decision']);
    const state = (await web.app.inject({ headers, method: 'GET', url: `/api/skeleton/instances/${started.processInstanceId}` })).json();
    expect(state.openTasks.map((t: { id: string }) => t.id)).toEqual([taskId]);
  });

  it('refuses a start without an applicant and starts nothing', async () => {
    const { api } = testEngine();
    const before = (await api.tasks({})).length;
    const refused = await web.app.inject({ headers, method: 'POST', url: '/api/skeleton/instances', payload: { applicant: '   ' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('body.applicant');
    expect((await api.tasks({})).length).toBe(before);
  });

  it('refuses anyone not signed in, and roles other than the province', async () => {
    const anonymous = await web.app.inject({ method: 'POST', url: '/api/skeleton/instances', payload: { applicant: 'x' } });
    expect(anonymous.statusCode).toBe(401);
    const applicant = await signIn(web.app, await createTestAccount(web.db, 'applicant', { enterpriseUscc: '91130100MA0A1B2C31' }));
    const refused = await web.app.inject({ headers: applicant, method: 'POST', url: '/api/skeleton/instances', payload: { applicant: 'x' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
  });

  it('answers 404 for a task id that does not exist', async () => {
    const missing = await web.app.inject({ headers, method: 'GET', url: '/api/skeleton/tasks/00000000-0000-0000-0000-000000000000' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
  });
});
