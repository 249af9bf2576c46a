import type { Queryable } from '../platform/database.js';
import type { ModelKind } from '../modeling/problem.js';
import type { VersionSource } from './model-version-repository.js';

// Explicit SQL for releases (one engine deployment of a process version with its forms and decisions) and for call
// sets (which release of each process key a call starts new instances on). migrations/015.

/** One release, with the versions it deployed. */
export interface Release {
  id: string;
  processKey: string;
  processVersionId: string;
  deploymentId: string;
  processDefinitionId: string;
  processDefinitionVersion: number;
  deployedBy: string;
  comment: string;
  deployedAt: Date;
  members: { kind: ModelKind; key: string; version: number; versionId: string; source: VersionSource }[];
}

/** A call's release of one process key: pinned, or null when the call follows the latest release. */
export interface CallRelease {
  callId: string;
  title: string;
  year: number;
  processKey: string;
  releaseId: string | null;
  processDefinitionVersion: number | null;
}

interface ReleaseRow {
  id: string;
  process_key: string;
  process_version_id: string;
  deployment_id: string;
  process_definition_id: string;
  process_definition_version: number;
  deployed_by: string;
  comment: string;
  deployed_at: Date;
  members: { kind: ModelKind; key: string; version: number; version_id: string; source: VersionSource }[];
}

const SELECT_RELEASES = `
  SELECT r.*, (SELECT json_agg(json_build_object('kind', v.kind, 'key', v.key, 'version', v.version, 'version_id', v.id::text, 'source', v.source)
                               ORDER BY v.kind DESC, v.key)
               FROM model_release_member m JOIN model_version v ON v.id = m.version_id WHERE m.release_id = r.id) AS members
  FROM model_release r`;

/** Records a release and its members (the process version among them); run it in the deploying transaction. */
export async function insertRelease(
  db: Queryable,
  input: Omit<Release, 'id' | 'deployedAt' | 'members'> & { memberVersionIds: readonly string[] },
): Promise<Release> {
  const inserted = await db.query<{ id: string }>(
    `INSERT INTO model_release (process_key, process_version_id, deployment_id, process_definition_id, process_definition_version, deployed_by, comment)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [input.processKey, input.processVersionId, input.deploymentId, input.processDefinitionId, input.processDefinitionVersion, input.deployedBy, input.comment],
  );
  const id = String(inserted.rows[0]!.id);
  const members = [...new Set([input.processVersionId, ...input.memberVersionIds])];
  await db.query('INSERT INTO model_release_member (release_id, version_id) SELECT $1, unnest($2::bigint[])', [id, members]);
  return (await findRelease(db, id))!;
}

/** One release by id. */
export async function findRelease(db: Queryable, id: string): Promise<Release | undefined> {
  const result = await db.query<ReleaseRow>(`${SELECT_RELEASES} WHERE r.id = $1`, [id]);
  return result.rows[0] && toRelease(result.rows[0]);
}

/** Releases, newest first; of one process key when given. */
export async function listReleases(db: Queryable, processKey?: string): Promise<Release[]> {
  const result = processKey === undefined
    ? await db.query<ReleaseRow>(`${SELECT_RELEASES} ORDER BY r.id DESC`)
    : await db.query<ReleaseRow>(`${SELECT_RELEASES} WHERE r.process_key = $1 ORDER BY r.id DESC`, [processKey]);
  return result.rows.map(toRelease);
}

/** The latest release of a process key, if it has any. */
export async function latestRelease(db: Queryable, processKey: string): Promise<Release | undefined> {
  const result = await db.query<ReleaseRow>(`${SELECT_RELEASES} WHERE r.process_key = $1 ORDER BY r.id DESC LIMIT 1`, [processKey]);
  return result.rows[0] && toRelease(result.rows[0]);
}

/**
 * The process definition new instances of a key start on for a call: the call's pinned release, else the latest
 * release of the key; undefined when the key has no release at all.
 */
export async function definitionForCall(db: Queryable, callId: string, processKey: string): Promise<string | undefined> {
  const result = await db.query<{ process_definition_id: string }>(
    `SELECT r.process_definition_id FROM model_release r
     WHERE r.process_key = $2
       AND r.id = coalesce((SELECT release_id FROM call_release WHERE call_id = $1 AND process_key = $2),
                           (SELECT max(id) FROM model_release WHERE process_key = $2))`,
    [callId, processKey],
  );
  return result.rows[0]?.process_definition_id;
}

/** Every call with its release of every process key that has releases, newest call first. */
export async function listCallReleases(db: Queryable): Promise<CallRelease[]> {
  const result = await db.query<{ call_id: string; title: string; year: number; process_key: string; release_id: string | null; process_definition_version: number | null }>(
    `SELECT c.id AS call_id, c.title, c.year, k.process_key, cr.release_id::text AS release_id, r.process_definition_version
     FROM call c CROSS JOIN (SELECT DISTINCT process_key FROM model_release) k
     LEFT JOIN call_release cr ON cr.call_id = c.id AND cr.process_key = k.process_key
     LEFT JOIN model_release r ON r.id = cr.release_id
     ORDER BY c.opens_at DESC, c.id, k.process_key`,
  );
  return result.rows.map((row) => ({
    callId: row.call_id, title: row.title, year: row.year, processKey: row.process_key, releaseId: row.release_id, processDefinitionVersion: row.process_definition_version,
  }));
}

/** Pins a call's process key to a release; returns the release it was pinned to before (null: it followed the latest). */
export async function setCallRelease(db: Queryable, input: { callId: string; processKey: string; releaseId: string; setBy: string }): Promise<string | null> {
  const before = await db.query<{ release_id: string }>('SELECT release_id::text AS release_id FROM call_release WHERE call_id = $1 AND process_key = $2 FOR UPDATE', [input.callId, input.processKey]);
  await db.query(
    `INSERT INTO call_release (call_id, process_key, release_id, set_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (call_id, process_key) DO UPDATE SET release_id = EXCLUDED.release_id, set_by = EXCLUDED.set_by, set_at = now()`,
    [input.callId, input.processKey, input.releaseId, input.setBy],
  );
  return before.rows[0]?.release_id ?? null;
}

/** The calls pinned to a release. */
export async function callsPinnedTo(db: Queryable, releaseId: string): Promise<{ callId: string; processKey: string }[]> {
  const result = await db.query<{ call_id: string; process_key: string }>('SELECT call_id, process_key FROM call_release WHERE release_id = $1 ORDER BY call_id', [releaseId]);
  return result.rows.map((row) => ({ callId: row.call_id, processKey: row.process_key }));
}

function toRelease(row: ReleaseRow): Release {
  return {
    id: String(row.id),
    processKey: row.process_key,
    processVersionId: String(row.process_version_id),
    deploymentId: row.deployment_id,
    processDefinitionId: row.process_definition_id,
    processDefinitionVersion: row.process_definition_version,
    deployedBy: row.deployed_by,
    comment: row.comment,
    deployedAt: row.deployed_at,
    members: (row.members ?? []).map((m) => ({ kind: m.kind, key: m.key, version: m.version, versionId: m.version_id, source: m.source })),
  };
}
