import type { Queryable } from '../platform/database.js';
import { noticeTexts, type NoticeTexts } from '../domain/notice-texts.js';

// A call's notice texts and their versions (migrations/022): call.notice_texts is the current texts, and every
// change of it is a version a trigger records. A notice is worded with the latest version and records its number.

/** One version of a call's notice texts. */
export interface NoticeTextVersion {
  callId: string;
  version: number;
  texts: NoticeTexts;
  createdBy: string;
  createdAt: Date;
}

/** Which version of which call's texts a notice was worded with. */
export interface NoticeTextsUsed {
  callId: string;
  version: number;
}

interface VersionRow {
  call_id: string;
  version: number;
  texts: unknown;
  created_by: string;
  created_at: Date;
}

const toVersion = (row: VersionRow): NoticeTextVersion => ({
  callId: row.call_id, version: row.version, texts: noticeTexts.parse(row.texts), createdBy: row.created_by, createdAt: row.created_at,
});

/** The latest version of a call's notice texts, what its notices are worded with now; undefined for no such call. */
export async function currentNoticeTexts(db: Queryable, callId: string): Promise<NoticeTextVersion | undefined> {
  const result = await db.query<VersionRow>('SELECT * FROM notice_text_version WHERE call_id = $1 ORDER BY version DESC LIMIT 1', [callId]);
  return result.rows[0] && toVersion(result.rows[0]);
}

/** Every version of a call's notice texts, newest first. */
export async function noticeTextVersions(db: Queryable, callId: string): Promise<NoticeTextVersion[]> {
  const result = await db.query<VersionRow>('SELECT * FROM notice_text_version WHERE call_id = $1 ORDER BY version DESC', [callId]);
  return result.rows.map(toVersion);
}

/**
 * Saves a call's notice texts as its next version, by `author`, in the caller's transaction; returns the version
 * number, or null when the texts are those of the current version (nothing saved). The caller checked the texts.
 */
export async function saveNoticeTexts(db: Queryable, callId: string, texts: NoticeTexts, author: string): Promise<number | null> {
  await db.query("SELECT set_config('iiot.notice_texts_author', $1, true)", [author]);
  const result = await db.query('UPDATE call SET notice_texts = $2 WHERE id = $1 AND notice_texts IS DISTINCT FROM $2::jsonb', [callId, JSON.stringify(texts)]);
  await db.query("SELECT set_config('iiot.notice_texts_author', '', true)");
  if (result.rowCount !== 1) return null;
  return (await currentNoticeTexts(db, callId))!.version;
}

/** Locks a call's texts for a save (its row) and answers its current version number; undefined for no such call. */
export async function lockNoticeTexts(db: Queryable, callId: string): Promise<number | undefined> {
  const result = await db.query('SELECT 1 FROM call WHERE id = $1 FOR UPDATE', [callId]);
  if (result.rowCount !== 1) return undefined;
  return (await currentNoticeTexts(db, callId))?.version;
}
