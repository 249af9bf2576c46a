import { findVersion, findVersions } from '../../../store/model-version-repository.js';
import type { Release } from '../../../store/release-repository.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import { deployRelease, engineRefusal, lintRefusal, releaseLintErrors, STUDIO_DEPLOYMENT_SOURCE, type ReleaseDeps } from './deploy-release.js';
import { resolveMembers } from './release-members.js';

/**
 * An administrator deploys a process version: with the latest saved version of every form and decision it
 * references (or the versions `memberIds` names), each checked by the same lint as the editor; any error refuses
 * the deploy (422 MODEL_LINT_FAILED naming model, element and rule).
 */
export async function deployVersion(deps: ReleaseDeps, account: Account, versionId: string, request: { comment: string; memberIds?: readonly string[] }): Promise<Release> {
  const process = await findVersion(deps.db, versionId);
  if (!process) throw new AppError('NOT_FOUND');
  if (process.kind !== 'process') throw new AppError('VALIDATION_FAILED', '只能部署流程版本；表单和决策表随引用它们的流程一起部署。');
  const chosen = request.memberIds?.length ? await findVersions(deps.db, request.memberIds) : [];
  const missing = (request.memberIds ?? []).filter((id) => !chosen.some((v) => v.id === id));
  if (missing.length) throw new AppError('VALIDATION_FAILED', undefined, missing.map((id) => ({ path: 'body.members', message: `没有版本 ${id}` })));
  const resolved = await resolveMembers(deps.db, process, chosen);
  const errors = await releaseLintErrors(process, resolved);
  if (errors.length) throw lintRefusal(errors);
  return deployRelease(deps, { process, members: resolved.members, deployedBy: account.username, comment: request.comment, source: STUDIO_DEPLOYMENT_SOURCE })
    .catch((error: unknown) => Promise.reject(engineRefusal(error)));
}
