import { createHash } from 'node:crypto';
import type { Queryable } from '../platform/database.js';
import type { NoticeTextsUsed } from './notice-text-repository.js';

// Messages are queued in the transaction of the event that causes them, keyed by that event, so an event queues
// at most one message per channel however often it is retried.

/** The stable Message-ID of an event's e-mail: a resend carries the same one, so mail clients show it once. */
export function messageIdFor(eventKey: string, domain: string): string {
  return `<${createHash('sha256').update(eventKey).digest('hex').slice(0, 32)}@${domain}>`;
}

export interface QueuedEmail {
  eventKey: string;
  recipient: string;
  subject: string;
  body: string;
  /** The call's notice texts it was worded with, when it is a call's notice. */
  noticeTexts?: NoticeTextsUsed;
  /** The body holds a one-use link: the sender erases it once sent (ERASED_SECRET_BODY). */
  carriesSecret?: boolean;
}

/** What a sent mail's body becomes when it carried a one-use link. */
export const ERASED_SECRET_BODY = '（此邮件含一次性链接，发送后已从系统中清除）';

/** Queues an e-mail unless one was queued for the same event; returns whether it queued. */
export async function queueEmail(db: Queryable, email: QueuedEmail, messageDomain: string): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO outbox_message (event_key, message_id, recipient, subject, body, notice_call_id, notice_text_version, carries_secret)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (event_key) DO NOTHING`,
    [email.eventKey, messageIdFor(email.eventKey, messageDomain), email.recipient, email.subject, email.body, email.noticeTexts?.callId ?? null,
      email.noticeTexts?.version ?? null, email.carriesSecret ?? false],
  );
  return result.rowCount === 1;
}

export interface InAppMessage {
  eventKey: string;
  enterpriseUscc?: string;
  unitId?: string;
  /** One account (an expert, an officer). */
  accountId?: number;
  applicationId?: string;
  title: string;
  body: string;
  /** The call's notice texts it was worded with, when it is a call's notice. */
  noticeTexts?: NoticeTextsUsed;
}

/** Adds an in-app message unless one exists for the same event. */
export async function addInAppMessage(db: Queryable, message: InAppMessage): Promise<void> {
  await db.query(
    `INSERT INTO in_app_message (event_key, enterprise_uscc, unit_id, account_id, application_id, title, body, notice_call_id, notice_text_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (event_key) DO NOTHING`,
    [message.eventKey, message.enterpriseUscc ?? null, message.unitId ?? null, message.accountId ?? null, message.applicationId ?? null, message.title, message.body,
      message.noticeTexts?.callId ?? null, message.noticeTexts?.version ?? null],
  );
}

/** The in-app messages of an enterprise, newest first. */
export async function enterpriseMessages(db: Queryable, enterpriseUscc: string) {
  const result = await db.query<{ id: string; title: string; body: string; created_at: Date; read_at: Date | null }>(
    'SELECT id, title, body, created_at, read_at FROM in_app_message WHERE enterprise_uscc = $1 ORDER BY id DESC',
    [enterpriseUscc],
  );
  return result.rows.map((row) => ({ id: Number(row.id), title: row.title, body: row.body, createdAt: row.created_at, readAt: row.read_at }));
}

/** The in-app messages of a unit, newest first. */
export async function unitMessages(db: Queryable, unitId: string) {
  const result = await db.query<{ id: string; title: string; body: string; created_at: Date; read_at: Date | null }>(
    'SELECT id, title, body, created_at, read_at FROM in_app_message WHERE unit_id = $1 ORDER BY id DESC LIMIT 200',
    [unitId],
  );
  return result.rows.map((row) => ({ id: Number(row.id), title: row.title, body: row.body, createdAt: row.created_at, readAt: row.read_at }));
}
