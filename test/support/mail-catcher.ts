import { startSmtpSink, type SmtpSink } from '../../dev-stack/smtp-sink.js';
import type { Pool } from '../../platform/database.js';
import { createLogger } from '../../platform/logger.js';
import { startOutboxSender } from '../../workers/outbox/outbox-sender.js';

// The mail a test reads: a local SMTP server and the real outbox sender delivering the test database's queue to it.

export interface MailCatcher {
  sink: SmtpSink;
  stop(): Promise<void>;
}

/** Starts the SMTP sink and an outbox sender polling every 200 ms (call in beforeAll; stop in afterAll). */
export async function startMailCatcher(db: Pool): Promise<MailCatcher> {
  const sink = await startSmtpSink();
  const sender = startOutboxSender({ db, smtpUrl: sink.url, from: 'noreply@gxt.hebei.local', logger: createLogger('test-outbox', 'silent'), pollMs: 200 });
  return {
    sink,
    async stop() {
      await sender.stop();
      await sink.stop();
    },
  };
}
