import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Call } from '../../domain/call.js';
import { cityReviewTaskOf, completeCityReview } from '../support/city-review.js';
import { draftAndSubmit, newApplicant, newReviewer, openTestCall, sealAndSend, validModeData, waitForStatus } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { seedLibrary } from '../support/library.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

describe('recommending from the unit’s library', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let call: Call;
  let reviewer: Record<string, string>;
  let province: Record<string, string>;
  const { client } = testEngine();
  beforeAll(async () => {
    web = await testApp();
    call = await openTestCall(web.db);
    reviewer = await newReviewer(web.app, web.db, '130100');
    province = await signIn(web.app, await createTestAccount(web.db, 'province-officer'));
  });
  afterAll(() => web.close());

  const recommendOne = (applicationId: string, headers = reviewer) =>
    web.app.inject({ method: 'POST', url: '/api/recommendations', headers, payload: { applicationId, opinion: '同意推荐。' } });

  it('takes an application from declaration through the city’s library to recommended, ranked, with the unit’s opinion', async () => {
    // given: an application that passed the city's review
    const applicant = await newApplicant(web.app, web.db);
    const { id } = await draftAndSubmit(web.app, applicant.headers, call.id, await validModeData(web.app, applicant.headers, applicant.uscc));
    await sealAndSend(web.app, web.db, applicant.headers, id);
    await completeCityReview(web.app, reviewer, await cityReviewTaskOf(web.app, reviewer, id), { cityDecision: 'pass', cityOpinion: '同意。' });
    await waitForStatus(web.db, id, 'in-city-library');
    // when: recommended (once its recommendation task is there)
    const answer = await waitFor('the recommendation task', async () => {
      const response = await recommendOne(id);
      return response.statusCode === 409 && response.json().message.includes('稍后') ? undefined : response;
    });
    // then
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.json()).toEqual({ rank: 1 });
    await waitFor('the process to wait for the unit’s batch', async () => {
      const activities = await client.request('GET', `/history/activity-instance?processInstanceId=${(await web.db.query('SELECT process_instance_id FROM application WHERE id = $1', [id])).rows[0].process_instance_id}&activityId=AwaitBatchSubmission`, { schema: z.array(z.unknown()) });
      return activities.length ? true : undefined;
    });
    const library = (await web.app.inject({ method: 'GET', url: `/api/calls/${call.id}/library`, headers: reviewer })).json();
    expect(library.entries.find((e: { applicationId: string }) => e.applicationId === id)).toMatchObject({ status: 'recommended', recommendation: { rank: 1, opinion: '同意推荐。' } });
    expect(library.progress).toMatchObject({ recommended: 1 });
    expect((await recommendOne(id)).statusCode).toBe(409);
    // another unit's reviewer cannot recommend it
    expect((await recommendOne(id, await newReviewer(web.app, web.db, '130200'))).statusCode).toBe(404);
  });

  it('refuses a second city platform of a unit, whatever the path, and frees the place when a recommendation ends', async () => {
    // given: two city platforms in 唐山's library, each at its recommendation task
    const platformCall = await openTestCall(web.db);
    const tangshan = await newReviewer(web.app, web.db, '130200');
    const [first, second] = await seedLibrary(web.db, { callId: platformCall.id, unitId: '130200', count: 2, cityPlatform: true, engine: client });
    // when / then: the first is recommended, the second refused over HTTP
    expect((await recommendOne(first!.id, tangshan)).statusCode).toBe(201);
    const refused = await recommendOne(second!.id, tangshan);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({ code: 'CAP_REACHED', message: '每个推荐单位最多推荐1个市级工业互联网综合平台，本单位已推荐。' });
    // when: an operator completes the second's task in the engine's own Tasklist, bypassing the web server
    const processInstanceId = (await web.db.query('SELECT process_instance_id FROM application WHERE id = $1', [second!.id])).rows[0].process_instance_id as string;
    const taskBefore = (await client.request('GET', `/task?processInstanceId=${processInstanceId}`, { schema: z.array(z.object({ id: z.string() })) }))[0]!;
    await client.request('POST', `/task/${taskBefore.id}/complete`, { json: { variables: { recommendDecision: { value: 'recommend' }, recommendationOpinion: { value: '直接推荐' } } }, schema: z.unknown() });
    // then: the guard step refuses it too, and the task is back with the reason
    const taskAfter = await waitFor('the task to come back', async () => {
      const tasks = await client.request('GET', `/task?processInstanceId=${processInstanceId}&taskDefinitionKey=CityRecommendation`, { schema: z.array(z.object({ id: z.string() })) });
      return tasks[0]?.id !== taskBefore.id ? tasks[0] : undefined;
    });
    const refusal = await client.request('GET', `/task/${taskAfter.id}/variables/recommendationRefusal`, { schema: z.object({ value: z.string() }) });
    expect(refusal.value).toContain('市级工业互联网综合平台');
    const active = await web.db.query('SELECT count(*)::int AS n FROM recommendation WHERE call_id = $1 AND unit_id = $2 AND active', [platformCall.id, '130200']);
    expect(active.rows[0].n).toBe(1);
    // when: the first recommendation ends (withdrawn), its place is free
    await web.db.query("UPDATE recommendation SET active = false, ended_reason = 'withdrawn' WHERE application_id = $1", [first!.id]);
    expect((await recommendOne(second!.id, tangshan)).statusCode).toBe(201);
  });

  it('holds an indicator set as a cap, shows progress, and lets the reviewer rank its recommendations', async () => {
    // given: the province caps 秦皇岛 at 2
    const capCall = await openTestCall(web.db);
    const qinhuangdao = await newReviewer(web.app, web.db, '130300');
    expect((await web.app.inject({ method: 'PUT', url: `/api/calls/${capCall.id}/indicators/130300`, headers: province, payload: { target: 2, isCap: true } })).statusCode).toBe(204);
    expect((await web.app.inject({ method: 'PUT', url: `/api/calls/${capCall.id}/indicators/130300`, headers: qinhuangdao, payload: { target: 9, isCap: false } })).statusCode).toBe(403);
    const entries = await seedLibrary(web.db, { callId: capCall.id, unitId: '130300', count: 3, engine: client });
    // when
    const codes = [];
    for (const entry of entries) codes.push((await recommendOne(entry.id, qinhuangdao)).statusCode);
    // then
    expect(codes).toEqual([201, 201, 409]);
    const library = (await web.app.inject({ method: 'GET', url: `/api/calls/${capCall.id}/library`, headers: qinhuangdao })).json();
    expect(library.progress).toEqual({ recommended: 2, target: 2, isCap: true, cityPlatformsRecommended: 0 });
    // ranking: the second first
    const reorder = await web.app.inject({ method: 'PUT', url: `/api/calls/${capCall.id}/recommendations/ranking`, headers: qinhuangdao, payload: { applicationIds: [entries[1]!.id, entries[0]!.id] } });
    expect(reorder.statusCode).toBe(204);
    const ranked = (await web.app.inject({ method: 'GET', url: `/api/calls/${capCall.id}/library`, headers: qinhuangdao })).json().entries;
    expect(ranked.filter((e: { recommendation: unknown }) => e.recommendation).map((e: { applicationId: string; recommendation: { rank: number } }) => [e.applicationId, e.recommendation.rank]))
      .toEqual(expect.arrayContaining([[entries[1]!.id, 1], [entries[0]!.id, 2]]));
    const partial = await web.app.inject({ method: 'PUT', url: `/api/calls/${capCall.id}/recommendations/ranking`, headers: qinhuangdao, payload: { applicationIds: [entries[1]!.id] } });
    expect(partial.statusCode).toBe(400);
    // the province's figures
    const figures = (await web.app.inject({ method: 'GET', url: `/api/calls/${capCall.id}/unit-figures`, headers: province })).json();
    expect(figures.provinceFloor).toBe(200);
    expect(figures.units).toHaveLength(14);
    expect(figures.units.find((u: { unitId: string }) => u.unitId === '130300')).toMatchObject({ unitName: '秦皇岛市', target: 2, isCap: true, inLibrary: 3, recommended: 2, submitted: 3, pendingReview: 0 });
    expect(figures.totalRecommended).toBe(2);
    const audit = await web.db.query("SELECT action, detail FROM audit_log WHERE subject = $1", [`call:${capCall.id}:unit:130300`]);
    expect(audit.rows).toEqual([{ action: 'indicator.set', detail: { target: 2, isCap: true } }]);
  });
});
