import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../../web/server/identity/roles.js';
import type { ApiRoute } from '../../web/server/plugins/authentication.js';
import { cityReviewTaskOf } from '../support/city-review.js';
import { draftAndSubmit, newApplicant, openTestCall, randomUscc, sealAndSend, uploadPdf, validModeData } from '../support/declaration.js';
import { insertRecommendation } from '../../store/recommendation-repository.js';
import { seedLibrary } from '../support/library.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// Walks every /api route the server registered. Each must have an entry below — a new route without one fails —
// and each is called by every role: roles not listed are refused (401 anonymous, 403 signed in), listed roles pass
// the gate, and routes taking an id are called with the id of another enterprise's or another unit's record.

type Who = 'anonymous' | Role;
const everyone: Role[] = [...roles];
const expectations: Record<string, 'public' | Role[]> = {
  'POST /api/session': 'public',
  'GET /api/session': everyone,
  'DELETE /api/session': everyone,
  'POST /api/session/password': everyone,
  'GET /api/calls': everyone,
  'POST /api/calls': ['province-officer'],
  'GET /api/calls/:callId/settings': ['province-officer', 'administrator'],
  'PUT /api/calls/:callId/calendar': ['province-officer'],
  'PUT /api/calls/:callId/guide': ['province-officer'],
  'PUT /api/calls/:callId/contacts': ['province-officer'],
  'PUT /api/calls/:callId/links': ['province-officer'],
  'POST /api/calls/:callId/downloads': ['province-officer'],
  'DELETE /api/calls/:callId/downloads/:fileId': ['province-officer'],
  'GET /api/calls/:callId/downloads/:fileId': everyone,
  'POST /api/calls/:callId/open': ['province-officer'],
  'POST /api/calls/:callId/close': ['province-officer'],
  'POST /api/applications': ['applicant'],
  'GET /api/applications': ['applicant', 'city-reviewer'],
  'GET /api/applications/:id': ['applicant', 'city-reviewer', 'province-officer', 'administrator'],
  'GET /api/applications/:id/form': ['applicant'],
  'PUT /api/applications/:id/draft': ['applicant'],
  'POST /api/applications/:id/submit': ['applicant'],
  'GET /api/applications/:id/status': ['applicant', 'city-reviewer', 'province-officer', 'administrator'],
  'GET /api/applications/:id/documents': ['applicant', 'city-reviewer', 'province-officer', 'administrator'],
  'GET /api/applications/:id/trail': ['applicant', 'city-reviewer', 'province-officer', 'administrator'],
  'GET /api/applications/:id/sealed-scans': ['applicant'],
  'POST /api/applications/:id/sealed-scans': ['applicant'],
  'GET /api/applications/:id/receipt.pdf': ['applicant'],
  'GET /api/applications/:id/correction': ['applicant'],
  'POST /api/applications/:id/withdrawal': ['applicant'],
  'POST /api/applications/:id/correction': ['applicant'],
  'GET /api/tasks': ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership', 'expert'],
  'GET /api/tasks/:taskId': ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership', 'expert'],
  'POST /api/tasks/:taskId/claim': ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership'],
  'POST /api/tasks/:taskId/unclaim': ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership'],
  'PUT /api/tasks/:taskId/dates': ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership'],
  'GET /api/tasks/:taskId/comments': ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership', 'expert'],
  'POST /api/tasks/:taskId/comments': ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership', 'expert'],
  'GET /api/tasks/:taskId/diagram': ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership', 'expert'],
  'GET /api/tasks/:taskId/history': ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership', 'expert'],
  'POST /api/tasks/:taskId/complete': ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership', 'expert'],
  'GET /api/task-filters': ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership', 'expert'],
  'POST /api/task-filters': ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership', 'expert'],
  'DELETE /api/task-filters/:id': ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership', 'expert'],
  'POST /api/attachments': ['applicant', 'city-reviewer', 'province-officer'],
  'GET /api/attachments/:id': everyone,
  'GET /api/calls/:callId/my-unit/deadline': ['city-reviewer'],
  'PUT /api/calls/:callId/my-unit/deadline': ['city-reviewer'],
  'GET /api/messages': everyone,
  'GET /api/messages/unread-count': everyone,
  'GET /api/messages/:messageId': everyone,
  'POST /api/messages/:messageId/read': everyone,
  'GET /api/letters/recipients': ['province-officer', 'city-reviewer'],
  'GET /api/letters': ['province-officer', 'city-reviewer'],
  'POST /api/letters': ['province-officer', 'city-reviewer'],
  'GET /api/calls/:callId/library': ['city-reviewer'],
  'POST /api/recommendations': ['city-reviewer'],
  'DELETE /api/recommendations/:applicationId': ['city-reviewer'],
  'PUT /api/calls/:callId/recommendations/ranking': ['city-reviewer'],
  'PUT /api/calls/:callId/indicators/:unitId': ['province-officer'],
  'GET /api/calls/:callId/unit-figures': ['province-officer', 'administrator'],
  'GET /api/calls/:callId/indicators': ['province-officer'],
  'GET /api/calls/:callId/directions': ['province-officer'],
  'PUT /api/calls/:callId/directions': ['province-officer'],
  'PUT /api/calls/:callId/indicators': ['province-officer'],
  'GET /api/calls/:callId/indicators.xlsx': ['province-officer'],
  'POST /api/calls/:callId/indicators.xlsx': ['province-officer'],
  'GET /api/calls/:callId/notice-texts': ['province-officer'],
  'PUT /api/calls/:callId/notice-texts': ['province-officer'],
  'POST /api/calls/:callId/notice-texts/preview': ['province-officer'],
  'GET /api/calls/:callId/my-unit/dashboard': ['city-reviewer'],
  'GET /api/calls/:callId/batch': ['city-reviewer'],
  'POST /api/calls/:callId/batch': ['city-reviewer'],
  'POST /api/calls/:callId/batch/submit': ['city-reviewer'],
  'POST /api/calls/:callId/units/:unitId/reopen': ['province-officer'],
  'GET /api/calls/:callId/batch.xlsx': ['city-reviewer'],
  'GET /api/calls/:callId/overview.xlsx': ['province-officer', 'administrator'],
  'GET /api/calls/:callId/application-funnel': ['province-officer', 'administrator'],
  'GET /api/calls/:callId/application-funnel.xlsx': ['province-officer', 'administrator'],
  'GET /api/dashboard/due-tasks': ['province-officer', 'administrator'],
  'GET /api/dashboard/due-tasks.xlsx': ['province-officer', 'administrator'],
  'GET /api/dashboard/incidents': ['province-officer', 'administrator'],
  'GET /api/dashboard/incidents.xlsx': ['province-officer', 'administrator'],
  'GET /api/audit': ['province-officer', 'administrator'],
  'GET /api/audit.xlsx': ['province-officer', 'administrator'],
  'POST /api/dashboard/incidents/:incidentId/retry': ['province-officer'],
  'GET /api/studio/models': ['administrator'],
  'GET /api/studio/forms': ['administrator'],
  'GET /api/studio/models/:kind/:key/versions': ['administrator'],
  'POST /api/studio/models/:kind/:key/versions': ['administrator'],
  'GET /api/studio/versions/:versionId': ['administrator'],
  'POST /api/studio/versions/:versionId/restore': ['administrator'],
  'GET /api/studio/versions/:versionId/diff/:otherId': ['administrator'],
  'GET /api/studio/versions/:versionId/file': ['administrator'],
  'POST /api/studio/lint': ['administrator'],
  'POST /api/studio/versions/:versionId/deploy': ['administrator'],
  'GET /api/studio/releases': ['administrator'],
  'GET /api/studio/calls': ['administrator'],
  'PUT /api/studio/calls/:callId/releases/:processKey': ['administrator'],
  'POST /api/studio/import': ['administrator'],
  'GET /api/studio/element-templates': ['administrator'],
  'GET /api/working-days': ['province-officer', 'administrator'],
  'PUT /api/working-days/:year': ['province-officer'],
  'GET /api/unit-groups': ['administrator'],
  'PUT /api/unit-groups/accounts/:accountId': ['administrator'],
  'GET /api/accounts': ['administrator'],
  'POST /api/accounts': ['administrator'],
  'PATCH /api/accounts/:accountId': ['administrator'],
  'POST /api/accounts/:accountId/password': ['administrator'],
  'GET /api/my-unit/accounts': ['city-reviewer'],
  'POST /api/my-unit/accounts': ['city-reviewer'],
  'PATCH /api/my-unit/accounts/:accountId': ['city-reviewer'],
  'POST /api/my-unit/accounts/:accountId/password': ['city-reviewer'],
  'POST /api/registration-files': 'public',
  'POST /api/registrations': 'public',
  'POST /api/registrations/confirmation': 'public',
  'GET /api/registrations': ['city-reviewer', 'administrator'],
  'GET /api/registrations/:registrationId': ['city-reviewer', 'administrator'],
  'GET /api/registrations/:registrationId/files/:fileKind': ['city-reviewer', 'administrator'],
  'POST /api/registrations/:registrationId/decision': ['city-reviewer'],
  'POST /api/password-reset': 'public',
  'POST /api/password-reset/confirmation': 'public',
  'GET /api/library': ['province-officer', 'division-head', 'finance', 'leadership'],
  'GET /api/library.xlsx': ['province-officer', 'division-head', 'finance', 'leadership'],
  'GET /api/library.pdf': ['province-officer', 'division-head', 'finance', 'leadership'],
  'GET /api/my-unit/projects': ['city-reviewer'],
  'GET /api/my-unit/projects.xlsx': ['city-reviewer'],
  'POST /api/projects/:projectId/change-requests': ['applicant'],
  'GET /api/projects/:projectId/change-requests': ['applicant', 'city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership'],
  'POST /api/projects/:projectId/exit-proposals': ['province-officer', 'division-head'],
  'GET /api/projects/:projectId/exit-proposals': ['applicant', 'city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership'],
  'GET /api/projects/:projectId': ['applicant', 'city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership'],
  'GET /api/province/calls/:callId/batches': ['province-officer', 'division-head', 'finance', 'leadership'],
  'GET /api/province/calls/:callId/batches/:unitId': ['province-officer', 'division-head', 'finance', 'leadership'],
  'GET /api/experts': ['province-officer', 'division-head'],
  'POST /api/experts': ['province-officer'],
  'PUT /api/experts/:expertId': ['province-officer'],
  'GET /api/experts.xlsx': ['province-officer', 'division-head'],
  'GET /api/review-sessions': ['province-officer', 'division-head'],
  'GET /api/review-sessions/candidates': ['province-officer'],
  'POST /api/review-sessions': ['province-officer'],
  'GET /api/review-sessions/:sessionId': ['province-officer', 'division-head'],
  'POST /api/review-sessions/:sessionId/draws': ['province-officer'],
  'PUT /api/review-sessions/:sessionId/seats/:seatId/leader': ['province-officer'],
  'POST /api/review-sessions/:sessionId/panels/confirm': ['province-officer'],
  'POST /api/review-sessions/:sessionId/seats/:seatId/exclusion': ['province-officer'],
  'DELETE /api/review-sessions/:sessionId/seats/:seatId/exclusion': ['province-officer'],
  'POST /api/review-sessions/:sessionId/seats/:seatId/rescore': ['province-officer'],
  'POST /api/review-sessions/:sessionId/seats/:seatId/replacement': ['province-officer'],
  'POST /api/review-sessions/:sessionId/scoring/close': ['province-officer'],
  'POST /api/review-sessions/:sessionId/proposals': ['province-officer'],
  'POST /api/review-sessions/:sessionId/objections': ['province-officer'],
  'POST /api/review-sessions/:sessionId/objections/:objectionId/answer': ['province-officer'],
  'POST /api/review-sessions/:sessionId/pilot-list': ['province-officer'],
  'GET /api/projects/:projectId/review': ['applicant', 'city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership'],
  'POST /api/experts/import': ['province-officer'],
};

