import { describe, expect, it } from 'vitest';
import { aggregatePanel, defaultAggregationSettings, type SeatTotal } from '../../domain/score-aggregation.js';

/** Seats S1, S2, … with these totals. */
function seats(...totals: number[]): SeatTotal[] {
  return totals.map((total, index) => ({ seatId: `S${index + 1}`, total }));
}

describe('aggregatePanel: trimming', () => {
  it('drops the highest and the lowest of exactly 5 totals and averages the other 3', () => {
    const result = aggregatePanel(seats(80, 90, 70, 85, 75));
    expect(result.method).toBe('trimmed-mean');
    expect(result.dropped).toEqual([
      { seatId: 'S2', total: 90, which: 'highest' },
      { seatId: 'S3', total: 70, which: 'lowest' },
    ]);
    expect(result.counted).toEqual(['S1', 'S4', 'S5']);
    expect(result.score).toBe(80);
  });

  it('averages all of 4 totals', () => {
    const result = aggregatePanel(seats(80, 90, 70, 85));
    expect(result.method).toBe('mean');
    expect(result.dropped).toEqual([]);
    expect(result.counted).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(result.score).toBe(81.25);
  });

  it('excludes first: an exclusion bringing 5 totals down to 4 leaves the plain mean', () => {
    // given
    const totals = seats(80, 90, 70, 85, 75);
    totals[1] = { ...totals[1]!, excludedReason: '  专家未按评分细则打分  ' };
    // when
    const result = aggregatePanel(totals);
    // then
    expect(result.excluded).toEqual([{ seatId: 'S2', reason: '专家未按评分细则打分' }]);
    expect(result.method).toBe('mean');
    expect(result.counted).toEqual(['S1', 'S3', 'S4', 'S5']);
    expect(result.score).toBe(77.5);
    expect(result.median).toBe(77.5);
    expect(result.range).toBe(15);
  });

  it('on a tie at the top drops the tied seat with the smallest seatId, in code-unit order', () => {
    const totals: SeatTotal[] = [
      { seatId: 'b', total: 90 },
      { seatId: 'a', total: 90 },
      { seatId: 'c', total: 80 },
      { seatId: 'd', total: 70 },
      { seatId: 'B', total: 85 },
    ];
    const result = aggregatePanel(totals);
    expect(result.dropped).toEqual([
      { seatId: 'a', total: 90, which: 'highest' },
      { seatId: 'd', total: 70, which: 'lowest' },
    ]);
    expect(result.counted).toEqual(['b', 'c', 'B']);
    expect(result.score).toBe(85);
  });

  it('on a tie at the bottom drops the tied seat with the smallest seatId', () => {
    const totals: SeatTotal[] = [
      { seatId: 'S9', total: 60 },
      { seatId: 'S10', total: 60 },
      { seatId: 'S1', total: 90 },
      { seatId: 'S2', total: 75 },
      { seatId: 'S3', total: 80 },
    ];
    expect(aggregatePanel(totals).dropped).toEqual([
      { seatId: 'S1', total: 90, which: 'highest' },
      { seatId: 'S10', total: 60, which: 'lowest' },
    ]);
  });

  it('with all totals equal drops two different seats, the two smallest seatIds', () => {
    const result = aggregatePanel(seats(80, 80, 80, 80, 80));
    expect(result.dropped.map(({ seatId, which }) => [seatId, which])).toEqual([
      ['S1', 'highest'],
      ['S2', 'lowest'],
    ]);
    expect(result.counted).toEqual(['S3', 'S4', 'S5']);
    expect(result.score).toBe(80);
  });

  it('trims from the configured count on', () => {
    const settings = { ...defaultAggregationSettings, trimFrom: 3 };
    expect(aggregatePanel(seats(70, 80, 95), settings)).toMatchObject({ method: 'trimmed-mean', counted: ['S2'], score: 80 });
    expect(aggregatePanel(seats(70, 95), settings)).toMatchObject({ method: 'mean', score: 82.5 });
  });
});

describe('aggregatePanel: no score left', () => {
  it.each([
    ['no seats', []],
    ['every seat excluded', [{ seatId: 'S1', total: 80, excludedReason: '回避' }]],
  ])('gives no score for %s', (_, totals) => {
    expect(aggregatePanel(totals)).toEqual({
      counted: [],
      excluded: totals.map(({ seatId, excludedReason }) => ({ seatId, reason: excludedReason })),
      dropped: [],
      method: 'none',
      score: null,
      median: null,
      range: null,
      outliers: [],
      needsConsensus: false,
    });
  });
});

