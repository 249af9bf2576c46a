import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { createPool, type Pool } from '../../platform/database.js';
import { startSmtpSink, type SmtpSink } from '../../dev-stack/smtp-sink.js';
import { ERASED_SECRET_BODY, messageIdFor, queueEmail } from '../../store/notification-repository.js';
import { createLogger } from '../../platform/logger.js';
import { startOutboxSender } from '../../workers/outbox/outbox-sender.js';
import { MESSAGE_ID_DOMAIN } from '../../store/applicant-notifications.js';
import { testDatabaseUrl } from '../support/database.js';
import { waitFor } from '../support/engine.js';

// The mail sender as its own process, killed with SIGKILL in the middle of a batch and started again.

function startSender(smtpUrl: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'workers/outbox/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: testDatabaseUrl(), SMTP_URL: smtpUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('the outbox', () => {
  let db: Pool;
  let sink: SmtpSink;
  beforeAll(async () => {
    db = createPool(testDatabaseUrl());
    sink = await startSmtpSink({ delayMs: 60 }); // slow enough to be killed mid-batch
  });
  afterAll(async () => {
    await sink.stop();
    await db.end();
  });

  it('queues one message per event however often the event is retried', async () => {
    const eventKey = `retry-${randomBytes(4).toString('hex')}`;
    const email = { eventKey, recipient: 'a@example.com', subject: '主题', body: '正文' };
    expect(await queueEmail(db, email, MESSAGE_ID_DOMAIN)).toBe(true);
    expect(await queueEmail(db, email, MESSAGE_ID_DOMAIN)).toBe(false);
    const rows = await db.query('SELECT count(*)::int AS n FROM outbox_message WHERE event_key = $1', [eventKey]);
    expect(rows.rows[0].n).toBe(1);
  });

  it('erases a one-use link from the table once its mail is sent, and keeps every other body', async () => {
    // given: a confirmation mail carrying a link, and an ordinary notice
    const run = randomBytes(4).toString('hex');
    const link = `http://127.0.0.1:3000/register/confirm/${randomBytes(32).toString('base64url')}`;
    await queueEmail(db, { eventKey: `secret-${run}`, recipient: `s${run}@example.com`, subject: `确认 ${run}`, body: `请打开链接：${link}`, carriesSecret: true }, MESSAGE_ID_DOMAIN);
    await queueEmail(db, { eventKey: `plain-${run}`, recipient: `s${run}@example.com`, subject: `通知 ${run}`, body: '您的申报状态已更新。' }, MESSAGE_ID_DOMAIN);
    // when: the sender sends both
    const sender = startOutboxSender({ db, smtpUrl: sink.url, from: 'noreply@gxt.hebei.local', logger: createLogger('test-outbox', 'silent'), pollMs: 100 });
    try {
      await waitFor('both mails', async () => (sink.received.filter((m) => m.subject.includes(run)).length === 2 ? true : undefined), 30_000);
    } finally {
      await sender.stop();
    }
    // then: the recipient got the link; the table keeps it no longer, the notice's body stays
    expect(sink.received.find((m) => m.subject === `确认 ${run}`)!.text).toContain(link);
    const stored = await db.query<{ event_key: string; body: string; sent: boolean }>(
      'SELECT event_key, body, sent_at IS NOT NULL AS sent FROM outbox_message WHERE event_key = ANY($1) ORDER BY event_key', [[`plain-${run}`, `secret-${run}`]]);
    expect(stored.rows).toEqual([
      { event_key: `plain-${run}`, body: '您的申报状态已更新。', sent: true },
      { event_key: `secret-${run}`, body: ERASED_SECRET_BODY, sent: true },
    ]);
  });

  it('delivers every message after a sender is SIGKILLed mid-batch and restarted, each with its stable Message-ID', async () => {
    // given: 40 queued messages
    const run = randomBytes(4).toString('hex');
    const keys = Array.from({ length: 40 }, (_, i) => `batch-${run}-${i}`);
    for (const key of keys) await queueEmail(db, { eventKey: key, recipient: `r${run}@example.com`, subject: `通知 ${key}`, body: '您的申报状态已更新。' }, MESSAGE_ID_DOMAIN);
    const ours = () => sink.received.filter((m) => m.subject.includes(run));

    // when: the sender is killed after some deliveries, then started again
    const first = startSender(sink.url);
    await waitFor('some deliveries', async () => (ours().length >= 8 ? true : undefined), 60_000);
    first.kill('SIGKILL');
    await exited(first);
    const deliveredBeforeKill = ours().length;
    expect(deliveredBeforeKill).toBeLessThan(keys.length);
    const second = startSender(sink.url);
    try {
      await waitFor('every message marked sent', async () => {
        const pending = await db.query('SELECT count(*)::int AS n FROM outbox_message WHERE event_key = ANY($1) AND sent_at IS NULL', [keys]);
        return pending.rows[0].n === 0 ? true : undefined;
      }, 60_000);
    } finally {
      second.kill('SIGTERM');
      await exited(second);
    }

    // then: every message arrived, with the Message-ID of its event; a resend (the one in flight at the kill) keeps it
    const expectedIds = new Set(keys.map((key) => messageIdFor(key, MESSAGE_ID_DOMAIN)));
    const receivedIds = ours().map((m) => m.messageId);
    expect(new Set(receivedIds)).toEqual(expectedIds);
    expect(receivedIds.length - expectedIds.size).toBeLessThanOrEqual(1);
    const queued = await db.query('SELECT count(*)::int AS n FROM outbox_message WHERE event_key = ANY($1)', [keys]);
    expect(queued.rows[0].n).toBe(keys.length);
  });
});
