// The ranking of reviewed projects for pilot selection (LIFECYCLE.md stage 4b): by aggregated score; ties by the
// priority table (同等条件下优先, 二、（四）), then by earlier submission, and last by project id so that the order
// never depends on how the rows arrived.

/** One reviewed project as the ranking reads it. */
export interface RankingEntry {
  projectId: string;
  /** The aggregated score; none when the panel left no score. */
  score: number | null;
  /** The project's place in the priority table (1 weighs most); none without a priority qualification. */
  priorityRank: number | null;
  /** When the application was submitted (ISO timestamp). */
  submittedAt: string;
}

/** A ranked project: its position and what put it below the one directly above. */
export interface RankedProject extends RankingEntry {
  rank: number;
  decidedBy: 'score' | 'priority' | 'submission' | 'project-id' | null;
}

/** Ranks by aggregated score (high first; no score last), ties by priority (lower rank first; none last), then earlier submission. */
export function rankProjects(entries: readonly RankingEntry[]): RankedProject[] {
  checkDistinct(entries);
  const keyed = entries.map((entry) => ({ entry, submitted: checkedSubmissionTime(entry) }));
  keyed.sort((left, right) => firstDifference(left, right)[1]);
  return keyed.map((item, index) => ({
    ...item.entry,
    rank: index + 1,
    decidedBy: index === 0 ? null : firstDifference(keyed[index - 1]!, item)[0],
  }));
}

// helpers

type Keyed = { entry: RankingEntry; submitted: number };
type Criterion = Exclude<RankedProject['decidedBy'], null>;

/** The first criterion on which two entries differ, and their order by it (negative: left first). */
function firstDifference(left: Keyed, right: Keyed): [Criterion, number] {
  const byScore = compareNullable(left.entry.score, right.entry.score, (a, b) => b - a);
  if (byScore !== 0) return ['score', byScore];
  const byPriority = compareNullable(left.entry.priorityRank, right.entry.priorityRank, (a, b) => a - b);
  if (byPriority !== 0) return ['priority', byPriority];
  if (left.submitted !== right.submitted) return ['submission', left.submitted - right.submitted];
  return ['project-id', left.entry.projectId < right.entry.projectId ? -1 : left.entry.projectId > right.entry.projectId ? 1 : 0];
}

/** Orders two optional numbers: a missing one comes last, two present ones by the order given. */
function compareNullable(left: number | null, right: number | null, order: (left: number, right: number) => number): number {
  if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
  return order(left, right);
}

/** The entry's submission time in milliseconds, once its numbers and its time are known to be valid. */
function checkedSubmissionTime(entry: RankingEntry): number {
  if (entry.score !== null && !Number.isFinite(entry.score)) throw new Error(`项目“${entry.projectId}”的评分无效。`);
  if (entry.priorityRank !== null && !Number.isFinite(entry.priorityRank)) throw new Error(`项目“${entry.projectId}”的优先顺序无效。`);
  const time = Date.parse(entry.submittedAt);
  if (Number.isNaN(time)) throw new Error(`项目“${entry.projectId}”的提交时间无效：${entry.submittedAt}`);
  return time;
}

function checkDistinct(entries: readonly RankingEntry[]): void {
  const ids = new Set(entries.map((entry) => entry.projectId));
  if (ids.size !== entries.length) throw new Error('排名名单中有重复的项目。');
}
