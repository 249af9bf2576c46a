import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Call } from '../../domain/call.js';
import { systemClock } from '../../platform/clock.js';
import { deployedFormReader } from '../../platform/deployed-form-reader.js';
import { createLogger } from '../../platform/logger.js';
import { findApplication, statusHistory } from '../../store/application-repository.js';
import { findBatch } from '../../store/batch-repository.js';
import { engineCommandsOf, findEngineCommand, queueTaskCompletion } from '../../store/engine-command-repository.js';
import { deployedForms } from '../../web/server/applications/deployed-forms.js';
import { recommend } from '../../web/server/applications/recommend.js';
import { submitApplication } from '../../web/server/applications/submit-application.js';
import { prepareBatch } from '../../web/server/batches/batch-workflow.js';
import { deliverEngineCommand } from '../../web/server/engine-commands/deliver.js';
import { relayEngineCommands, startEngineCommandRelay } from '../../web/server/engine-commands/relay.js';
import { findAccountByUsername } from '../../web/server/identity/account-repository.js';
import { createDraft, openTestCall, randomUscc, validModeData } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { seedLibrary } from '../support/library.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// No orphans: a database change and the engine call that belongs to it are queued together (the engine command
// outbox) and the call is made after COMMIT, so a failed COMMIT calls nothing, and a call whose outcome was not
// recorded is replayed by the relay into exactly one instance per business key.

