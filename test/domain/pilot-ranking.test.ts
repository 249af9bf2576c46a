import { describe, expect, it } from 'vitest';
import { rankProjects, type RankingEntry } from '../../domain/pilot-ranking.js';

function entry(projectId: string, score: number | null, priorityRank: number | null = null, submittedAt = '2021-12-10T09:00:00Z'): RankingEntry {
  return { projectId, score, priorityRank, submittedAt };
}

/** The ranking as [projectId, rank, decidedBy] rows. */
function ranked(entries: RankingEntry[]) {
  return rankProjects(entries).map(({ projectId, rank, decidedBy }) => [projectId, rank, decidedBy]);
}

describe('rankProjects', () => {
  it('ranks by score, highest first, each separated by its score', () => {
    expect(ranked([entry('P1', 80), entry('P2', 92.5), entry('P3', 85.33)])).toEqual([
      ['P2', 1, null],
      ['P3', 2, 'score'],
      ['P1', 3, 'score'],
    ]);
  });

  it('puts projects without a score last', () => {
    expect(ranked([entry('P1', null, 1), entry('P2', 0), entry('P3', 60)])).toEqual([
      ['P3', 1, null],
      ['P2', 2, 'score'],
      ['P1', 3, 'score'],
    ]);
  });

  it('breaks a score tie by priority, lower rank first, no priority last', () => {
    expect(ranked([entry('P1', 85, null), entry('P2', 85, 3), entry('P3', 85, 1)])).toEqual([
      ['P3', 1, null],
      ['P2', 2, 'priority'],
      ['P1', 3, 'priority'],
    ]);
  });

  it('breaks a score and priority tie by the earlier submission', () => {
    expect(ranked([entry('P1', 85, 2, '2021-12-15T08:00:00Z'), entry('P2', 85, 2, '2021-12-15T07:59:59Z')])).toEqual([
      ['P2', 1, null],
      ['P1', 2, 'submission'],
    ]);
  });

  it('compares submissions as instants, not as strings', () => {
    // 16:00 in Beijing is 08:00 UTC: the same instant, so only the project id separates them.
    expect(ranked([entry('P2', 85, null, '2021-12-15T16:00:00+08:00'), entry('P1', 85, null, '2021-12-15T08:00:00Z')])).toEqual([
      ['P1', 1, null],
      ['P2', 2, 'project-id'],
    ]);
  });

  it('breaks a tie on everything by project id, whatever the input order', () => {
    const entries = [entry('P10', 85), entry('P02', 85), entry('P1', 85)];
    const expected = [
      ['P02', 1, null],
      ['P1', 2, 'project-id'],
      ['P10', 3, 'project-id'],
    ];
    expect(ranked(entries)).toEqual(expected);
    expect(ranked([...entries].reverse())).toEqual(expected);
  });

  it('goes through every tie-breaker in one ranking, naming what separated each from the one above', () => {
    const entries = [
      entry('G', null, null),
      entry('F', null, 1),
      entry('E', 80, null, '2021-12-01T00:00:00Z'),
      entry('D', 80, 2, '2021-12-02T00:00:00Z'),
      entry('C', 80, 2, '2021-12-02T00:00:00Z'),
      entry('B', 80, 2, '2021-12-01T00:00:00Z'),
      entry('A', 90, null),
    ];
    expect(ranked(entries)).toEqual([
      ['A', 1, null],
      ['B', 2, 'score'],
      ['C', 3, 'submission'],
      ['D', 4, 'project-id'],
      ['E', 5, 'priority'],
      ['F', 6, 'score'],
      ['G', 7, 'priority'],
    ]);
  });

  it('keeps every field of the entry', () => {
    const [first] = rankProjects([entry('P1', 88.5, 2, '2021-12-10T09:00:00Z')]);
    expect(first).toEqual({ projectId: 'P1', score: 88.5, priorityRank: 2, submittedAt: '2021-12-10T09:00:00Z', rank: 1, decidedBy: null });
  });

  it('ranks nothing as nothing', () => {
    expect(rankProjects([])).toEqual([]);
  });

  it.each([
    ['a project twice', [entry('P1', 80), entry('P1', 70)], '重复的项目'],
    ['an invalid submission time', [entry('P1', 80, null, '2021-13-45')], '“P1”的提交时间无效'],
    ['a NaN score', [entry('P1', Number.NaN)], '“P1”的评分无效'],
  ])('refuses %s', (_, entries, message) => {
    expect(() => rankProjects(entries)).toThrow(message);
  });
});
