import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call2021 } from '../../domain/call.js';
import { summaryOf } from '../../domain/application-summary.js';
import { createPool, withTransaction, type Pool } from '../../platform/database.js';
import { findApplication } from '../../store/application-repository.js';
import { changeApplicationStatus, IllegalStatusChange, noticeKey } from '../../store/application-status-change.js';
import { openTestCall } from '../support/declaration.js';
import { testDatabaseUrl } from '../support/database.js';
import { seedLibrary } from '../support/library.js';

// The one status change against the real PostgreSQL: an illegal move is refused and leaves nothing, a repeated one
// changes nothing, and a legal one records its event and queues one notice per channel.

describe('changing an application’s status', () => {
  let db: Pool;
  let callId: string;
  beforeAll(async () => {
    db = createPool(testDatabaseUrl(), 2);
    callId = (await openTestCall(db)).id;
  });
  afterAll(() => db.end());

  const countsOf = async (id: string) => {
    const events = await db.query('SELECT count(*)::int AS n FROM application_status_event WHERE application_id = $1', [id]);
    const inApp = await db.query('SELECT count(*)::int AS n FROM in_app_message WHERE application_id = $1', [id]);
    const mail = await db.query('SELECT count(*)::int AS n FROM outbox_message WHERE event_key LIKE $1', [`application:${id}:%`]);
    return { events: events.rows[0].n as number, inApp: inApp.rows[0].n as number, mail: mail.rows[0].n as number };
  };
  const change = (id: string, status: 'with-city' | 'recommended', causeKey?: string) =>
    withTransaction(db, (client) => changeApplicationStatus(client, { applicationId: id, status, at: new Date(), actor: 'tester', reason: null, ...(causeKey ? { causeKey } : {}) }));

  it('refuses a move the table does not allow, with both statuses named, and records nothing', async () => {
    // given: an application in its unit's library
    const [entry] = await seedLibrary(db, { callId, unitId: '130600', count: 1 });
    // when / then
    const refused = await change(entry!.id, 'with-city').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(IllegalStatusChange);
    expect((refused as Error).message).toContain('in-city-library to with-city');
    expect((refused as IllegalStatusChange).reason).toBe('申报状态不能从“已纳入市级重点项目库”变更为“市级初审中”');
    expect((await findApplication(db, entry!.id))?.status).toBe('in-city-library');
    expect(await countsOf(entry!.id)).toEqual({ events: 0, inApp: 0, mail: 0 });
  });

  it('records a legal move with one notice, and changes nothing when the same move or the same cause comes again', async () => {
    // given
    const [entry] = await seedLibrary(db, { callId, unitId: '130600', count: 1 });
    // when
    const first = await change(entry!.id, 'recommended', `task-${entry!.id}`);
    const again = await change(entry!.id, 'recommended');
    const retried = await change(entry!.id, 'recommended', `task-${entry!.id}`);
    // then
    expect([first.changed, again.changed, retried.changed]).toEqual([true, false, false]);
    expect((await findApplication(db, entry!.id))?.status).toBe('recommended');
    expect(await countsOf(entry!.id)).toEqual({ events: 1, inApp: 1, mail: 1 });
    const mail = await db.query('SELECT event_key FROM outbox_message WHERE event_key = $1', [noticeKey({ id: entry!.id, correctionRound: 0 }, 'recommended')]);
    expect(mail.rowCount).toBe(1);
  });

  it('words the notice as the application’s call words it', async () => {
    // given: a call of its own with its own title and no footer
    const call = await openTestCall(db, new Date(), { noticeTexts: { ...call2021.noticeTexts, title: '【{status}】{applicationNumber}', footer: '' } });
    const [entry] = await seedLibrary(db, { callId: call.id, unitId: '130600', count: 1 });
    // when
    await change(entry!.id, 'recommended');
    // then
    const message = await db.query<{ title: string; body: string }>('SELECT title, body FROM in_app_message WHERE application_id = $1', [entry!.id]);
    const application = (await findApplication(db, entry!.id))!;
    expect(message.rows).toEqual([{
      title: `【已推荐至省厅】${application.applicationNumber}`,
      body: `您单位申报的项目“${summaryOf(application.data).projectName}”（编号 ${application.applicationNumber}）状态已更新为：已推荐至省厅。`,
    }]);
  });
});
