import { describe, expect, it } from 'vitest';
import { checkScores, defaultRubric, hasAtMostOneDecimal, rubricFromDecisionRows } from '../../domain/review-rubric.js';

/** One matched rule as the engine's evaluate REST call returns it. */
function row(criterion: string, label: string, maxScore: number, order: number, guidance: string | null = '说明'): Record<string, unknown> {
  return {
    criterion: { type: 'String', value: criterion, valueInfo: {} },
    label: { type: 'String', value: label, valueInfo: {} },
    maxScore: { type: 'Integer', value: maxScore, valueInfo: {} },
    guidance: guidance === null ? { type: 'Null', value: null, valueInfo: {} } : { type: 'String', value: guidance, valueInfo: {} },
    order: { type: 'Integer', value: order, valueInfo: {} },
  };
}

describe('defaultRubric', () => {
  it('holds the notice’s three criteria, 40 + 30 + 30 = 100', () => {
    expect(defaultRubric.map(({ code, label, maxScore }) => [code, label, maxScore])).toEqual([
      ['foundation', '发展基础好', 40],
      ['innovation', '创新模式优', 30],
      ['promotion', '推广意义大', 30],
    ]);
    expect(defaultRubric.every((criterion) => criterion.guidance.length > 0)).toBe(true);
  });

  it('is what the decision table rows of the same criteria parse to, apart from guidance', () => {
    const rows = defaultRubric.map((criterion, index) => row(criterion.code, criterion.label, criterion.maxScore, index + 1, criterion.guidance));
    expect(rubricFromDecisionRows(rows)).toEqual(defaultRubric);
  });
});

describe('rubricFromDecisionRows', () => {
  it('sorts by order, then by code, and reads a null or missing guidance as empty', () => {
    // given
    const withoutGuidance = row('b-two', '第二项', 30, 2);
    delete withoutGuidance.guidance;
    const rows = [row('c-three', '第三项', 30, 2, null), withoutGuidance, row('a-one', '第一项', 40, 1, '  细则  ')];
    // when
    const rubric = rubricFromDecisionRows(rows);
    // then
    expect(rubric).toEqual([
      { code: 'a-one', label: '第一项', maxScore: 40, guidance: '细则' },
      { code: 'b-two', label: '第二项', maxScore: 30, guidance: '' },
      { code: 'c-three', label: '第三项', maxScore: 30, guidance: '' },
    ]);
  });

  it('accepts a Double maxScore of whole tenths', () => {
    const rows = [{ ...row('a', '甲', 1, 1), maxScore: { type: 'Double', value: 12.5, valueInfo: {} } }];
    expect(rubricFromDecisionRows(rows)[0]!.maxScore).toBe(12.5);
  });

  it.each([
    ['no rows', [], '没有返回任何评分项'],
    ['not an array', { criterion: 'a' }, '没有返回任何评分项'],
    ['a row that is no object', ['foundation'], '第1行不是有效的结果'],
    ['a duplicate code', [row('a', '甲', 40, 1), row('a', '乙', 30, 2)], '评分项代码“a”重复'],
    ['maxScore 0', [row('a', '甲', 0, 1)], '满分（maxScore）应在1至100分之间'],
    ['maxScore 101', [row('a', '甲', 101, 1)], '满分（maxScore）应在1至100分之间'],
    ['maxScore 12.25', [row('a', '甲', 12.25, 1)], '最多保留一位小数'],
    ['a code with a capital', [row('Foundation', '甲', 40, 1)], '评分项代码（criterion）'],
    ['a code of 41 characters', [row(`a${'b'.repeat(40)}`, '甲', 40, 1)], '评分项代码（criterion）'],
    ['an empty label', [row('a', '  ', 40, 1)], '评分项名称（label）应为1至30个字'],
    ['a label of 31 characters', [row('a', '字'.repeat(31), 40, 1)], '评分项名称（label）应为1至30个字'],
    ['an order of 1.5', [row('a', '甲', 40, 1.5)], '排序（order）应为整数'],
    ['a missing order', [{ ...row('a', '甲', 40, 1), order: undefined }], '排序（order）应为整数'],
    ['a number as criterion', [{ ...row('a', '甲', 40, 1), criterion: { type: 'Integer', value: 7 } }], '评分项代码（criterion）'],
    ['a total of 1100', Array.from({ length: 11 }, (_, index) => row(`c${index}`, `第${index}项`, 100, index)), '合计为1100分，应在1至1000分之间'],
  ])('refuses %s', (_, rows, message) => {
    expect(() => rubricFromDecisionRows(rows)).toThrow(message);
  });

  it('accepts the limits themselves: a code of 40 characters, a label of 30, maxScore 1 and 100, a total of 1000', () => {
    const rows = Array.from({ length: 10 }, (_, index) => row(`c${index}`, '字'.repeat(30), 100, index));
    rows.push(row(`a${'b'.repeat(39)}`, '甲', 1, 99));
    expect(() => rubricFromDecisionRows(rows.slice(0, 10))).not.toThrow();
    expect(() => rubricFromDecisionRows(rows)).toThrow('合计为1001分');
    expect(rubricFromDecisionRows([rows[10]!])[0]!.code).toHaveLength(40);
  });

  it('names the row and every wrong output of it', () => {
    const rows = [row('a', '甲', 40, 1), { ...row('b', '', 200, 2) }];
    expect(() => rubricFromDecisionRows(rows)).toThrow('评分标准决策表第2行的评分项名称（label）应为1至30个字；满分（maxScore）应在1至100分之间，最多保留一位小数。');
  });
});