describe('authorization of every API route', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  const headers = {} as Record<Who, Record<string, string>>;
  const own = {} as { applicationId: string; taskId: string; attachmentId: string; callId: string; attachment: { id: string; fileName: string; sha256: string }; versionId: string };
  const foreign = {} as { applicationId: string; taskId: string; attachmentId: string; draftId: string };
  let foreignReviewer: Record<string, string>;

  beforeAll(async () => {
    web = await testApp();
    const call = await openTestCall(web.db);
    own.callId = call.id;
    own.versionId = (await web.db.query<{ id: string }>("SELECT max(id)::text AS id FROM model_version WHERE kind = 'process' AND key = 'batchReminders'")).rows[0]!.id;
    // enterprise A declares to 石家庄, enterprise B to 唐山; each reaches its city's review
    const a = await newApplicant(web.app, web.db);
    const b = await newApplicant(web.app, web.db, randomUscc('130203'));
    const reviewTask = (reviewer: Record<string, string>, applicationId: string) => cityReviewTaskOf(web.app, reviewer, applicationId);
    const submitted = async (applicant: { uscc: string; headers: Record<string, string> }, overrides: Record<string, unknown>) => {
      const { id } = await draftAndSubmit(web.app, applicant.headers, call.id, await validModeData(web.app, applicant.headers, applicant.uscc, overrides));
      await sealAndSend(web.app, web.db, applicant.headers, id);
      return id;
    };
    headers.applicant = a.headers;
    // a unit administrator, so the walk passes the account routes' unit-administrator gate (accounts.test.ts shows a plain reviewer's 403)
    headers['city-reviewer'] = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '130100', unitAdmin: true }));
    foreignReviewer = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '130200' }));
    for (const role of ['province-officer', 'division-head', 'finance', 'leadership', 'expert', 'administrator'] as const) headers[role] = await signIn(web.app, await createTestAccount(web.db, role));
    headers.anonymous = {};
    own.applicationId = await submitted(a, {});
    own.taskId = await reviewTask(headers['city-reviewer'], own.applicationId);
    own.attachment = await uploadPdf(web.app, a.headers, 'a.pdf');
    own.attachmentId = own.attachment.id;
    foreign.applicationId = await submitted(b, { declaredUnit: '130200' });
    foreign.taskId = await reviewTask(foreignReviewer, foreign.applicationId);
    foreign.attachmentId = (await uploadPdf(web.app, b.headers, 'b.pdf')).id;
    foreign.draftId = (await web.app.inject({ method: 'POST', url: '/api/applications', headers: b.headers, payload: { callId: call.id, template: 'mode-application' } })).json().id;
  }, 120_000);
  afterAll(() => web.close());

  const key = (route: ApiRoute) => `${route.method} ${route.url}`;
  const fill = (url: string, ids: { applicationId: string; taskId: string; attachmentId: string }) =>
    url
      .replace(':callId', own.callId)
      // the studio's routes: a shipped model and its latest version (the walk's empty bodies change nothing)
      .replace(':kind', 'process')
      .replace(':key', 'batchReminders')
      .replace(':processKey', 'batchReminders')
      .replace(':versionId', own.versionId)
      .replace(':otherId', own.versionId)
      .replace(':unitId', '130100')
      .replace(':messageId', '999999999')
      .replace(':accountId', '999999999')
      .replace(':registrationId', '00000000-0000-4000-8000-000000000000')
      .replace(':fileKind', 'licence')
      .replace(':taskId', ids.taskId)
      .replace(':applicationId', ids.applicationId)
      .replace(/\/api\/attachments\/:id/, `/api/attachments/${ids.attachmentId}`)
      .replace(':id', ids.applicationId);

  it('has an entry for every registered route, and declares the same access', () => {
    const routes = web.app.apiRoutes;
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map(key).filter((k) => !(k in expectations))).toEqual([]);
    expect(Object.keys(expectations).filter((k) => !routes.some((r) => key(r) === k))).toEqual([]);
    for (const route of routes) {
      const declared = route.access === 'signed-in' ? everyone : route.access;
      expect([key(route), declared === 'public' ? 'public' : [...declared].sort()]).toEqual([key(route), expectations[key(route)] === 'public' ? 'public' : [...(expectations[key(route)] as Role[])].sort()]);
    }
  });

  it('refuses every role the entry does not list, and lets the listed ones past the gate', async () => {
    for (const route of web.app.apiRoutes) {
      const allowed = expectations[key(route)]!;
      for (const who of ['anonymous', ...everyone] as Who[]) {
        if (key(route) === 'DELETE /api/session' || key(route) === 'POST /api/session/password') continue; // would end or change the session the walk uses; covered in session.test.ts
        const response = await web.app.inject({ method: route.method as 'GET', url: fill(route.url, own), headers: headers[who], payload: route.method === 'GET' ? undefined : {} });
        const label = `${who} → ${key(route)}: ${response.statusCode} ${response.body.slice(0, 120)}`;
        if (allowed === 'public' || (who !== 'anonymous' && allowed.includes(who as Role))) {
          expect([401, 403], label).not.toContain(response.statusCode);
        } else {
          expect(response.statusCode, label).toBe(who === 'anonymous' ? 401 : 403);
        }
      }
    }
  });

  it('answers 404 to every route that takes an id, called with another enterprise’s or another unit’s record, and changes nothing', async () => {
    const before = (await web.db.query('SELECT status, data, updated_at FROM application WHERE id = ANY($1) ORDER BY id', [[foreign.applicationId, foreign.draftId]])).rows;
    const foreignTask = async () => {
      const task = (await web.app.inject({ method: 'GET', url: `/api/tasks/${foreign.taskId}`, headers: foreignReviewer })).json() as { assignee: unknown; due: unknown; followUp: unknown };
      const comments = (await web.app.inject({ method: 'GET', url: `/api/tasks/${foreign.taskId}/comments`, headers: foreignReviewer })).json() as unknown[];
      return { assignee: task.assignee, due: task.due, followUp: task.followUp, comments: comments.length };
    };
    const taskBefore = await foreignTask();
    const idRoutes = web.app.apiRoutes.filter((r) => /:(id|taskId)\b/.test(r.url));
    expect(idRoutes.length).toBe(Object.keys(expectations).filter((k) => /:(id|taskId)\b/.test(k)).length);
    for (const route of idRoutes) {
      for (const who of ['applicant', 'city-reviewer'] as const) {
        if (!(expectations[key(route)] as Role[]).includes(who)) continue;
        const ids = { ...foreign, applicationId: key(route) === 'PUT /api/applications/:id/draft' || key(route) === 'POST /api/applications/:id/submit' ? foreign.draftId : foreign.applicationId };
        // A well-formed body, so the answer comes from the scope check, not from validation.
        const body = { data: {}, cityDecision: 'pass', cityOpinion: 'x', correctionResponse: 'x', reason: 'x', sealedMaterials: own.attachment, sealedCommitment: own.attachment, message: 'x', due: '2030-01-01T00:00:00+08:00' };
        const response = await web.app.inject({ method: route.method as 'GET', url: fill(route.url, ids), headers: headers[who], payload: route.method === 'GET' ? undefined : body });
        expect(response.statusCode, `${who} → ${key(route)} with a foreign id: ${response.body.slice(0, 120)}`).toBe(404);
      }
    }
    // recommending another unit's application
    const recommend = await web.app.inject({ method: 'POST', url: '/api/recommendations', headers: headers['city-reviewer'], payload: { applicationId: foreign.applicationId, opinion: 'x' } });
    expect(recommend.statusCode).toBe(404);
    // withdrawing another unit's recommendation
    expect((await web.app.inject({ method: 'DELETE', url: `/api/recommendations/${foreign.applicationId}`, headers: headers['city-reviewer'] })).statusCode).toBe(404);
    // the other unit's reviewer still sees its own task; nothing about B changed
    expect((await web.app.inject({ method: 'GET', url: `/api/tasks/${foreign.taskId}`, headers: foreignReviewer })).statusCode).toBe(200);
    const after = (await web.db.query('SELECT status, data, updated_at FROM application WHERE id = ANY($1) ORDER BY id', [[foreign.applicationId, foreign.draftId]])).rows;
    expect(after).toEqual(before);
    expect(await foreignTask()).toEqual(taskBefore);
  });

  it('answers a unit’s own library, ranking, batch and dashboard only: another unit’s recommendations are neither shown nor reorderable', async () => {
    // given: 唐山 has a recommended project in its library, 石家庄 none
    const [tangshan] = await seedLibrary(web.db, { callId: own.callId, unitId: '130200', count: 1 });
    await insertRecommendation(web.db, { callId: own.callId, unitId: '130200', applicationId: tangshan!.id, isCityPlatform: false, opinion: '唐山推荐', createdBy: 'test' });
    const reviewer = headers['city-reviewer'];
    const get = (url: string) => web.app.inject({ method: 'GET', url, headers: reviewer });
    // 石家庄's library and dashboard hold nothing of 唐山's
    const library = (await get(`/api/calls/${own.callId}/library`)).json() as { entries: { applicationId: string }[]; progress: { recommended: number } };
    expect(library.entries.map((e) => e.applicationId)).not.toContain(tangshan!.id);
    expect(library.progress.recommended).toBe(0);
    const dashboard = (await get(`/api/calls/${own.callId}/my-unit/dashboard`)).json() as { figures: { unitName: string; recommended: number } };
    expect(dashboard.figures).toMatchObject({ unitName: '石家庄市', recommended: 0 });
    // ranking 唐山's recommendation, is refused and changes nothing
    const ranking = await web.app.inject({ method: 'PUT', url: `/api/calls/${own.callId}/recommendations/ranking`, headers: reviewer, payload: { applicationIds: [tangshan!.id] } });
    expect(ranking.statusCode).toBe(400);
    const rank = async () => (await web.db.query('SELECT rank, unit_id FROM recommendation WHERE application_id = $1', [tangshan!.id])).rows;
    expect(await rank()).toEqual([{ rank: 1, unit_id: '130200' }]);
    // the batch the reviewer prepares (the walk above already did) is its own unit's; 唐山 has none
    expect([202, 409]).toContain((await web.app.inject({ method: 'POST', url: `/api/calls/${own.callId}/batch`, headers: reviewer })).statusCode);
    expect((await web.db.query('SELECT unit_id FROM unit_batch WHERE call_id = $1', [own.callId])).rows).toEqual([{ unit_id: '130100' }]);
  });
});
