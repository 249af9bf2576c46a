import { describe, expect, it } from 'vitest';
import { proposalProblems, type Candidate, type SelectionLimits } from '../../domain/pilot-selection.js';

const noLimits: SelectionLimits = { perDirection: null, perUnit: null };

function candidate(projectId: string, direction: 'platform' | 'model', unit: 'sjz' | 'ts', score: number | null = 85): Candidate {
  return {
    projectId,
    projectNumber: `HB2021-${projectId}`,
    direction,
    directionLabel: direction === 'platform' ? '企业级工业互联网平台' : '新模式应用',
    unitId: unit === 'sjz' ? '130100' : '130200',
    unitName: unit === 'sjz' ? '石家庄市' : '唐山市',
    score,
  };
}

const candidates = [
  candidate('p1', 'platform', 'sjz'),
  candidate('p2', 'platform', 'ts'),
  candidate('p3', 'platform', 'sjz'),
  candidate('p4', 'model', 'sjz'),
  candidate('p5', 'model', 'ts', null),
];

describe('proposalProblems', () => {
  it('finds nothing wrong with a proposal of scored candidates and no limits', () => {
    expect(proposalProblems(candidates, ['p1', 'p2', 'p3', 'p4'], noLimits)).toEqual([]);
  });

  it('asks for at least one project', () => {
    expect(proposalProblems(candidates, [], noLimits)).toEqual(['请至少选择一个项目。']);
  });

  it('refuses a project that is not among the candidates', () => {
    expect(proposalProblems(candidates, ['p1', 'x9'], noLimits)).toEqual(['项目 x9 不在评审排名中，不能提为试点。']);
  });

  it('refuses a duplicate once, however often it is repeated', () => {
    expect(proposalProblems(candidates, ['p1', 'p2', 'p1', 'p1'], noLimits)).toEqual(['项目 HB2021-p1 重复选择。']);
  });

  it('refuses a project without a score', () => {
    expect(proposalProblems(candidates, ['p1', 'p5'], noLimits)).toEqual(['项目 HB2021-p5 没有有效评分，不能提为试点。']);
  });

  it('accepts exactly the limit per direction and refuses one over, naming the direction, the count and the limit', () => {
    const limits = { perDirection: 2, perUnit: null };
    expect(proposalProblems(candidates, ['p1', 'p2', 'p4'], limits)).toEqual([]);
    expect(proposalProblems(candidates, ['p1', 'p2', 'p3', 'p4'], limits)).toEqual([
      '“企业级工业互联网平台”方向选择了3个项目，超过每个方向最多2个的限制。',
    ]);
  });

  it('accepts exactly the limit per unit and refuses one over, naming the unit', () => {
    const limits = { perDirection: null, perUnit: 2 };
    expect(proposalProblems(candidates, ['p1', 'p2', 'p3'], limits)).toEqual([]);
    expect(proposalProblems(candidates, ['p1', 'p3', 'p4'], limits)).toEqual(['石家庄市选择了3个项目，超过每个单位最多2个的限制。']);
  });

  it('counts a duplicated project once against the limits', () => {
    expect(proposalProblems(candidates, ['p1', 'p1', 'p4'], { perDirection: 1, perUnit: 2 })).toEqual(['项目 HB2021-p1 重复选择。']);
  });

  it('lists every problem at once', () => {
    const problems = proposalProblems(candidates, ['p1', 'p3', 'p4', 'p5', 'zz', 'p3'], { perDirection: 1, perUnit: 1 });
    expect(problems).toEqual([
      '项目 HB2021-p5 没有有效评分，不能提为试点。',
      '项目 zz 不在评审排名中，不能提为试点。',
      '项目 HB2021-p3 重复选择。',
      '“企业级工业互联网平台”方向选择了2个项目，超过每个方向最多1个的限制。',
      '“新模式应用”方向选择了2个项目，超过每个方向最多1个的限制。',
      '石家庄市选择了3个项目，超过每个单位最多1个的限制。',
    ]);
  });

  it.each([
    [{ perDirection: 0, perUnit: null }, '每个方向的试点数量上限应为不小于1的整数'],
    [{ perDirection: 1.5, perUnit: null }, '每个方向的试点数量上限应为不小于1的整数'],
    [{ perDirection: null, perUnit: -1 }, '每个单位的试点数量上限应为不小于1的整数'],
    [{ perDirection: null, perUnit: Number.POSITIVE_INFINITY }, '每个单位的试点数量上限应为不小于1的整数'],
  ])('refuses the limits %j', (limits, message) => {
    expect(() => proposalProblems(candidates, ['p1'], limits)).toThrow(message);
  });

  it('accepts a limit of 1, the smallest allowed', () => {
    expect(proposalProblems(candidates, ['p1'], { perDirection: 1, perUnit: 1 })).toEqual([]);
  });

  it('refuses candidates listed twice', () => {
    expect(() => proposalProblems([...candidates, candidates[0]!], ['p1'], noLimits)).toThrow('候选名单中有重复的项目');
  });
});
