import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Call } from '../../domain/call.js';
import { MESSAGE_ID_DOMAIN } from '../../store/applicant-notifications.js';
import { noticeKey } from '../../store/application-status-change.js';
import { messageIdFor } from '../../store/notification-repository.js';
import { newReviewer, openTestCall } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { seedLibrary, type LibraryEntry } from '../support/library.js';
import { testApp } from '../support/web.js';

// A recommendation tells the applicant once, in the application and by mail, whichever way it is made: through the
// web server (which then completes the task, and the process's guard step finds it done), or by completing the task
// in the engine's own Tasklist (the guard step records it).

describe('the applicant’s notice of a recommendation', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let call: Call;
  let reviewer: Record<string, string>;
  const { client } = testEngine();
  beforeAll(async () => {
    web = await testApp();
    call = await openTestCall(web.db);
    reviewer = await newReviewer(web.app, web.db, '130500');
  });
  afterAll(() => web.close());

  const processInstanceOf = async (id: string) => (await web.db.query('SELECT process_instance_id FROM application WHERE id = $1', [id])).rows[0].process_instance_id as string;

  // Recorded, the process waits for the unit's batch; it ends at 已推荐至省厅 once the batch is submitted.
  const endedAsRecommended = (id: string) =>
    waitFor('the process to wait for the unit’s batch', async () => {
      const waiting = await client.request('GET', `/history/activity-instance?processInstanceId=${await processInstanceOf(id)}&activityId=AwaitBatchSubmission`, { schema: z.array(z.unknown()) });
      return waiting.length ? true : undefined;
    });

  async function noticesOf(entry: LibraryEntry) {
    const title = `申报编号 ${entry.applicationNumber}：已推荐至省厅`;
    const inApp = await web.db.query('SELECT event_key, title FROM in_app_message WHERE application_id = $1 AND title = $2', [entry.id, title]);
    const mail = await web.db.query('SELECT event_key, message_id, recipient FROM outbox_message WHERE subject = $1', [title]);
    const events = await web.db.query("SELECT actor FROM application_status_event WHERE application_id = $1 AND status = 'recommended'", [entry.id]);
    return { inApp: inApp.rows, mail: mail.rows, events: events.rows };
  }

  it('tells the applicant once when the reviewer recommends through the web server', async () => {
    // given: an application at its recommendation task
    const [entry] = await seedLibrary(web.db, { callId: call.id, unitId: '130500', count: 1, engine: client });
    // when
    const answer = await web.app.inject({ method: 'POST', url: '/api/recommendations', headers: reviewer, payload: { applicationId: entry!.id, opinion: '同意推荐。' } });
    expect(answer.statusCode, answer.body).toBe(201);
    await endedAsRecommended(entry!.id); // the guard step has run too
    // then: one status event, one in-app message, one mail with the notice's stable Message-ID
    const key = noticeKey({ id: entry!.id, correctionRound: 0 }, 'recommended');
    const notices = await noticesOf(entry!);
    expect(notices.events).toHaveLength(1);
    expect(notices.inApp).toEqual([{ event_key: key, title: `申报编号 ${entry!.applicationNumber}：已推荐至省厅` }]);
    expect(notices.mail).toEqual([{ event_key: key, message_id: messageIdFor(key, MESSAGE_ID_DOMAIN), recipient: 'seed@example.com' }]);
  });

  it('tells the applicant once when an operator completes the task in the engine’s own Tasklist', async () => {
    // given
    const [entry] = await seedLibrary(web.db, { callId: call.id, unitId: '130500', count: 1, engine: client });
    const processInstanceId = await processInstanceOf(entry!.id);
    const task = await waitFor('the recommendation task', async () => {
      const tasks = await client.request('GET', `/task?processInstanceId=${processInstanceId}&taskDefinitionKey=CityRecommendation`, { schema: z.array(z.object({ id: z.string() })) });
      return tasks[0];
    });
    // when: completed over the engine's REST API, as Camunda's Tasklist does, bypassing the web server
    await client.request('POST', `/task/${task.id}/complete`, { json: { variables: { recommendDecision: { value: 'recommend' }, recommendationOpinion: { value: '经 Tasklist 推荐' } } }, schema: z.unknown() });
    await endedAsRecommended(entry!.id);
    // then
    const key = noticeKey({ id: entry!.id, correctionRound: 0 }, 'recommended');
    const notices = await noticesOf(entry!);
    expect(notices.events).toEqual([{ actor: 'city130500' }]);
    expect(notices.inApp).toEqual([{ event_key: key, title: `申报编号 ${entry!.applicationNumber}：已推荐至省厅` }]);
    expect(notices.mail).toEqual([{ event_key: key, message_id: messageIdFor(key, MESSAGE_ID_DOMAIN), recipient: 'seed@example.com' }]);
    const recorded = await web.db.query('SELECT opinion, created_by FROM recommendation WHERE application_id = $1', [entry!.id]);
    expect(recorded.rows).toEqual([{ opinion: '经 Tasklist 推荐', created_by: 'engine' }]);
  });
});