describe('aggregatePanel: arithmetic', () => {
  it('rounds the mean on exact tenths where floating point would drift below the half', () => {
    const totals = [80, 80.1, 80.1, 80.1];
    // The naive float mean is 80.07499999999999 and would round to 80.07; the true mean is 80.075.
    const naive = totals.reduce((sum, total) => sum + total, 0) / totals.length;
    expect(Math.round(naive * 100) / 100).toBe(80.07);
    expect(aggregatePanel(seats(...totals)).score).toBe(80.08);
  });

  it('rounds a third to two decimals', () => {
    expect(aggregatePanel(seats(80, 80, 80.1)).score).toBe(80.03);
    expect(aggregatePanel(seats(80, 80.1, 80.1)).score).toBe(80.07);
  });

  it('gives the median between two middle totals exactly', () => {
    expect(aggregatePanel(seats(85.1, 85.2, 70, 90)).median).toBe(85.15);
  });
});

describe('aggregatePanel: outliers', () => {
  it('flags a total 15.1 from the median but not one exactly 15 from it', () => {
    // given: median 80 (of 64.9, 80, 80, 80, 95)
    const result = aggregatePanel(seats(64.9, 80, 80, 80, 95));
    // then
    expect(result.median).toBe(80);
    expect(result.outliers).toEqual([{ seatId: 'S1', total: 64.9, distance: 15.1 }]);
  });

  it('does not flag a total exactly 15 from the median where floats would put it over', () => {
    // 16.1 − 1.1 is 15.000000000000002 in floats; in tenths it is 15.
    expect(16.1 - 1.1).toBeGreaterThan(15);
    expect(aggregatePanel(seats(1.1, 16.1, 16.1)).outliers).toEqual([]);
  });

  it('measures from the median of the non-excluded totals, before trimming, and flags in input order', () => {
    const totals: SeatTotal[] = [
      { seatId: 'S1', total: 99 },
      { seatId: 'S2', total: 80 },
      { seatId: 'S3', total: 20, excludedReason: '评分明显有误' },
      { seatId: 'S4', total: 81 },
      { seatId: 'S5', total: 79 },
      { seatId: 'S6', total: 60 },
    ];
    const result = aggregatePanel(totals);
    expect(result.median).toBe(80);
    expect(result.outliers).toEqual([
      { seatId: 'S1', total: 99, distance: 19 },
      { seatId: 'S6', total: 60, distance: 20 },
    ]);
    // The dropped highest and lowest are still outliers: the officer sees them.
    expect(result.dropped.map((seat) => seat.seatId)).toEqual(['S1', 'S6']);
  });

  it('uses the configured distance', () => {
    const settings = { ...defaultAggregationSettings, outlierPoints: 5 };
    expect(aggregatePanel(seats(80, 80, 85, 74.9), settings).outliers.map((seat) => seat.seatId)).toEqual(['S4']);
  });
});

describe('aggregatePanel: consensus', () => {
  it('asks for consensus when the range exceeds 30, not when it is exactly 30', () => {
    expect(aggregatePanel(seats(60, 75, 90))).toMatchObject({ range: 30, needsConsensus: false });
    expect(aggregatePanel(seats(60, 75, 90.5))).toMatchObject({ range: 30.5, needsConsensus: true });
  });

  it('measures the range without the excluded totals', () => {
    const totals: SeatTotal[] = [...seats(60, 75, 80), { seatId: 'S4', total: 95, excludedReason: '与项目存在利害关系' }];
    expect(aggregatePanel(totals)).toMatchObject({ range: 20, needsConsensus: false });
  });

  it('measures the range exactly where floats would not', () => {
    // 32.2 − 2.2 is 30.000000000000004 in floats; in tenths it is 30.
    expect(32.2 - 2.2).toBeGreaterThan(30);
    expect(aggregatePanel(seats(2.2, 32.2))).toMatchObject({ range: 30, needsConsensus: false });
  });
});