describe('engine calls after commit, replayed safely', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let call: Call;
  const { client, api: engine } = testEngine();
  // As the web server stopping between the engine's answer and the commit of its outcome.
  const crash = async () => {
    throw new Error('the web server stopped');
  };
  beforeAll(async () => {
    web = await testApp();
    call = await openTestCall(web.db);
  });
  afterAll(() => web.close());

  const instancesOf = (businessKey: string, processKey: string) => engine.historicProcessInstancesByBusinessKey(businessKey, processKey);
  const instancesWithApplication = (applicationId: string) =>
    client.request('GET', `/history/process-instance?variables=applicationId_eq_${applicationId}`, { schema: z.array(z.object({ id: z.string(), businessKey: z.string().nullable() })) });

  /** An applicant with its account (for calling a service as the route would) and its sign-in headers. */
  async function applicant() {
    const uscc = randomUscc();
    const credentials = await createTestAccount(web.db, 'applicant', { enterpriseUscc: uscc });
    const headers = await signIn(web.app, credentials);
    return { uscc, headers, account: (await findAccountByUsername(web.db, credentials.username))!.account };
  }

  it('a submission whose COMMIT fails leaves the draft as it was and starts no process instance', async () => {
    // given: a draft, and a constraint trigger that makes the COMMIT of its submission fail
    const { uscc, headers } = await applicant();
    const id = await createDraft(web.app, headers, call.id);
    const data = await validModeData(web.app, headers, uscc);
    const trigger = `fail_commit_${randomBytes(4).toString('hex')}`;
    await web.db.query(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.application_id = '${id}'::uuid THEN RAISE EXCEPTION 'commit refused by the test'; END IF;
        RETURN NULL;
      END $$`);
    await web.db.query(`CREATE CONSTRAINT TRIGGER ${trigger} AFTER INSERT ON engine_command DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
    try {
      // when
      const answer = await web.app.inject({ method: 'POST', url: `/api/applications/${id}/submit`, headers, payload: { data } });
      // then: refused, the draft unchanged, nothing queued, no instance in the engine
      expect(answer.statusCode).toBe(500);
    } finally {
      await web.db.query(`DROP TRIGGER ${trigger} ON engine_command`);
      await web.db.query(`DROP FUNCTION ${trigger}()`);
    }
    const draft = await findApplication(web.db, id);
    expect(draft).toMatchObject({ status: 'draft', applicationNumber: null, submittedAt: null, processInstanceId: null });
    expect((await statusHistory(web.db, id)).map((e) => e.status)).not.toContain('submitted');
    expect(await engineCommandsOf(web.db, { applicationId: id })).toEqual([]);
    expect(await instancesWithApplication(id)).toEqual([]);

    // when: submitted again (the rolled-back number is handed out again)
    const again = await web.app.inject({ method: 'POST', url: `/api/applications/${id}/submit`, headers, payload: { data } });
    // then: one instance for its number, linked to the application
    expect(again.statusCode, again.body).toBe(200);
    const submitted = (await findApplication(web.db, id))!;
    const instances = await instancesOf(submitted.applicationNumber!, 'declaration');
    expect(instances.map((i) => i.id)).toEqual([submitted.processInstanceId]);
    expect(await instancesWithApplication(id)).toHaveLength(1);
  });

  it('a submission whose start went unrecorded (a crash after the engine call) is replayed into exactly one instance', async () => {
    // given: a draft
    const { uscc, headers, account } = await applicant();
    const id = await createDraft(web.app, headers, call.id);
    const data = await validModeData(web.app, headers, uscc);
    const forms = deployedForms(engine, deployedFormReader(engine), web.db);
    // when: submitted, and the web server stops after the engine started the instance, before its outcome is recorded
    const answered = await submitApplication({ db: web.db, engine, forms, clock: systemClock, afterEngineCall: crash }, account, (await findApplication(web.db, id))!, data);
    // then: the submission stands (已提交), its instance runs, unlinked, and the command is pending
    expect(answered).toMatchObject({ status: 'submitted', processInstanceId: null });
    const businessKey = answered.applicationNumber!;
    const started = await instancesOf(businessKey, 'declaration');
    expect(started).toHaveLength(1);
    const [pending] = await engineCommandsOf(web.db, { applicationId: id });
    expect(pending).toMatchObject({ kind: 'start-process', businessKey, doneAt: null });

    // when: the relay runs, as the restarted web server's does
    await relayEngineCommands({ db: web.db, engine });
    // then: still exactly one instance for the business key, and the application linked to it
    expect((await instancesOf(businessKey, 'declaration')).map((i) => i.id)).toEqual([started[0]!.id]);
    expect((await findApplication(web.db, id))!.processInstanceId).toBe(started[0]!.id);
    expect(await findEngineCommand(web.db, pending!.id)).toMatchObject({ processInstanceId: started[0]!.id, doneAt: expect.any(Date) });
    // and the process goes on with it: the checks move the application on
    await waitFor('the checks to run', async () => ((await findApplication(web.db, id))!.status !== 'submitted' ? true : undefined));
  });

  it('a batch start that went unrecorded is replayed into exactly one instance, and the 推荐表 is rendered', async () => {
    // given: a unit with one recommendation
    const unitId = '130900';
    const batchCall = await openTestCall(web.db);
    const credentials = await createTestAccount(web.db, 'city-reviewer', { unitId });
    const reviewer = await signIn(web.app, credentials);
    const account = (await findAccountByUsername(web.db, credentials.username))!.account;
    const [entry] = await seedLibrary(web.db, { callId: batchCall.id, unitId, count: 1, engine: client });
    expect((await web.app.inject({ method: 'POST', url: '/api/recommendations', headers: reviewer, payload: { applicationId: entry!.id, opinion: '同意推荐。' } })).statusCode).toBe(201);
    // when: the batch is prepared, and the web server stops after the engine started it
    await prepareBatch({ db: web.db, engine, clock: systemClock, afterEngineCall: crash }, account, batchCall);
    // then: the batch exists, unlinked, with one instance for its business key
    const businessKey = `${batchCall.id}:${unitId}`;
    const started = await instancesOf(businessKey, 'unitBatch');
    expect(started).toHaveLength(1);
    expect(await findBatch(web.db, batchCall.id, unitId)).toMatchObject({ processInstanceId: null });

    // when: the web server starts again, with its relay
    const relay = startEngineCommandRelay({ db: web.db, engine, logger: createLogger('test-relay', 'silent') });
    try {
      // then: exactly one instance, the batch linked to it, and the reviewer gets the 推荐表
      const linked = await waitFor('the batch linked', async () => (await findBatch(web.db, batchCall.id, unitId))?.processInstanceId ?? undefined);
      expect(linked).toBe(started[0]!.id);
    } finally {
      await relay.stop();
    }
    expect((await instancesOf(businessKey, 'unitBatch')).map((i) => i.id)).toEqual([started[0]!.id]);
    await waitFor('the 推荐表', async () => {
      const batch = (await web.app.inject({ method: 'GET', url: `/api/calls/${batchCall.id}/batch`, headers: reviewer })).json();
      return batch.state === 'ready' ? batch : undefined;
    });
  });

  it('a completion that went unrecorded is done when the history shows its task completed; another task’s failure stays visible', async () => {
    // given: an application at its recommendation task
    const unitId = '130500';
    const credentials = await createTestAccount(web.db, 'city-reviewer', { unitId });
    const account = (await findAccountByUsername(web.db, credentials.username))!.account;
    const [entry] = await seedLibrary(web.db, { callId: call.id, unitId, count: 1, engine: client });
    const instanceId = (await findApplication(web.db, entry!.id))!.processInstanceId!;
    // when: recommended, and the web server stops after the engine completed the task
    await recommend({ db: web.db, engine, clock: systemClock, afterEngineCall: crash }, account, entry!.id, '同意推荐。');
    const [completion] = await engineCommandsOf(web.db, { applicationId: entry!.id });
    expect(completion).toMatchObject({ kind: 'complete-task', doneAt: null });
    // then: replayed, the task is gone, and the history shows it completed: done, not failing
    expect(await deliverEngineCommand({ db: web.db, engine }, completion!.id)).toBe('done');
    expect(await findEngineCommand(web.db, completion!.id)).toMatchObject({ attempts: 0, lastError: null, doneAt: expect.any(Date) });
    expect((await findApplication(web.db, entry!.id))!.status).toBe('recommended');

    // given: a completion of a task that never existed in that instance
    const bogus = await queueTaskCompletion(web.db, { taskId: `no-such-task-${randomBytes(3).toString('hex')}`, processInstanceId: instanceId, variables: {}, subject: { applicationId: entry!.id } });
    try {
      // when
      expect(await deliverEngineCommand({ db: web.db, engine }, bogus)).toBe('failed');
      // then: it stays pending, counted, with the engine's message
      const failing = (await findEngineCommand(web.db, bogus))!;
      expect(failing).toMatchObject({ attempts: 1, doneAt: null });
      expect(failing.lastError).toMatch(/\S/);
      // and the province sees it among the incidents, with the application and the engine's message
      const province = await signIn(web.app, await createTestAccount(web.db, 'province-officer'));
      const listed = (await web.app.inject({ method: 'GET', url: '/api/dashboard/incidents', headers: province })).json() as { incidents: { incidentId: string; applicationNumber: string | null; message: string | null; retryable: boolean }[] };
      const incident = listed.incidents.find((i) => i.incidentId === `engine-command-${bogus}`);
      expect(incident).toMatchObject({ applicationNumber: entry!.applicationNumber, message: failing.lastError, retryable: true });
      // a retry delivers it once more, answers the engine's refusal, and is audited
      const retried = await web.app.inject({ method: 'POST', url: `/api/dashboard/incidents/engine-command-${bogus}/retry`, headers: province });
      expect(retried.statusCode).toBe(409);
      expect(retried.json().message).toContain('重试后仍未成功');
      expect((await findEngineCommand(web.db, bogus))!.attempts).toBe(2);
      const audit = await web.db.query("SELECT detail FROM audit_log WHERE subject = $1 AND action = 'engine-command.retried'", [`engine-command:${bogus}`]);
      expect(audit.rows).toEqual([{ detail: expect.objectContaining({ kind: 'complete-task', delivery: 'failed' }) }]);
    } finally {
      // Not left for later runs of the relay in this test run.
      await web.db.query('UPDATE engine_command SET done_at = now() WHERE id = $1', [bogus]);
    }
  });
});
