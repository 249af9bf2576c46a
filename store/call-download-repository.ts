import type { Queryable } from '../platform/database.js';

// The files a call offers for download (migration 021): bytes in the attachment store, metadata here.

export interface CallDownload {
  id: string;
  callId: string;
  title: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
  createdAt: Date;
}

interface CallDownloadRow {
  id: string; call_id: string; title: string; file_name: string; media_type: string; size_bytes: string; sha256: string; storage_key: string; uploaded_by: string; created_at: Date;
}

function toDownload(row: CallDownloadRow): CallDownload {
  return {
    id: row.id, callId: row.call_id, title: row.title, fileName: row.file_name, mediaType: row.media_type, sizeBytes: Number(row.size_bytes),
    sha256: row.sha256, storageKey: row.storage_key, uploadedBy: row.uploaded_by, createdAt: row.created_at,
  };
}

/** Records a download whose bytes are stored. */
export async function insertCallDownload(db: Queryable, download: Omit<CallDownload, 'createdAt'>): Promise<CallDownload> {
  const result = await db.query<CallDownloadRow>(
    `INSERT INTO call_download (id, call_id, title, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [download.id, download.callId, download.title, download.fileName, download.mediaType, download.sizeBytes, download.sha256, download.storageKey, download.uploadedBy],
  );
  return toDownload(result.rows[0]!);
}

/** A call's downloads, in the order they were uploaded. */
export async function listCallDownloads(db: Queryable, callId: string): Promise<CallDownload[]> {
  const result = await db.query<CallDownloadRow>('SELECT * FROM call_download WHERE call_id = $1 ORDER BY created_at, id', [callId]);
  return result.rows.map(toDownload);
}

/** The downloads of several calls (the call list), each call's in the order they were uploaded. */
export async function listDownloadsOfCalls(db: Queryable, callIds: readonly string[]): Promise<Map<string, CallDownload[]>> {
  const result = await db.query<CallDownloadRow>('SELECT * FROM call_download WHERE call_id = ANY($1) ORDER BY created_at, id', [callIds]);
  const byCall = new Map<string, CallDownload[]>();
  for (const download of result.rows.map(toDownload)) byCall.set(download.callId, [...(byCall.get(download.callId) ?? []), download]);
  return byCall;
}

/** One download of a call. */
export async function findCallDownload(db: Queryable, callId: string, id: string): Promise<CallDownload | undefined> {
  const result = await db.query<CallDownloadRow>('SELECT * FROM call_download WHERE call_id = $1 AND id = $2', [callId, id]);
  return result.rows[0] && toDownload(result.rows[0]);
}

/** Removes a download's record (its bytes are the caller's to remove); false when there was none. */
export async function deleteCallDownload(db: Queryable, callId: string, id: string): Promise<boolean> {
  return ((await db.query('DELETE FROM call_download WHERE call_id = $1 AND id = $2', [callId, id])).rowCount ?? 0) === 1;
}
