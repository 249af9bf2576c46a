import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { manualClock } from '../../platform/clock.js';
import { createPool } from '../../platform/database.js';
import { batchReminders } from '../../workers/topics/batch-reminders.js';
import { openTestCall } from '../support/declaration.js';
import { testDatabaseUrl } from '../support/database.js';
import { testEngine, waitFor } from '../support/engine.js';
import { testWorkerDeps } from '../support/workers.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

const DAY = 86_400_000;

describe('reminders as the units’ deadline nears', () => {
  const db = createPool(testDatabaseUrl());
  afterAll(() => db.end());

  it('runs every morning from the engine’s own timer', async () => {
    const { client } = testEngine();
    const jobs = await client.request('GET', '/job?processDefinitionKey=batchReminders&timers=true', { schema: z.array(z.object({ id: z.string(), dueDate: z.string() })) });
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0]!.dueDate).getUTCHours()).toBe(1); // 09:00 in Beijing
    await client.request('POST', `/job/${jobs[0]!.id}/execute`, { schema: z.unknown() });
    await waitFor('a reminder run to end', async () => {
      const ended = await client.request('GET', '/history/activity-instance?activityId=Reminded&processDefinitionKey=batchReminders', { schema: z.array(z.unknown()) });
      return ended.length ? true : undefined;
    });
  });

  it('reminds each unit that has not submitted, once a day, from three days before the deadline', async () => {
    // given: a call whose units' deadline is 2040-06-30; 石家庄 has already submitted
    const deadline = new Date('2040-06-30T09:59:59Z');
    const call = await openTestCall(db, new Date(deadline.getTime() - 40 * DAY), { cityDeadline: deadline, title: `提醒测试批次 ${randomUUID().slice(0, 8)}` });
    const { username } = await createTestAccount(db, 'city-reviewer', { unitId: '130100' });
    const account = (await db.query<{ id: string }>('SELECT id FROM account WHERE username = $1', [username])).rows[0]!;
    const scanId = randomUUID();
    await db.query("INSERT INTO attachment (id, owner_unit_id, uploaded_by, file_name, media_type, size_bytes, sha256, storage_key) VALUES ($1, '130100', $2, 's.pdf', 'application/pdf', 1, $3, $4)", [scanId, account.id, 'a'.repeat(64), `aa/${scanId}`]);
    await db.query("INSERT INTO unit_batch (call_id, unit_id, sealed_scan_id, submitted_at, submitted_by) VALUES ($1, '130100', $2, $3, 'test')", [call.id, scanId, new Date(deadline.getTime() - 5 * DAY)]);
    const clock = manualClock(new Date(deadline.getTime() - 10 * DAY));
    const remind = () => batchReminders.handle({ daysBefore: 3 }, { ...testWorkerDeps(db, 'reminders'), clock }, { externalTaskId: 'x', processInstanceId: 'x', processDefinitionId: 'x', businessKey: null, activityId: 'x' });
    const ours = async () => (await db.query('SELECT unit_id FROM in_app_message WHERE event_key LIKE $1', [`batch-reminder:${call.id}:%`])).rows.map((r) => r.unit_id as string);

    // when / then: ten days before, nothing
    await remind();
    expect(await ours()).toEqual([]);
    // two days before: every unit but 石家庄, once however often it runs
    clock.advance(8 * DAY);
    await remind();
    await remind();
    const first = await ours();
    expect(first).toHaveLength(13);
    expect(first).not.toContain('130100');
    // the next day: again
    clock.advance(DAY);
    await remind();
    expect(await ours()).toHaveLength(26);
    // after the deadline: no more
    clock.advance(2 * DAY);
    await remind();
    expect(await ours()).toHaveLength(26);

    // and the reviewers of a unit read it in the application
    const web = await testApp();
    try {
      const tangshan = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '130200' }));
      const messages = (await web.app.inject({ method: 'GET', url: '/api/messages', headers: tangshan })).json();
      expect(messages.filter((m: { body: string }) => m.body.includes(call.title) && m.body.includes('唐山市'))).toHaveLength(2);
    } finally {
      await web.close();
    }
  });
});
