// The officer's pilot proposal (试点项目, LIFECYCLE.md stage 4b) checked against the ranking's candidates and the
// optional limits per direction and per unit. Every problem is listed, so the officer fixes them in one go; which
// projects to propose within those limits is the collective decision's, not a rule's.
import { z } from 'zod';

/** The configurable caps on a proposal; none means no cap. */
export interface SelectionLimits {
  perDirection: number | null;
  perUnit: number | null;
}

/** A ranked project the officer may propose. */
export interface Candidate {
  projectId: string;
  projectNumber: string;
  direction: string;
  directionLabel: string;
  unitId: string;
  unitName: string;
  /** The aggregated score; none when the panel left no score, and then the project is not ranked. */
  score: number | null;
}

/** Checks an officer's proposal against the ranking and the optional limits; problems in Chinese, none when fine. */
export function proposalProblems(candidates: readonly Candidate[], selected: readonly string[], limits: SelectionLimits): string[] {
  const { perDirection, perUnit } = checkedLimits(limits);
  const byId = new Map(candidates.map((candidate) => [candidate.projectId, candidate]));
  if (byId.size !== candidates.length) throw new Error('候选名单中有重复的项目。');
  if (selected.length === 0) return ['请至少选择一个项目。'];

  const problems: string[] = [];
  const seen = new Set<string>();
  const reportedTwice = new Set<string>();
  const chosen: Candidate[] = [];
  for (const projectId of selected) {
    const candidate = byId.get(projectId);
    if (seen.has(projectId)) {
      if (!reportedTwice.has(projectId)) problems.push(`项目 ${candidate?.projectNumber ?? projectId} 重复选择。`);
      reportedTwice.add(projectId);
      continue;
    }
    seen.add(projectId);
    if (candidate === undefined) {
      problems.push(`项目 ${projectId} 不在评审排名中，不能提为试点。`);
      continue;
    }
    if (candidate.score === null) problems.push(`项目 ${candidate.projectNumber} 没有有效评分，不能提为试点。`);
    chosen.push(candidate);
  }
  if (perDirection !== null) {
    for (const [, group] of groupBy(chosen, (candidate) => candidate.direction)) {
      if (group.length > perDirection) {
        problems.push(`“${group[0]!.directionLabel}”方向选择了${group.length}个项目，超过每个方向最多${perDirection}个的限制。`);
      }
    }
  }
  if (perUnit !== null) {
    for (const [, group] of groupBy(chosen, (candidate) => candidate.unitId)) {
      if (group.length > perUnit) problems.push(`${group[0]!.unitName}选择了${group.length}个项目，超过每个单位最多${perUnit}个的限制。`);
    }
  }
  return problems;
}

// helpers

const limitSchema = (label: string) => {
  const error = `${label}应为不小于1的整数，或不设上限。`;
  return z.number({ error }).int({ error }).min(1, { error }).nullable();
};
const limitsSchema = z.object({ perDirection: limitSchema('每个方向的试点数量上限'), perUnit: limitSchema('每个单位的试点数量上限') });

function checkedLimits(limits: SelectionLimits): SelectionLimits {
  const parsed = limitsSchema.safeParse(limits);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join(''));
  return parsed.data;
}

/** Groups in the order each key first appears. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
