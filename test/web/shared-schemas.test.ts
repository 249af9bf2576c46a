import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { applicationForm, applicationStatusView, applicationView, callList } from '../../web/server/schemas/applications.js';
import { dueTasksView, incidentsView } from '../../web/server/schemas/dashboard.js';
import { unitLibrary } from '../../web/server/schemas/recommendations.js';
import { sessionView } from '../../web/server/schemas/session.js';
import { modelSummaries, releaseList } from '../../web/server/schemas/studio.js';
import { taskList } from '../../web/server/schemas/tasks.js';
import { unitDeadline } from '../../web/server/schemas/unit-calendar.js';
import { createDraft, newApplicant, newReviewer, openTestCall } from '../support/declaration.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// The client parses every answer with the route's own response schema (web/server/schemas/). These answers, as they
// travel, must parse with those schemas — times as ISO strings that decode to the same instants — and the server
// must refuse to send an answer that drifted from its schema rather than let the client meet it.

describe('answers and the schemas the client parses them with', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    web = await testApp();
    // A route whose answer lacks most of its schema's fields, on the real app (its serializer compiler).
    web.app.get('/api/test-drifted-answer', { config: { access: 'public' }, schema: { response: { 200: applicationView } } }, async () => ({ id: 'only-an-id' }));
  });
  afterAll(() => web.close());

  const get = async (url: string, headers: Record<string, string>) => {
    const response = await web.app.inject({ method: 'GET', url, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as unknown;
  };
  const parsed = <S extends z.ZodType>(schema: S, answer: unknown) => {
    expect(schema.safeParse(answer).error?.issues ?? []).toEqual([]);
    return schema.parse(answer);
  };

  it('parses the applicant portal’s answers, with times decoded to the instants the server sent', async () => {
    // given: an applicant with a draft in an open call
    const call = await openTestCall(web.db);
    const { headers } = await newApplicant(web.app, web.db);
    const id = await createDraft(web.app, headers, call.id);

    // when
    const calls = parsed(callList, await get('/api/calls', headers));
    const application = parsed(applicationView, await get(`/api/applications/${id}`, headers));
    parsed(applicationForm, await get(`/api/applications/${id}/form`, headers));
    const status = parsed(applicationStatusView, await get(`/api/applications/${id}/status`, headers));
    const session = parsed(sessionView, await get('/api/session', headers));

    // then
    const shown = calls.find((c) => c.id === call.id)!;
    expect(shown.opensAt).toBeInstanceOf(Date);
    expect(shown.opensAt.getTime()).toBe(call.opensAt.getTime());
    expect(shown.enterpriseDeadline.getTime()).toBe(call.enterpriseDeadline.getTime());
    expect(application).toMatchObject({ id, status: 'draft', template: 'mode-application', submittedAt: null });
    expect(application.createdAt).toBeInstanceOf(Date);
    expect(status.status).toBe('draft');
    expect(session.account.role).toBe('applicant');
  });

  it('parses a city reviewer’s, the province’s and the studio’s answers', async () => {
    // given
    const call = await openTestCall(web.db);
    const reviewer = await newReviewer(web.app, web.db, '130100');
    const province = await signIn(web.app, await createTestAccount(web.db, 'province-officer'));
    const administrator = await signIn(web.app, await createTestAccount(web.db, 'administrator'));

    // when / then
    const deadline = parsed(unitDeadline, await get(`/api/calls/${call.id}/my-unit/deadline`, reviewer));
    expect(deadline.enterpriseDeadline.getTime()).toBe(call.enterpriseDeadline.getTime());
    parsed(unitLibrary, await get(`/api/calls/${call.id}/library`, reviewer));
    parsed(taskList, await get('/api/tasks', reviewer));
    const due = parsed(dueTasksView, await get('/api/dashboard/due-tasks', province));
    expect(due.nearDueUntil.getTime()).toBeGreaterThan(due.now.getTime());
    parsed(incidentsView, await get('/api/dashboard/incidents', province));
    expect(parsed(modelSummaries, await get('/api/studio/models', administrator)).length).toBeGreaterThan(0);
    const releases = parsed(releaseList, await get('/api/studio/releases', administrator));
    expect(releases.every((release) => release.deployedAt instanceof Date)).toBe(true);
  });

  it('refuses to send an answer that drifted from its response schema', async () => {
    // when
    const response = await web.app.inject({ method: 'GET', url: '/api/test-drifted-answer' });

    // then: a generic 500, and none of the drifted answer reaches the client
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'INTERNAL' });
    expect(response.body).not.toContain('only-an-id');
  });
});
