import { z } from 'zod';
import { unitIds } from '../../../domain/units.js';
import { timestamp } from './common.js';
import { unitFigure } from './recommendations.js';

// The indicators page (附件1 指标分配表): all units of a call in one table, saved together, imported and exported as
// Excel (routes/indicators.ts); the unit's own dashboard (routes/dashboard.ts).

/** One row of the indicators table: the unit's indicator (null = none set) and what it recommended so far. */
export const indicatorRow = z.object({ unitId: z.string(), unitName: z.string(), target: z.number().nullable(), isCap: z.boolean(), recommended: z.number() });

export const indicatorTable = z.object({
  callId: z.string(),
  callTitle: z.string(),
  /** 全省重点项目培育数量不少于…项. */
  provinceFloor: z.number(),
  /** The sum of the units' targets (caps included). */
  totalTarget: z.number(),
  totalRecommended: z.number(),
  units: z.array(indicatorRow),
});

const unitIndicator = z.object({
  unitId: z.enum(unitIds),
  target: z.number({ error: '请填写培育指标' }).int('培育指标须为整数').min(0, '培育指标不能为负数').max(10_000, '培育指标不能超过 10000'),
  isCap: z.boolean(),
});

/** Every indicator of a call at once; units left out have none afterwards. */
export const indicatorsReplacement = z.object({
  indicators: z.array(unitIndicator).max(unitIds.length).refine((list) => new Set(list.map((i) => i.unitId)).size === list.length, '每个推荐单位只能出现一次'),
});

/** A batch's state as its unit sees it. */
export const batchState = z.enum(['not-started', 'started', 'table-rendered', 'submitted']);

/** 本单位概况: the reviewer's own unit's figures in a call, its batch and its deadlines. */
export const myUnitDashboard = z.object({
  callId: z.string(),
  callTitle: z.string(),
  figures: unitFigure,
  batch: z.object({ state: batchState, renderedAt: timestamp.nullable(), submittedAt: timestamp.nullable() }),
  deadlines: z.object({
    opensAt: timestamp,
    /** The call's enterprise deadline. */
    callEnterpriseDeadline: timestamp,
    /** The unit's own enterprise deadline, when it set one. */
    unitEnterpriseDeadline: timestamp.nullable(),
    /** The units' deadline to submit to the province (各市报送截止). */
    cityDeadline: timestamp,
    /** The end of a window the province reopened for the unit, if any. */
    reopenedUntil: timestamp.nullable(),
  }),
});

export type IndicatorRow = z.infer<typeof indicatorRow>;
export type IndicatorTable = z.infer<typeof indicatorTable>;
export type IndicatorsReplacement = z.infer<typeof indicatorsReplacement>;
export type BatchState = z.infer<typeof batchState>;
export type MyUnitDashboard = z.infer<typeof myUnitDashboard>;
