import type { Queryable } from '../../../platform/database.js';
import { processReferences, type ModelReference } from '../../../platform/model-deployment.js';
import { decisionIdsOf } from '../../../modeling/model-key.js';
import type { Problem } from '../../../modeling/problem.js';
import { latestVersion, latestVersionsOfKind, type ModelVersion } from '../../../store/model-version-repository.js';
import { AppError } from '../errors.js';

/** A problem of one model of a release: `model` is `<kind>:<key>`. */
export interface ModelProblem extends Problem {
  model: string;
}

/** The forms and decisions a process version deploys with, and each decision id they must provide. */
export interface ResolvedMembers {
  members: ModelVersion[];
  /** Decision ids each decision member provides to the process, by version id. */
  decisionIds: Map<string, string[]>;
  /** References no stored version provides. */
  problems: ModelProblem[];
}

/**
 * Resolves a process version's references (camunda:formRef, camunda:decisionRef, deployWithForm) to versions: the
 * ones `chosen` names, else the latest saved version of each form and of the decision model declaring the id.
 */
export async function resolveMembers(db: Queryable, process: ModelVersion, chosen: readonly ModelVersion[] = []): Promise<ResolvedMembers> {
  const references = processReferences(process.content);
  const unreferenced = chosen.filter((v) => v.kind === 'process' || !references.some((r) => provides(v, r)));
  if (unreferenced.length) {
    throw new AppError('VALIDATION_FAILED', undefined, unreferenced.map((v) => ({ path: 'body.members', message: `版本 ${v.id}（${v.kind}:${v.key} 第 ${v.version} 版）不是该流程引用的表单或决策表` })));
  }
  const latestDecisions = references.some((r) => r.kind === 'decision') ? await latestVersionsOfKind(db, 'decision') : [];
  const members = new Map<string, ModelVersion>();
  const decisionIds = new Map<string, string[]>();
  const problems: ModelProblem[] = [];
  for (const reference of references) {
    const found = chosen.find((v) => provides(v, reference))
      ?? (reference.kind === 'form' ? await latestVersion(db, 'form', reference.id) : decisionProvider(latestDecisions, reference.id));
    if (!found) {
      problems.push({
        model: `process:${process.key}`,
        rule: 'reference-resolved',
        elementId: reference.elementId,
        message: reference.kind === 'form' ? `引用的表单“${reference.id}”不存在：请先保存这个表单` : `引用的决策“${reference.id}”不存在：请先保存包含它的决策表`,
        category: 'error',
      });
      continue;
    }
    members.set(found.id, found);
    if (reference.kind === 'decision') decisionIds.set(found.id, [...(decisionIds.get(found.id) ?? []), reference.id]);
  }
  return { members: [...members.values()], decisionIds, problems };
}

// helpers

function provides(version: ModelVersion, reference: ModelReference): boolean {
  if (version.kind !== reference.kind) return false;
  return reference.kind === 'form' ? version.key === reference.id : decisionIdsOf(version.content).includes(reference.id);
}

// A decision model keyed by the id itself wins over another file that happens to declare it as well.
function decisionProvider(latest: readonly ModelVersion[], decisionId: string): ModelVersion | undefined {
  return latest.find((v) => v.key === decisionId) ?? latest.find((v) => decisionIdsOf(v.content).includes(decisionId));
}