describe('aggregatePanel: refused input', () => {
  it.each([
    ['an empty reason', [{ seatId: 'S1', total: 80, excludedReason: '' }], '排除评分须填写理由。'],
    ['a whitespace reason', [{ seatId: 'S1', total: 80, excludedReason: ' \n ' }], '排除评分须填写理由。'],
    ['a negative total', seats(80, -1), '“S2”的总分应为不小于0的数'],
    ['an infinite total', seats(Infinity), '“S1”的总分应为不小于0的数'],
    ['NaN', seats(Number.NaN), '“S1”的总分应为不小于0的数'],
    ['a total of two decimals', seats(80.25), '“S1”的总分最多保留一位小数'],
    ['a seat twice', [...seats(80), ...seats(70)], '“S1”重复'],
  ])('refuses %s', (_, totals, message) => {
    expect(() => aggregatePanel(totals)).toThrow(message);
  });

  it.each([
    [{ outlierPoints: 0 }, '提示分差（outlierPoints）应为大于0的数'],
    [{ outlierPoints: 15.05 }, '提示分差（outlierPoints）应为大于0的数，最多保留一位小数'],
    [{ consensusRange: -30 }, '极差（consensusRange）应为大于0的数'],
    [{ consensusRange: Number.NaN }, '极差（consensusRange）应为大于0的数'],
    [{ trimFrom: 2 }, '（trimFrom）应为不小于3的整数'],
    [{ trimFrom: 4.5 }, '（trimFrom）应为不小于3的整数'],
  ])('refuses settings %j', (change, message) => {
    expect(() => aggregatePanel(seats(80), { ...defaultAggregationSettings, ...change })).toThrow(message);
  });

  it('accepts trimFrom 3, the smallest allowed', () => {
    expect(() => aggregatePanel(seats(80), { ...defaultAggregationSettings, trimFrom: 3 })).not.toThrow();
  });
});

describe('aggregatePanel against a straightforward reimplementation', () => {
  it('agrees on 2000 random panels', () => {
    const random = mulberry32(20260615);
    for (let run = 0; run < 2000; run++) {
      // given: 0–8 seats, totals in tenths (clustered so that ties happen), some excluded
      const size = Math.floor(random() * 9);
      const totals: SeatTotal[] = Array.from({ length: size }, (_, index) => ({
        seatId: `S${Math.floor(random() * 1000)}-${index}`,
        total: (random() < 0.3 ? 800 + Math.floor(random() * 3) : Math.floor(random() * 1001)) / 10,
        excludedReason: random() < 0.15 ? '理由' : null,
      }));
      const trimFrom = 3 + Math.floor(random() * 4);
      const settings = { outlierPoints: 15, consensusRange: 30, trimFrom };
      // when
      const result = aggregatePanel(totals, settings);
      // then
      const expected = reference(totals, trimFrom);
      expect(result.score, JSON.stringify({ totals, trimFrom })).toBe(expected.score);
      expect(result.method).toBe(expected.method);
      expect(result.median).toBe(expected.median);
      expect(result.range).toBe(expected.range);
      expect(result.needsConsensus).toBe(expected.range !== null && expected.range > 30);
      expect(result.outliers.map((seat) => seat.seatId)).toEqual(expected.outlierIds);
      const kept = totals.filter((seat) => !seat.excludedReason);
      expect(result.counted.length + result.dropped.length).toBe(kept.length);
      if (result.dropped.length > 0) {
        expect(result.dropped.map((seat) => seat.total)).toEqual([Math.max(...kept.map((seat) => seat.total)), Math.min(...kept.map((seat) => seat.total))]);
      }
    }
  });
});

// helpers

/** Sort, slice, average: the rule as a person would compute it, on tenths so that only the method is compared. */
function reference(totals: readonly SeatTotal[], trimFrom: number) {
  const kept = totals.filter((seat) => !seat.excludedReason);
  if (kept.length === 0) return { score: null, method: 'none', median: null, range: null, outlierIds: [] };
  const tenths = kept.map((seat) => Math.round(seat.total * 10)).sort((left, right) => left - right);
  const counted = tenths.length >= trimFrom ? tenths.slice(1, -1) : tenths;
  const sum = counted.reduce((total, value) => total + value, 0);
  const middle = Math.floor(tenths.length / 2);
  const median = tenths.length % 2 === 1 ? tenths[middle]! / 10 : (tenths[middle - 1]! + tenths[middle]!) / 20;
  return {
    score: Math.round((sum * 10) / counted.length) / 100,
    method: tenths.length >= trimFrom ? 'trimmed-mean' : 'mean',
    median,
    range: (tenths[tenths.length - 1]! - tenths[0]!) / 10,
    outlierIds: kept.filter((seat) => Math.abs(Math.round(seat.total * 10) - median * 10) > 150 + 1e-9).map((seat) => seat.seatId),
  };
}

/** A small seeded PRNG, so a failing panel can be reproduced. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
