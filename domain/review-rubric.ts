// The expert review rubric (评分标准, LIFECYCLE.md stage 4b): its criteria, read from the decision table
// `reviewRubric`, and the check of one expert's scores against them.
//
// The notice (三、申报程序) names the three criteria — 发展基础好、创新模式优、推广意义大 — but gives neither points
// nor sub-items: the 40/30/30 split is the project's default (LIFECYCLE.md), and the default guidance only points to
// what the notice itself says elsewhere (申报条件, 培育范围). The province refines both in the decision table.
import { z } from 'zod';

/** One criterion an expert scores, from 0 to its maxScore. */
export interface RubricCriterion {
  code: string;
  label: string;
  maxScore: number;
  guidance: string;
}

/** The notice's three criteria (三、申报程序): 发展基础好 40, 创新模式优 30, 推广意义大 30, with guidance. */
export const defaultRubric: readonly RubricCriterion[] = [
  {
    code: 'foundation',
    label: '发展基础好',
    maxScore: 40,
    guidance: '企业经营状况良好，两化融合发展水平达到单项应用及以上阶段，拥有专门的信息化支撑队伍（参见指南二、申报条件）。',
  },
  {
    code: 'innovation',
    label: '创新模式优',
    maxScore: 30,
    guidance:
      '项目在网络改造、平台建设，或个性化定制、平台化设计、智能化制造、网络化协同、服务化延伸、数字化管理等新模式应用上的创新程度（参见指南一、培育范围和目标）。',
  },
  {
    code: 'promotion',
    label: '推广意义大',
    maxScore: 30,
    guidance: '项目作为试点示范的带动作用和推广价值（指南未列细项）。',
  },
];

/** Parses the rows a COLLECT decision table `reviewRubric` returns through the engine REST evaluate call. */
export function rubricFromDecisionRows(rows: unknown): RubricCriterion[] {
  const list = z.array(z.unknown()).safeParse(rows);
  if (!list.success || list.data.length === 0) throw new Error('评分标准决策表没有返回任何评分项。');
  const problems: string[] = [];
  const parsed = list.data.flatMap((row, index) => {
    const result = parseRow(row, index + 1);
    if (typeof result === 'string') problems.push(result);
    return typeof result === 'string' ? [] : [result];
  });
  if (problems.length > 0) throw new Error(problems.join(''));

  const seen = new Set<string>();
  for (const { criterion } of parsed) {
    if (seen.has(criterion.code)) throw new Error(`评分标准决策表中评分项代码“${criterion.code}”重复。`);
    seen.add(criterion.code);
  }
  const totalTenths = parsed.reduce((sum, { criterion }) => sum + tenths(criterion.maxScore), 0);
  if (totalTenths < 10 || totalTenths > 10_000) throw new Error(`评分标准各项满分合计为${totalTenths / 10}分，应在1至1000分之间。`);
  return parsed
    .sort((left, right) => left.order - right.order || compareCodeUnits(left.criterion.code, right.criterion.code))
    .map(({ criterion }) => criterion);
}

/** One expert's scores checked: their total and the scores by code, or every problem found. */
export type ScoreCheck = { ok: true; total: number; scores: Record<string, number> } | { ok: false; problems: string[] };

/** Checks one expert's scores against the rubric. */
export function checkScores(rubric: readonly RubricCriterion[], scores: unknown): ScoreCheck {
  const given = z.record(z.string(), z.unknown()).safeParse(scores);
  if (!given.success) return { ok: false, problems: ['评分应按评分项逐项填写。'] };
  const problems: string[] = [];
  const checked: Record<string, number> = {};
  let totalTenths = 0;
  for (const criterion of rubric) {
    const score = given.data[criterion.code];
    const range = `0至${criterion.maxScore}分`;
    if (score === undefined || score === null) {
      problems.push(`缺少“${criterion.label}”的得分。`);
    } else if (typeof score !== 'number' || !Number.isFinite(score)) {
      problems.push(`“${criterion.label}”的得分应为${range}之间的数字。`);
    } else {
      if (score < 0 || score > criterion.maxScore) problems.push(`“${criterion.label}”的得分应在${range}之间。`);
      if (!hasAtMostOneDecimal(score)) problems.push(`“${criterion.label}”的得分最多保留一位小数。`);
      checked[criterion.code] = score;
      totalTenths += Math.round(score * 10);
    }
  }
  const known = new Set(rubric.map((criterion) => criterion.code));
  for (const code of Object.keys(given.data)) {
    if (!known.has(code)) problems.push(`评分标准中没有“${code}”。`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, total: totalTenths / 10, scores: checked };
}

/** Whether a number is a whole number of tenths (35.5 yes, 35.25 no). */
export function hasAtMostOneDecimal(value: number): boolean {
  // Math.round(n) / 10 is the double nearest n/10, i.e. the one the literal with one decimal parses to.
  return Number.isFinite(value) && Math.round(value * 10) / 10 === value;
}

// helpers

// A decision output: `{ type, value, valueInfo }`; only the value counts, and it is checked on its own.
const typedValue = <T extends z.ZodType>(value: T) => z.object({ value });
const rowSchemas = {
  criterion: typedValue(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/)),
  label: typedValue(z.string().trim().refine((label) => [...label].length >= 1 && [...label].length <= 30)),
  maxScore: typedValue(z.number().min(1).max(100).refine(hasAtMostOneDecimal)),
  guidance: z.object({ value: z.string().nullish() }).nullish(),
  order: typedValue(z.number().int()),
};
const rowProblems: Record<keyof typeof rowSchemas, string> = {
  criterion: '评分项代码（criterion）应为小写字母开头、由小写字母、数字和连字符组成的1至40个字符',
  label: '评分项名称（label）应为1至30个字',
  maxScore: '满分（maxScore）应在1至100分之间，最多保留一位小数',
  guidance: '评分说明（guidance）应为文字或留空',
  order: '排序（order）应为整数',
};

function parseRow(row: unknown, number: number): { criterion: RubricCriterion; order: number } | string {
  const outputs = z.record(z.string(), z.unknown()).safeParse(row);
  if (!outputs.success) return `评分标准决策表第${number}行不是有效的结果。`;
  const wrong: string[] = [];
  const field = <K extends keyof typeof rowSchemas>(key: K): z.infer<(typeof rowSchemas)[K]> | undefined => {
    const result = rowSchemas[key].safeParse(outputs.data[key]);
    if (!result.success) wrong.push(rowProblems[key]);
    return result.success ? (result.data as z.infer<(typeof rowSchemas)[K]>) : undefined;
  };
  const code = field('criterion');
  const label = field('label');
  const maxScore = field('maxScore');
  const guidance = field('guidance');
  const order = field('order');
  if (wrong.length > 0 || !code || !label || !maxScore || !order) return `评分标准决策表第${number}行的${wrong.join('；')}。`;
  return {
    criterion: { code: code.value, label: label.value, maxScore: maxScore.value, guidance: guidance?.value?.trim() ?? '' },
    order: order.value,
  };
}

function tenths(value: number): number {
  return Math.round(value * 10);
}

function compareCodeUnits(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
