import type { Queryable } from '../platform/database.js';

// The in-app messages one account sees (its own, its unit's or its enterprise's) with that account's own read state
// (message_read, migration 026); in_app_message.read_at is not used here.

/** Whose messages an account sees: addressed to itself, and to its unit (reviewers) or its enterprise (applicants). */
export interface InboxOwner {
  accountId: number;
  unitId: string | null;
  enterpriseUscc: string | null;
}

export interface InboxMessage {
  id: number;
  title: string;
  body: string;
  createdAt: Date;
  read: boolean;
  /** The letter this message is a copy of, with its writer's unit (null for the province); null for a notice. */
  letter: { id: number; authorUnitId: string | null } | null;
  attachments: { id: string; fileName: string }[];
}

const IN_INBOX = `(m.account_id = $1 OR ($2::text IS NOT NULL AND m.unit_id = $2) OR ($3::text IS NOT NULL AND m.enterprise_uscc = $3))`;

interface MessageRow {
  id: string;
  title: string;
  body: string;
  created_at: Date;
  read: boolean;
  letter_id: string | null;
  author_unit_id: string | null;
  attachments: { id: string; fileName: string }[];
}

const SELECT_MESSAGES = `
  SELECT m.id, m.title, m.body, m.created_at, m.letter_id, l.author_unit_id,
         EXISTS (SELECT 1 FROM message_read r WHERE r.message_id = m.id AND r.account_id = $1) AS read,
         COALESCE((SELECT json_agg(json_build_object('id', la.attachment_id, 'fileName', la.file_name) ORDER BY la.file_name, la.attachment_id)
                     FROM letter_attachment la WHERE la.letter_id = m.letter_id), '[]'::json) AS attachments
    FROM in_app_message m LEFT JOIN letter l ON l.id = m.letter_id`;

/** The account's messages, newest first (at most `limit`). */
export async function inboxMessages(db: Queryable, owner: InboxOwner, limit = 200): Promise<InboxMessage[]> {
  const result = await db.query<MessageRow>(`${SELECT_MESSAGES} WHERE ${IN_INBOX} ORDER BY m.id DESC LIMIT $4`, [...ownerParams(owner), limit]);
  return result.rows.map(toMessage);
}

/** One message of the account's inbox; undefined when there is none such or it is not the account's to see. */
export async function inboxMessage(db: Queryable, owner: InboxOwner, messageId: number): Promise<InboxMessage | undefined> {
  const result = await db.query<MessageRow>(`${SELECT_MESSAGES} WHERE ${IN_INBOX} AND m.id = $4`, [...ownerParams(owner), messageId]);
  return result.rows[0] && toMessage(result.rows[0]);
}

/** How many of the account's messages it has not read. */
export async function unreadCount(db: Queryable, owner: InboxOwner): Promise<number> {
  const result = await db.query<{ unread: number }>(
    `SELECT count(*)::int AS unread FROM in_app_message m
      WHERE ${IN_INBOX} AND NOT EXISTS (SELECT 1 FROM message_read r WHERE r.message_id = m.id AND r.account_id = $1)`,
    ownerParams(owner),
  );
  return result.rows[0]!.unread;
}

/** Marks a message of the account's inbox read for this account (idempotent); false when it is not in the inbox. */
export async function markRead(db: Queryable, owner: InboxOwner, messageId: number): Promise<boolean> {
  const inInbox = await db.query(`SELECT 1 FROM in_app_message m WHERE ${IN_INBOX} AND m.id = $4`, [...ownerParams(owner), messageId]);
  if (!inInbox.rowCount) return false;
  await db.query('INSERT INTO message_read (message_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [messageId, owner.accountId]);
  return true;
}

// helpers

function ownerParams(owner: InboxOwner): [number, string | null, string | null] {
  return [owner.accountId, owner.unitId, owner.enterpriseUscc];
}

function toMessage(row: MessageRow): InboxMessage {
  return {
    id: Number(row.id),
    title: row.title,
    body: row.body,
    createdAt: row.created_at,
    read: row.read,
    letter: row.letter_id === null ? null : { id: Number(row.letter_id), authorUnitId: row.author_unit_id },
    attachments: row.attachments,
  };
}
