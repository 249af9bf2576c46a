import type { Queryable } from '../platform/database.js';
import type { LetterAudience } from '../domain/letter-audience.js';

// Letters (migration 026): the letter, its attachments and recipients, who may receive it, and what its writer sees.

export interface NewLetter {
  authorAccountId: number;
  authorUnitId: string | null;
  audience: LetterAudience;
  title: string;
  body: string;
}

/** One of a unit's enterprises: its USCC and its name (from its latest application, else its account). */
export interface EnterpriseRecipient {
  uscc: string;
  name: string;
}

/** A unit's own enterprises: those whose account has the unit as home unit, and those that declared to it. */
export async function ownEnterprises(db: Queryable, unitId: string): Promise<EnterpriseRecipient[]> {
  const result = await db.query<{ uscc: string; name: string }>(
    `WITH own AS (
       SELECT enterprise_uscc AS uscc FROM account WHERE role = 'applicant' AND home_unit_id = $1
       UNION
       SELECT enterprise_uscc FROM application WHERE unit_id = $1
     )
     SELECT own.uscc, COALESCE(
         (SELECT NULLIF(btrim(a.data->>'enterpriseName'), '') FROM application a WHERE a.enterprise_uscc = own.uscc ORDER BY a.updated_at DESC LIMIT 1),
         (SELECT c.display_name FROM account c WHERE c.role = 'applicant' AND c.enterprise_uscc = own.uscc ORDER BY c.disabled, c.id DESC LIMIT 1),
         own.uscc) AS name
       FROM own ORDER BY name, own.uscc`,
    [unitId],
  );
  return result.rows;
}

/** Records a letter; answers its id. */
export async function insertLetter(db: Queryable, letter: NewLetter): Promise<number> {
  const result = await db.query<{ id: string }>(
    'INSERT INTO letter (author_account_id, author_unit_id, audience, title, body) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [letter.authorAccountId, letter.authorUnitId, letter.audience, letter.title, letter.body],
  );
  return Number(result.rows[0]!.id);
}

/** Records a letter's files. */
export async function insertLetterAttachments(db: Queryable, letterId: number, files: readonly { id: string; fileName: string }[]): Promise<void> {
  if (!files.length) return;
  await db.query(
    'INSERT INTO letter_attachment (letter_id, attachment_id, file_name) SELECT $1, unnest($2::uuid[]), unnest($3::text[])',
    [letterId, files.map((file) => file.id), files.map((file) => file.fileName)],
  );
}

/** Records whom a letter went to: units or enterprises. */
export async function insertLetterRecipients(db: Queryable, letterId: number, audience: LetterAudience, ids: readonly string[]): Promise<void> {
  const column = audience === 'units' ? 'unit_id' : 'enterprise_uscc';
  await db.query(`INSERT INTO letter_recipient (letter_id, ${column}) SELECT $1, unnest($2::text[])`, [letterId, ids]);
}

/** A letter's in-app copy for one recipient unit or enterprise (once per event key). */
export async function insertLetterMessage(db: Queryable, message: { eventKey: string; letterId: number; unitId?: string; enterpriseUscc?: string; title: string; body: string }): Promise<void> {
  await db.query(
    `INSERT INTO in_app_message (event_key, letter_id, unit_id, enterprise_uscc, title, body) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (event_key) DO NOTHING`,
    [message.eventKey, message.letterId, message.unitId ?? null, message.enterpriseUscc ?? null, message.title, message.body],
  );
}

/** The active accounts with an e-mail of the recipients: the units' reviewers, or the enterprises' accounts. */
export async function recipientAccounts(db: Queryable, audience: LetterAudience, ids: readonly string[]): Promise<{ id: number; email: string }[]> {
  const result = await db.query<{ id: string; email: string }>(
    audience === 'units'
      ? `SELECT id, email FROM account WHERE role = 'city-reviewer' AND unit_id = ANY($1::text[]) AND NOT disabled AND email IS NOT NULL ORDER BY id`
      : `SELECT id, email FROM account WHERE role = 'applicant' AND enterprise_uscc = ANY($1::text[]) AND NOT disabled AND email IS NOT NULL ORDER BY id`,
    [ids],
  );
  return result.rows.map((row) => ({ id: Number(row.id), email: row.email }));
}

export interface SentLetter {
  id: number;
  audience: LetterAudience;
  title: string;
  body: string;
  createdAt: Date;
  attachments: { id: string; fileName: string }[];
  /** Each recipient (a unit id or a USCC) and whether any of its accounts has read the letter. */
  recipients: { id: string; read: boolean }[];
}

/** The letters a writer sees as sent: the province officer's own, or all of the unit's; newest first. */
export async function sentLetters(db: Queryable, writer: { accountId: number; unitId: string | null }, limit = 200): Promise<SentLetter[]> {
  const result = await db.query<{ id: string; audience: LetterAudience; title: string; body: string; created_at: Date; attachments: SentLetter['attachments']; recipients: SentLetter['recipients'] }>(
    `SELECT l.id, l.audience, l.title, l.body, l.created_at,
            COALESCE((SELECT json_agg(json_build_object('id', la.attachment_id, 'fileName', la.file_name) ORDER BY la.file_name, la.attachment_id)
                        FROM letter_attachment la WHERE la.letter_id = l.id), '[]'::json) AS attachments,
            COALESCE((SELECT json_agg(json_build_object('id', COALESCE(r.unit_id, r.enterprise_uscc), 'read', EXISTS (
                                 SELECT 1 FROM in_app_message m JOIN message_read mr ON mr.message_id = m.id
                                  WHERE m.letter_id = l.id AND (m.unit_id = r.unit_id OR m.enterprise_uscc = r.enterprise_uscc)))
                               ORDER BY COALESCE(r.unit_id, r.enterprise_uscc))
                        FROM letter_recipient r WHERE r.letter_id = l.id), '[]'::json) AS recipients
       FROM letter l
      WHERE CASE WHEN $2::text IS NULL THEN l.author_unit_id IS NULL AND l.author_account_id = $1 ELSE l.author_unit_id = $2 END
      ORDER BY l.id DESC LIMIT $3`,
    [writer.accountId, writer.unitId, limit],
  );
  return result.rows.map((row) => ({
    id: Number(row.id), audience: row.audience, title: row.title, body: row.body, createdAt: row.created_at, attachments: row.attachments, recipients: row.recipients,
  }));
}

/** The recipients of the letters that carry an attachment: who besides its owner may download it. */
export async function attachmentLetterRecipients(db: Queryable, attachmentId: string): Promise<{ unitIds: string[]; usccs: string[] }> {
  const result = await db.query<{ unit_id: string | null; enterprise_uscc: string | null }>(
    `SELECT DISTINCT r.unit_id, r.enterprise_uscc FROM letter_attachment la JOIN letter_recipient r ON r.letter_id = la.letter_id
      WHERE la.attachment_id = $1`,
    [attachmentId],
  );
  return {
    unitIds: result.rows.flatMap((row) => (row.unit_id === null ? [] : [row.unit_id])),
    usccs: result.rows.flatMap((row) => (row.enterprise_uscc === null ? [] : [row.enterprise_uscc])),
  };
}
