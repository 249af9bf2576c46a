import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../platform/clock.js';
import { engineCommandsOf, findEngineCommand, markEngineCommandDone } from '../../store/engine-command-repository.js';
import { withdrawRecommendation as withdrawRecommendationService } from '../../web/server/applications/withdraw-recommendation.js';
import { queueDeclarationMessage } from '../../web/server/engine-commands/declaration-message.js';
import { deliverEngineCommand } from '../../web/server/engine-commands/deliver.js';
import { findAccountByUsername } from '../../web/server/identity/account-repository.js';
import { newApplicant, newReviewer, openTestCall, uploadPdf } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { seedLibrary, type LibraryEntry } from '../support/library.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// Withdrawals in the declaration model: the applicant's (an event sub-process ending the process) and the unit's
// recommendation (a boundary message on the wait for the batch, back to the library), until the batch is submitted.

describe('withdrawing an application or a recommendation', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  const { client, api } = testEngine();
  beforeAll(async () => {
    web = await testApp();
  });
  afterAll(() => web.close());

  const get = (url: string, headers: Record<string, string>) => web.app.inject({ method: 'GET', url, headers });
  const post = (url: string, headers: Record<string, string>, payload?: object) => web.app.inject({ method: 'POST', url, headers, ...(payload === undefined ? {} : { payload }) });
  const recommend = (headers: Record<string, string>, applicationId: string) => post('/api/recommendations', headers, { applicationId, opinion: '同意推荐。' });
  const withdraw = (headers: Record<string, string>, id: string, reason: unknown = '项目计划调整') => post(`/api/applications/${id}/withdrawal`, headers, { reason });
  const withdrawRecommendation = (headers: Record<string, string>, id: string) => web.app.inject({ method: 'DELETE', url: `/api/recommendations/${id}`, headers });
  const row = async (id: string) =>
    (await web.db.query<{ status: string; process_instance_id: string; enterprise_uscc: string }>('SELECT status, process_instance_id, enterprise_uscc FROM application WHERE id = $1', [id])).rows[0]!;
  const recommendations = async (id: string) =>
    (await web.db.query<{ active: boolean; ended_at: Date | null; ended_reason: string | null }>('SELECT active, ended_at, ended_reason FROM recommendation WHERE application_id = $1 ORDER BY id', [id])).rows;
  const applicantOf = async (entry: LibraryEntry) => signIn(web.app, await createTestAccount(web.db, 'applicant', { enterpriseUscc: (await row(entry.id)).enterprise_uscc }));
  /** Waits until the instance reached an element (a step of its history), and returns its steps. */
  const reached = (id: string, activityId: string) =>
    waitFor(`${activityId} in the history`, async () => {
      const steps = await api.historicActivitySteps((await row(id)).process_instance_id);
      return steps.some((s) => s.activityId === activityId) ? steps : undefined;
    });
  const progress = async (callId: string, headers: Record<string, string>) => (await get(`/api/calls/${callId}/library`, headers)).json().progress.recommended as number;

  it('withdraws a recommended application: its place is freed, its process ends, the unit is told', async () => {
    // given: 保定 recommended one of its library's projects, whose process waits for the unit's batch
    const call = await openTestCall(web.db);
    const reviewer = await newReviewer(web.app, web.db, '130600');
    const [entry] = await seedLibrary(web.db, { callId: call.id, unitId: '130600', count: 1, engine: client });
    expect((await recommend(reviewer, entry!.id)).statusCode).toBe(201);
    await reached(entry!.id, 'AwaitBatchSubmission');
    expect(await progress(call.id, reviewer)).toBe(1);
    const applicant = await applicantOf(entry!);
    expect((await get(`/api/applications/${entry!.id}/status`, applicant)).json().withdrawal).toEqual({ allowed: true, refusal: null });

    // when: a request without a reason, another enterprise's request, then the applicant's withdrawal
    expect((await withdraw(applicant, entry!.id, '  ')).statusCode).toBe(400);
    expect((await withdraw((await newApplicant(web.app, web.db)).headers, entry!.id)).statusCode).toBe(404);
    expect((await row(entry!.id)).status).toBe('recommended');
    const answer = await withdraw(applicant, entry!.id);

    // then: withdrawn with its reason, the indicator's count is one less, the recommendation ended
    expect(answer.statusCode, answer.body).toBe(204);
    expect((await row(entry!.id)).status).toBe('withdrawn');
    expect(await progress(call.id, reviewer)).toBe(0);
    expect(await recommendations(entry!.id)).toEqual([{ active: false, ended_at: expect.any(Date), ended_reason: '企业撤回申报：项目计划调整' }]);
    const status = (await get(`/api/applications/${entry!.id}/status`, applicant)).json();
    expect(status.history.at(-1)).toMatchObject({ status: 'withdrawn', reason: '企业撤回申报：项目计划调整' });
    expect(status.withdrawal.allowed).toBe(false);
    // the process has ended through the withdrawal's event sub-process, not at 已推荐至省厅
    const steps = await reached(entry!.id, 'WithdrawnByApplicant');
    expect(steps.some((s) => s.activityId === 'Recommended')).toBe(false);
    await waitFor('the instance to end', async () => ((await api.historicProcessInstance((await row(entry!.id)).process_instance_id)).endTime ? true : undefined));
    // the unit's reviewers have a message naming the project and the reason
    const messages = (await get('/api/messages', reviewer)).json() as { title: string; body: string }[];
    expect(messages.find((m) => m.title.startsWith('企业撤回申报'))?.body).toMatch(/撤回原因：项目计划调整[\s\S]*推荐名额已释放/);
    // and it cannot be withdrawn twice
    expect((await withdraw(applicant, entry!.id)).statusCode).toBe(409);
  });

  it('refuses the applicant’s and the unit’s withdrawal once the batch holding it is submitted, which ends its process at 已推荐至省厅', async () => {
    // given: 邢台 recommended a project and submitted its batch
    const call = await openTestCall(web.db);
    const reviewer = await newReviewer(web.app, web.db, '130500');
    const [entry, late] = await seedLibrary(web.db, { callId: call.id, unitId: '130500', count: 2, engine: client });
    expect((await recommend(reviewer, entry!.id)).statusCode).toBe(201);
    await reached(entry!.id, 'AwaitBatchSubmission');
    expect((await post(`/api/calls/${call.id}/batch`, reviewer)).statusCode).toBe(202);
    await waitFor('the 推荐表', async () => ((await get(`/api/calls/${call.id}/batch`, reviewer)).json().state === 'ready' ? true : undefined));
    const submitted = await post(`/api/calls/${call.id}/batch/submit`, reviewer, { sealedTable: await uploadPdf(web.app, reviewer, '推荐表（盖章）.pdf') });
    expect(submitted.statusCode, submitted.body).toBe(204);
    // then: the process's wait ends with the submission
    await reached(entry!.id, 'Recommended');
    await waitFor('the instance to end', async () => ((await api.historicProcessInstance((await row(entry!.id)).process_instance_id)).endTime ? true : undefined));

    // when: the applicant, then the unit, try to withdraw
    const applicant = await applicantOf(entry!);
    const status = (await get(`/api/applications/${entry!.id}/status`, applicant)).json();
    expect(status.withdrawal).toEqual({ allowed: false, refusal: expect.stringContaining('联系推荐单位') });
    const refused = await withdraw(applicant, entry!.id);
    const refusedUnit = await withdrawRecommendation(reviewer, entry!.id);

    // then: both refused in Chinese, and nothing changed
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('报送省厅');
    expect(refusedUnit.statusCode).toBe(409);
    expect(refusedUnit.json().message).toContain('已报送省厅');
    expect((await row(entry!.id)).status).toBe('recommended');
    expect(await recommendations(entry!.id)).toEqual([{ active: true, ended_at: null, ended_reason: null }]);
    expect(await progress(call.id, reviewer)).toBe(1);
    const messages = (await get('/api/messages', reviewer)).json() as { title: string }[];
    expect(messages.some((m) => m.title.startsWith('企业撤回申报'))).toBe(false);
    // and nothing more is recommended after the batch: it would wait for a batch that never comes
    const tooLate = await recommend(reviewer, late!.id);
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().message).toContain('已报送省厅');
    expect((await row(late!.id)).status).toBe('in-city-library');
  });

  it('lets the unit withdraw a recommendation under a cap of one: the place is freed and the project is back at its recommendation task', async () => {
    // given: 张家口 with a cap of one, one project recommended, a second refused over the cap
    const call = await openTestCall(web.db);
    const province = await signIn(web.app, await createTestAccount(web.db, 'province-officer'));
    expect((await web.app.inject({ method: 'PUT', url: `/api/calls/${call.id}/indicators/130700`, headers: province, payload: { target: 1, isCap: true } })).statusCode).toBe(204);
    const reviewer = await newReviewer(web.app, web.db, '130700');
    const [first, second] = await seedLibrary(web.db, { callId: call.id, unitId: '130700', count: 2, engine: client });
    expect((await recommend(reviewer, first!.id)).statusCode).toBe(201);
    expect((await recommend(reviewer, second!.id)).statusCode).toBe(409);
    await reached(first!.id, 'AwaitBatchSubmission');
    // another unit's reviewer cannot withdraw it
    expect((await withdrawRecommendation(await newReviewer(web.app, web.db, '130800'), first!.id)).statusCode).toBe(404);
    expect((await row(first!.id)).status).toBe('recommended');

    // when
    const answer = await withdrawRecommendation(reviewer, first!.id);

    // then: back in the library, the recommendation ended, at its recommendation task again
    expect(answer.statusCode, answer.body).toBe(204);
    expect((await row(first!.id)).status).toBe('in-city-library');
    expect(await recommendations(first!.id)).toEqual([{ active: false, ended_at: expect.any(Date), ended_reason: '推荐单位撤回推荐' }]);
    const library = (await get(`/api/calls/${call.id}/library`, reviewer)).json();
    expect(library.progress.recommended).toBe(0);
    expect(library.entries.find((e: { applicationId: string }) => e.applicationId === first!.id)).toMatchObject({ status: 'in-city-library', recommendation: null });
    await waitFor('the recommendation task again', async () => {
      const tasks = await api.tasks({ processInstanceId: (await row(first!.id)).process_instance_id, taskDefinitionKey: 'CityRecommendation' });
      return tasks[0];
    });
    expect((await withdrawRecommendation(reviewer, first!.id)).statusCode).toBe(409);
    // and the freed place takes the other project, while the first cannot come back over the cap
    expect((await recommend(reviewer, second!.id)).statusCode).toBe(201);
    expect((await recommend(reviewer, first!.id)).statusCode).toBe(409);
  });

  it('replays a message that went unrecorded as done once the history shows it caught, and retries one sent before the process waits', async () => {
    // given: 沧州 recommended a project, whose process waits for the batch
    const call = await openTestCall(web.db);
    const credentials = await createTestAccount(web.db, 'city-reviewer', { unitId: '130900' });
    const reviewer = await signIn(web.app, credentials);
    const account = (await findAccountByUsername(web.db, credentials.username))!.account;
    const [entry, waitingElsewhere] = await seedLibrary(web.db, { callId: call.id, unitId: '130900', count: 2, engine: client });
    expect((await recommend(reviewer, entry!.id)).statusCode).toBe(201);
    await reached(entry!.id, 'AwaitBatchSubmission');
    // when: the unit withdraws it, and the web server stops after the engine took the message
    await withdrawRecommendationService({ db: web.db, engine: api, clock: systemClock, afterEngineCall: async () => { throw new Error('the web server stopped'); } }, account, entry!.id);
    const message = (await engineCommandsOf(web.db, { applicationId: entry!.id })).find((c) => c.kind === 'correlate-message')!;
    expect(message).toMatchObject({ messageName: 'RecommendationWithdrawn', doneAt: null });
    // then: replayed, the engine refuses it (nothing waits any more) and the history shows it caught: done
    expect(await deliverEngineCommand({ db: web.db, engine: api }, message.id)).toBe('done');
    expect(await findEngineCommand(web.db, message.id)).toMatchObject({ attempts: 0, doneAt: expect.any(Date) });
    const tasks = await waitFor('the recommendation task again', async () => {
      const open = await api.tasks({ processInstanceId: (await row(entry!.id)).process_instance_id, taskDefinitionKey: 'CityRecommendation' });
      return open.length ? open : undefined;
    });
    expect(tasks).toHaveLength(1);

    // given: a message to a process that does not wait for it (still at its recommendation task)
    const early = await queueDeclarationMessage(web.db, { id: waitingElsewhere!.id, applicationNumber: waitingElsewhere!.applicationNumber }, 'batchSubmitted');
    try {
      // when / then: refused and not caught: it stays pending, to be retried
      expect(await deliverEngineCommand({ db: web.db, engine: api }, early)).toBe('failed');
      expect(await findEngineCommand(web.db, early)).toMatchObject({ attempts: 1, doneAt: null });
    } finally {
      await markEngineCommandDone(web.db, early, null);
    }
  });
});