describe('checkScores', () => {
  it('accepts scores within range and one decimal, and totals them without drift', () => {
    const result = checkScores(defaultRubric, { foundation: 35.5, innovation: 20.1, promotion: 20.2 });
    expect(result).toEqual({ ok: true, total: 75.8, scores: { foundation: 35.5, innovation: 20.1, promotion: 20.2 } });
  });

  it('accepts both ends of the range', () => {
    expect(checkScores(defaultRubric, { foundation: 0, innovation: 30, promotion: 0 })).toEqual({ ok: true, total: 30, scores: { foundation: 0, innovation: 30, promotion: 0 } });
  });

  it.each([
    ['above the maximum', { foundation: 40.1, innovation: 20, promotion: 20 }, ['“发展基础好”的得分应在0至40分之间。']],
    ['below zero', { foundation: 30, innovation: -0.1, promotion: 20 }, ['“创新模式优”的得分应在0至30分之间。']],
    ['two decimals', { foundation: 35.25, innovation: 20, promotion: 20 }, ['“发展基础好”的得分最多保留一位小数。']],
    ['a missing criterion', { foundation: 30, innovation: 20 }, ['缺少“推广意义大”的得分。']],
    ['a null score', { foundation: 30, innovation: 20, promotion: null }, ['缺少“推广意义大”的得分。']],
    ['an unknown criterion', { foundation: 30, innovation: 20, promotion: 20, extra: 5 }, ['评分标准中没有“extra”。']],
    ['a string score', { foundation: '30', innovation: 20, promotion: 20 }, ['“发展基础好”的得分应为0至40分之间的数字。']],
    ['an infinite score', { foundation: Infinity, innovation: 20, promotion: 20 }, ['“发展基础好”的得分应为0至40分之间的数字。']],
    ['NaN', { foundation: 30, innovation: Number.NaN, promotion: 20 }, ['“创新模式优”的得分应为0至30分之间的数字。']],
    ['out of range with two decimals', { foundation: 45.25, innovation: 20, promotion: 20 }, ['“发展基础好”的得分应在0至40分之间。', '“发展基础好”的得分最多保留一位小数。']],
  ])('refuses a score %s', (_, scores, problems) => {
    expect(checkScores(defaultRubric, scores)).toEqual({ ok: false, problems });
  });

  it('lists every problem at once', () => {
    const result = checkScores(defaultRubric, { foundation: 41, other: 1 });
    expect(result).toEqual({
      ok: false,
      problems: ['“发展基础好”的得分应在0至40分之间。', '缺少“创新模式优”的得分。', '缺少“推广意义大”的得分。', '评分标准中没有“other”。'],
    });
  });

  it.each([null, [30, 20, 20], 'foundation=30', 75])('refuses %j as scores', (scores) => {
    expect(checkScores(defaultRubric, scores)).toEqual({ ok: false, problems: ['评分应按评分项逐项填写。'] });
  });
});

describe('hasAtMostOneDecimal', () => {
  it.each([
    [35, true],
    [35.5, true],
    [0.1 + 0.2, false],
    [0.3, true],
    [35.25, false],
    [99.9, true],
    [Number.NaN, false],
  ])('%d → %s', (value, expected) => {
    expect(hasAtMostOneDecimal(value)).toBe(expected);
  });
});
