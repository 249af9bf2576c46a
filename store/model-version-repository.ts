import { createHash } from 'node:crypto';
import type { Queryable } from '../platform/database.js';
import type { ModelKind } from '../modeling/problem.js';

// Explicit SQL for the studio's model versions (migrations/015): inserted, read, never changed.

/** Where a version came from. */
export type VersionSource = 'shipped' | 'studio' | 'import' | 'restore';

/** One saved version of a model. */
export interface ModelVersion {
  id: string;
  kind: ModelKind;
  key: string;
  version: number;
  content: string;
  sha256: string;
  name: string | null;
  fileName: string;
  author: string;
  comment: string;
  source: VersionSource;
  basedOn: string | null;
  createdAt: Date;
}

/** A version without its content, with the author's name and the releases that deployed it. */
export interface VersionSummary extends Omit<ModelVersion, 'content'> {
  authorName: string;
  releases: { id: string; deployedAt: Date; processDefinitionId: string }[];
}

/** The latest version of a model, with the version the latest release holding it deployed. */
export interface ModelSummary {
  kind: ModelKind;
  key: string;
  name: string | null;
  latestVersion: number;
  latestVersionId: string;
  deployedVersion: number | null;
  fileName: string;
}

interface VersionRow {
  id: string;
  kind: ModelKind;
  key: string;
  version: number;
  content: string;
  sha256: string;
  name: string | null;
  file_name: string;
  author: string;
  comment: string;
  source: VersionSource;
  based_on: string | null;
  created_at: Date;
}

const SHIPPED_AUTHOR_NAME = '随软件发布';

/** The SHA-256 of a model's content, as stored. */
export function contentSha256(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/**
 * Appends a version as the next number of its kind and key. Inside a transaction an advisory lock makes racing saves
 * of one model take turns; outside one, the unique (kind, key, version) tells them apart and the loser retries.
 */
export async function insertVersion(
  db: Queryable,
  input: Pick<ModelVersion, 'kind' | 'key' | 'content' | 'name' | 'fileName' | 'author' | 'comment' | 'source' | 'basedOn'>,
): Promise<ModelVersion> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`model_version:${input.kind}:${input.key}`]);
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await db.query<VersionRow>(
        `INSERT INTO model_version (kind, key, version, content, sha256, name, file_name, author, comment, source, based_on)
         SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10 FROM model_version WHERE kind = $1 AND key = $2
         RETURNING *`,
        [input.kind, input.key, input.content, contentSha256(input.content), input.name, input.fileName, input.author, input.comment, input.source, input.basedOn],
      );
      return toVersion(result.rows[0]!);
    } catch (error) {
      if ((error as { code?: string }).code !== '23505' || attempt >= 5) throw error;
    }
  }
}

/** One version by id. */
export async function findVersion(db: Queryable, id: string): Promise<ModelVersion | undefined> {
  const result = await db.query<VersionRow>('SELECT * FROM model_version WHERE id = $1', [id]);
  return result.rows[0] && toVersion(result.rows[0]);
}

/** Several versions by id, in no particular order. */
export async function findVersions(db: Queryable, ids: readonly string[]): Promise<ModelVersion[]> {
  const result = await db.query<VersionRow>('SELECT * FROM model_version WHERE id = ANY($1::bigint[])', [ids]);
  return result.rows.map(toVersion);
}

/** The latest version of a model, if it has any. */
export async function latestVersion(db: Queryable, kind: ModelKind, key: string): Promise<ModelVersion | undefined> {
  const result = await db.query<VersionRow>('SELECT * FROM model_version WHERE kind = $1 AND key = $2 ORDER BY version DESC LIMIT 1', [kind, key]);
  return result.rows[0] && toVersion(result.rows[0]);
}

/** The latest version of every model of a kind. */
export async function latestVersionsOfKind(db: Queryable, kind: ModelKind): Promise<ModelVersion[]> {
  const result = await db.query<VersionRow>('SELECT DISTINCT ON (key) * FROM model_version WHERE kind = $1 ORDER BY key, version DESC', [kind]);
  return result.rows.map(toVersion);
}

/** The newest version of a model with exactly this content, a shipped one first; undefined if none has it. */
export async function findVersionWithContent(db: Queryable, kind: ModelKind, key: string, sha256: string): Promise<ModelVersion | undefined> {
  const result = await db.query<VersionRow>(
    `SELECT * FROM model_version WHERE kind = $1 AND key = $2 AND sha256 = $3 ORDER BY (source = $4) DESC, version DESC LIMIT 1`,
    [kind, key, sha256, 'shipped' satisfies VersionSource],
  );
  return result.rows[0] && toVersion(result.rows[0]);
}

/** Every version of a model, newest first, with author names and the releases that deployed each. */
export async function listVersions(db: Queryable, kind: ModelKind, key: string): Promise<VersionSummary[]> {
  const result = await db.query<VersionRow & { author_name: string | null; releases: { id: string; deployed_at: string; process_definition_id: string }[] }>(
    `SELECT v.id, v.kind, v.key, v.version, v.sha256, v.name, v.file_name, v.author, v.comment, v.source, v.based_on, v.created_at,
            a.display_name AS author_name,
            coalesce((SELECT json_agg(json_build_object('id', r.id::text, 'deployed_at', r.deployed_at, 'process_definition_id', r.process_definition_id) ORDER BY r.id DESC)
                      FROM model_release_member m JOIN model_release r ON r.id = m.release_id WHERE m.version_id = v.id), '[]') AS releases
     FROM model_version v LEFT JOIN account a ON a.id::text = v.author
     WHERE v.kind = $1 AND v.key = $2 ORDER BY v.version DESC`,
    [kind, key],
  );
  return result.rows.map((row) => {
    const { content: _content, ...version } = toVersion({ ...row, content: '' });
    return {
      ...version,
      authorName: row.author === 'shipped' ? SHIPPED_AUTHOR_NAME : (row.author_name ?? row.author),
      releases: row.releases.map((r) => ({ id: r.id, deployedAt: new Date(r.deployed_at), processDefinitionId: r.process_definition_id })),
    };
  });
}

/** Every model with its latest version and the version its latest release deployed. */
export async function listModels(db: Queryable): Promise<ModelSummary[]> {
  const result = await db.query<{ kind: ModelKind; key: string; name: string | null; version: number; id: string; file_name: string; deployed_version: number | null }>(
    `WITH latest AS (SELECT DISTINCT ON (kind, key) kind, key, name, version, id, file_name FROM model_version ORDER BY kind, key, version DESC),
          deployed AS (SELECT DISTINCT ON (v.kind, v.key) v.kind, v.key, v.version
                       FROM model_release_member m JOIN model_version v ON v.id = m.version_id ORDER BY v.kind, v.key, m.release_id DESC)
     SELECT latest.*, deployed.version AS deployed_version FROM latest LEFT JOIN deployed USING (kind, key) ORDER BY kind, key`,
  );
  return result.rows.map((row) => ({
    kind: row.kind,
    key: row.key,
    name: row.name,
    latestVersion: row.version,
    latestVersionId: row.id,
    deployedVersion: row.deployed_version,
    fileName: row.file_name,
  }));
}

function toVersion(row: VersionRow): ModelVersion {
  return {
    id: String(row.id),
    kind: row.kind,
    key: row.key,
    version: row.version,
    content: row.content,
    sha256: row.sha256,
    name: row.name,
    fileName: row.file_name,
    author: row.author,
    comment: row.comment,
    source: row.source,
    basedOn: row.based_on === null ? null : String(row.based_on),
    createdAt: row.created_at,
  };
}
