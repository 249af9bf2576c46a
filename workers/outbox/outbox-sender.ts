import nodemailer from 'nodemailer';
import type { Logger } from '../../platform/logger.js';
import { withTransaction, type Pool } from '../../platform/database.js';
import { ERASED_SECRET_BODY } from '../../store/notification-repository.js';

export interface OutboxSenderOptions {
  db: Pool;
  smtpUrl: string;
  from: string;
  logger: Logger;
  pollMs?: number;
  maxAttempts?: number;
}

interface PendingRow {
  id: string;
  message_id: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Sends queued e-mail, one message per transaction: the row stays locked while it is sent, so two senders never send
 * it at once, and it is marked sent in the same transaction. A sender killed mid-send leaves the row unsent: it goes
 * out again after a restart (at least once), with the same Message-ID so the recipient's client shows it once. A mail
 * carrying a one-use link has its body erased when it is marked sent.
 */
export function startOutboxSender(options: OutboxSenderOptions): { stop(): Promise<void> } {
  const transport = nodemailer.createTransport(options.smtpUrl);
  const pollMs = options.pollMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 10;
  let stopping = false;
  let wake: (() => void) | undefined;

  async function sendOne(): Promise<boolean> {
    return withTransaction(options.db, async (client) => {
      const { rows } = await client.query<PendingRow>(
        `SELECT id, message_id, recipient, subject, body, attempts FROM outbox_message
          WHERE sent_at IS NULL AND next_attempt_at <= now() AND attempts < $1
          ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [maxAttempts],
      );
      const row = rows[0];
      if (!row) return false;
      try {
        await transport.sendMail({ from: options.from, to: row.recipient, subject: row.subject, text: row.body, messageId: row.message_id });
        // A one-use link leaves the table once it is on its way.
        await client.query(
          `UPDATE outbox_message SET sent_at = now(), attempts = attempts + 1, last_error = NULL,
                  body = CASE WHEN carries_secret THEN $2 ELSE body END
            WHERE id = $1`,
          [row.id, ERASED_SECRET_BODY],
        );
      } catch (error) {
        // Back off 1, 2, 4 … minutes; after maxAttempts the row stays for an operator to look at.
        await client.query(
          `UPDATE outbox_message SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + make_interval(mins => power(2, attempts)::int) WHERE id = $1`,
          [row.id, String((error as Error).message).slice(0, 500)],
        );
        options.logger.warn({ err: error, outboxId: row.id }, 'sending failed; will retry');
      }
      return true;
    });
  }

  const loop = (async () => {
    while (!stopping) {
      let sent = false;
      try {
        sent = await sendOne();
      } catch (error) {
        options.logger.error({ err: error }, 'outbox sender cannot reach the database');
      }
      if (!sent && !stopping) await new Promise<void>((resolve) => { wake = resolve; setTimeout(resolve, pollMs); });
    }
  })();

  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      transport.close();
    },
  };
}
