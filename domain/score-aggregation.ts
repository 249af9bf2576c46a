// Aggregation of one panel's totals into the project's score (LIFECYCLE.md stage 4b): the officer's exclusions,
// 去掉一个最高分和一个最低分 from trimFrom totals on, the median and range the officer watches, and the outliers.
//
// Totals are whole tenths (checkScores rounds them so), and every sum, median and comparison below is done on
// integer tenths (or twentieths, for a median between two totals), so no 0.1 + 0.2 drift moves a score or a flag.
import { z } from 'zod';
import { hasAtMostOneDecimal } from './review-rubric.js';

/** The configurable thresholds of the aggregation. */
export interface AggregationSettings {
  /** A total further than this from the panel median is an outlier. */
  outlierPoints: number;
  /** A panel whose range exceeds this goes to the consensus step. */
  consensusRange: number;
  /** From this many totals on, the highest and the lowest are dropped. */
  trimFrom: number;
}

/** The shipped settings: 15 points, 30 points, trimmed from 5 totals. */
export const defaultAggregationSettings: AggregationSettings = { outlierPoints: 15, consensusRange: 30, trimFrom: 5 };

/** One seat's total; a seat with an excludedReason was excluded by the officer. */
export interface SeatTotal {
  seatId: string;
  total: number;
  excludedReason?: string | null;
}

/** What the aggregation made of a panel's totals, with everything the officer needs to see why. */
export interface PanelAggregate {
  /** Seat ids whose total enters the average (after exclusion and trimming), in input order. */
  counted: string[];
  excluded: { seatId: string; reason: string }[];
  dropped: { seatId: string; total: number; which: 'highest' | 'lowest' }[];
  /** none: no total left. */
  method: 'trimmed-mean' | 'mean' | 'none';
  /** Rounded to 2 decimals, half away from zero. */
  score: number | null;
  /** Of the non-excluded totals. */
  median: number | null;
  /** max − min of the non-excluded totals. */
  range: number | null;
  /** Non-excluded totals with |total − median| > outlierPoints, in input order. */
  outliers: { seatId: string; total: number; distance: number }[];
  /** range > consensusRange. */
  needsConsensus: boolean;
}

/**
 * Aggregates one panel's totals (LIFECYCLE.md 4b): exclusions first, then drop highest and lowest at ≥ trimFrom.
 * Ties: the highest dropped is, among the seats with the highest total, the one with the smallest seatId (compared
 * by code units); the lowest likewise among the remaining seats. The score does not depend on it, only the record.
 */
export function aggregatePanel(totals: readonly SeatTotal[], settings: AggregationSettings = defaultAggregationSettings): PanelAggregate {
  const { outlierTenths, consensusTenths, trimFrom } = checkedSettings(settings);
  checkTotals(totals);
  const excluded = totals.flatMap(({ seatId, excludedReason }) => (isExcluded(excludedReason) ? [{ seatId, reason: excludedReason.trim() }] : []));
  const kept = totals.filter(({ excludedReason }) => !isExcluded(excludedReason)).map((seat) => ({ ...seat, tenths: Math.round(seat.total * 10) }));
  if (kept.length === 0) {
    return { counted: [], excluded, dropped: [], method: 'none', score: null, median: null, range: null, outliers: [], needsConsensus: false };
  }

  const dropped: PanelAggregate['dropped'] = [];
  if (kept.length >= trimFrom) {
    const highest = pick(kept, (left, right) => right.tenths - left.tenths);
    const lowest = pick(kept.filter((seat) => seat !== highest), (left, right) => left.tenths - right.tenths);
    dropped.push({ seatId: highest.seatId, total: highest.total, which: 'highest' }, { seatId: lowest.seatId, total: lowest.total, which: 'lowest' });
  }
  const droppedIds = new Set(dropped.map((seat) => seat.seatId));
  const counted = kept.filter((seat) => !droppedIds.has(seat.seatId));
  const sumTenths = counted.reduce((sum, seat) => sum + seat.tenths, 0);

  const sorted = kept.map((seat) => seat.tenths).sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  // Twice the median in tenths: an integer whether the count is odd or even.
  const medianTwentieths = sorted.length % 2 === 1 ? 2 * sorted[middle]! : sorted[middle - 1]! + sorted[middle]!;
  const rangeTenths = sorted[sorted.length - 1]! - sorted[0]!;
  const outliers = kept.flatMap((seat) => {
    const distance = Math.abs(2 * seat.tenths - medianTwentieths);
    return distance > 2 * outlierTenths ? [{ seatId: seat.seatId, total: seat.total, distance: distance / 20 }] : [];
  });

  return {
    counted: counted.map((seat) => seat.seatId),
    excluded,
    dropped,
    method: dropped.length > 0 ? 'trimmed-mean' : 'mean',
    score: hundredthsOfMean(sumTenths, counted.length) / 100,
    median: medianTwentieths / 20,
    range: rangeTenths / 10,
    outliers,
    needsConsensus: rangeTenths > consensusTenths,
  };
}

// helpers

const tenthsSetting = (label: string) => {
  const error = `${label}应为大于0的数，最多保留一位小数。`;
  return z.number({ error }).positive({ error }).refine(hasAtMostOneDecimal, { error });
};
const trimFromError = '去掉最高分和最低分的最少评分人数（trimFrom）应为不小于3的整数。';

const settingsSchema = z.object({
  outlierPoints: tenthsSetting('偏离中位数的提示分差（outlierPoints）'),
  consensusRange: tenthsSetting('需要合议的极差（consensusRange）'),
  trimFrom: z.number({ error: trimFromError }).int({ error: trimFromError }).min(3, { error: trimFromError }),
});

function checkedSettings(settings: AggregationSettings): { outlierTenths: number; consensusTenths: number; trimFrom: number } {
  const parsed = settingsSchema.safeParse(settings);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join(''));
  const { outlierPoints, consensusRange, trimFrom } = parsed.data;
  return { outlierTenths: Math.round(outlierPoints * 10), consensusTenths: Math.round(consensusRange * 10), trimFrom };
}

function checkTotals(totals: readonly SeatTotal[]): void {
  const seen = new Set<string>();
  for (const { seatId, total, excludedReason } of totals) {
    if (seen.has(seatId)) throw new Error(`评分席位“${seatId}”重复。`);
    seen.add(seatId);
    if (!Number.isFinite(total) || total < 0) throw new Error(`评分席位“${seatId}”的总分应为不小于0的数。`);
    if (!hasAtMostOneDecimal(total)) throw new Error(`评分席位“${seatId}”的总分最多保留一位小数。`);
    if (typeof excludedReason === 'string' && excludedReason.trim() === '') throw new Error('排除评分须填写理由。');
  }
}

function isExcluded(reason: string | null | undefined): reason is string {
  return typeof reason === 'string';
}

/** The first seat by the order, ties by the smallest seatId in code-unit order. */
function pick<T extends { seatId: string }>(seats: readonly T[], order: (left: T, right: T) => number): T {
  return [...seats].sort((left, right) => order(left, right) || (left.seatId < right.seatId ? -1 : left.seatId > right.seatId ? 1 : 0))[0]!;
}

/** The mean of totals given in tenths, in hundredths, rounded half away from zero (totals are never negative). */
function hundredthsOfMean(sumTenths: number, count: number): number {
  // sumTenths / count tenths = 10 × sumTenths / count hundredths; + ½ then floor, in integers.
  return Math.floor((20 * sumTenths + count) / (2 * count));
}
