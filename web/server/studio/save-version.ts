import { withTransaction, type Pool } from '../../../platform/database.js';
import { processReferences } from '../../../platform/model-deployment.js';
import { lintModel } from '../../../modeling/lint-model.js';
import { decisionIdsOf } from '../../../modeling/model-key.js';
import { fileExtensions, type ModelKind, type Problem } from '../../../modeling/problem.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { findVersion, insertVersion, latestVersion, latestVersionsOfKind, type ModelVersion, type VersionSource } from '../../../store/model-version-repository.js';
import { AppError } from '../errors.js';
import { readModelContent } from './model-content.js';
import { sharedFieldProblems } from './shared-fields-lint.js';

export interface SaveRequest {
  kind: ModelKind;
  /** The key it is saved under, which the content must declare; an import takes the content's own. */
  key: string | undefined;
  content: string;
  comment: string;
  source: Exclude<VersionSource, 'shipped'>;
  basedOn?: string;
}

/**
 * Saves a new version of a model, lint problems and all (a draft may be broken), unless the content does not parse
 * or names another key. Audited as studio.version.saved (studio.version.restored for a restore).
 */
export async function saveVersion(db: Pool, actor: { id: number; username: string }, request: SaveRequest): Promise<{ version: ModelVersion; problems: Problem[] }> {
  const { key, name } = await readModelContent(request.kind, request.content, request.key);
  if (request.basedOn) {
    const base = await findVersion(db, request.basedOn);
    if (!base || base.kind !== request.kind || base.key !== key) {
      throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'body.basedOn', message: '所依据的版本不是这个模型的版本' }]);
    }
  }
  const problems = [
    ...await lintModel(request.kind, request.content, { requiredDecisionIds: await requiredDecisionIds(db, request.kind, key) }),
    ...await sharedFieldProblems(db, request.kind, key, request.content),
  ];
  const version = await withTransaction(db, async (client) => {
    const previous = await latestVersion(client, request.kind, key);
    const saved = await insertVersion(client, {
      kind: request.kind,
      key,
      content: request.content,
      name,
      fileName: previous?.fileName ?? `${key}${fileExtensions[request.kind]}`,
      author: String(actor.id),
      comment: request.comment,
      source: request.source,
      basedOn: request.basedOn ?? null,
    });
    await insertAuditEntry(client, {
      actor: actor.username,
      action: request.source === 'restore' ? 'studio.version.restored' : 'studio.version.saved',
      subject: `${request.kind}:${key}`,
      detail: { versionId: saved.id, version: saved.version, source: saved.source, sha256: saved.sha256, basedOn: saved.basedOn, comment: saved.comment },
    });
    return saved;
  });
  return { version, problems };
}

/**
 * The decision ids a decision model must keep: those its latest version declares that the latest version of some
 * process references. (A decision the processes no longer use may go.)
 */
export async function requiredDecisionIds(db: Pool, kind: ModelKind, key: string): Promise<string[]> {
  if (kind !== 'decision') return [];
  const previous = await latestVersion(db, 'decision', key);
  if (!previous) return [];
  const referenced = new Set((await latestVersionsOfKind(db, 'process')).flatMap((p) => processReferences(p.content)).filter((r) => r.kind === 'decision').map((r) => r.id));
  return decisionIdsOf(previous.content).filter((id) => referenced.has(id));
}
