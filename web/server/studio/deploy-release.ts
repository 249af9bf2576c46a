import { withTransaction, type Pool } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import { EngineError } from '../../../platform/engine/index.js';
import type { ModelBundle } from '../../../platform/model-deployment.js';
import { lintModel } from '../../../modeling/lint-model.js';
import { fileExtensions } from '../../../modeling/problem.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import type { ModelVersion } from '../../../store/model-version-repository.js';
import { insertRelease, type Release } from '../../../store/release-repository.js';
import { AppError } from '../errors.js';
import type { ModelProblem, ResolvedMembers } from './release-members.js';

/** The deployment-source of releases the studio makes. */
export const STUDIO_DEPLOYMENT_SOURCE = 'iiot-studio';

export interface ReleaseDeps {
  db: Pool;
  engine: EngineApi;
}

/** The errors among every member's lint problems, each naming its model. */
export async function releaseLintErrors(process: ModelVersion, resolved: ResolvedMembers): Promise<ModelProblem[]> {
  const found: ModelProblem[] = [...resolved.problems];
  for (const version of [process, ...resolved.members]) {
    const problems = await lintModel(version.kind, version.content, { requiredDecisionIds: resolved.decisionIds.get(version.id) ?? [] });
    found.push(...problems.filter((p) => p.category === 'error').map((p) => ({ ...p, model: `${version.kind}:${version.key}` })));
  }
  return found;
}

/** The 422 a deploy with lint errors answers: every problem as `<kind>:<key>#<elementId>` and `[<rule>] <message>`. */
export function lintRefusal(errors: readonly ModelProblem[]): AppError {
  const fields = errors.map((p) => ({ path: `${p.model}#${p.elementId}`, message: `[${p.rule}] ${p.message}` }));
  const first = fields[0]!;
  return new AppError('MODEL_LINT_FAILED', `模型检查未通过：${first.path} ${first.message}${fields.length > 1 ? `，共 ${fields.length} 项` : ''}`, fields);
}

/**
 * Deploys a process version with its members as one engine deployment and records the release, in one transaction:
 * if the engine refuses (its EngineError is thrown), nothing is recorded; if recording fails, the deployment is an
 * orphan the next release supersedes. Audited as studio.release.deployed.
 */
export async function deployRelease(
  deps: ReleaseDeps,
  input: { process: ModelVersion; members: readonly ModelVersion[]; deployedBy: string; comment: string; source: string },
): Promise<Release> {
  const bundle = releaseBundle(input.process, input.members);
  return withTransaction(deps.db, async (client) => {
    const deployment = await deps.engine.deploy(bundle, { source: input.source, duplicateFiltering: false });
    const definition = deployment.definitions.find((d) => d.key === input.process.key);
    if (!definition) throw new AppError('MODEL_DEPLOY_REJECTED', `部署没有生成流程“${input.process.key}”的定义：流程是否设为可执行？`);
    const release = await insertRelease(client, {
      processKey: input.process.key,
      processVersionId: input.process.id,
      memberVersionIds: input.members.map((m) => m.id),
      deploymentId: deployment.deploymentId,
      processDefinitionId: definition.id,
      processDefinitionVersion: definition.version,
      deployedBy: input.deployedBy,
      comment: input.comment,
    });
    await insertAuditEntry(client, {
      actor: input.deployedBy,
      action: 'studio.release.deployed',
      subject: `process:${input.process.key}`,
      detail: { releaseId: release.id, processDefinitionId: release.processDefinitionId, memberVersionIds: release.members.map((m) => m.versionId), comment: input.comment },
    });
    return release;
  });
}

/** The 422 an engine refusal answers, with the engine's own message; anything else passes through. */
export function engineRefusal(error: unknown): unknown {
  return error instanceof EngineError && error.status >= 400 && error.status < 500
    ? new AppError('MODEL_DEPLOY_REJECTED', `流程引擎拒绝部署该模型：${error.message}`)
    : error;
}

/** The files of a release: forms under `<id>.form` (how deployed forms are looked up), others under their file names. */
export function releaseBundle(process: ModelVersion, members: readonly ModelVersion[]): ModelBundle {
  const files = new Map<string, string>();
  for (const version of [process, ...members]) {
    let fileName = version.kind === 'form' ? `${version.key}.form` : version.fileName;
    if (files.has(fileName)) fileName = `${version.key}${fileExtensions[version.kind]}`;
    files.set(fileName, version.content);
  }
  return { name: process.key, files: [...files].map(([fileName, content]) => ({ fileName, content })) };
}
