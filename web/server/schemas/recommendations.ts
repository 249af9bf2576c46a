import { z } from 'zod';
import { unitIds } from '../../../domain/units.js';
import { applicationStatus } from './applications.js';
import { callParams, timestamp } from './common.js';

// A unit's library, recommendations and ranking; the province's indicators and per-unit figures
// (routes/recommendations.ts).

export const recommendationProgress = z.object({ recommended: z.number(), target: z.number().nullable(), isCap: z.boolean(), cityPlatformsRecommended: z.number() });

export const libraryEntry = z.object({
  applicationId: z.string(),
  applicationNumber: z.string().nullable(),
  enterpriseName: z.string(),
  projectName: z.string(),
  direction: z.string(),
  priorityRank: z.number().nullable(),
  status: applicationStatus,
  recommendation: z.object({ rank: z.number(), opinion: z.string() }).nullable(),
  /** The direction as the call names it. */
  directionLabel: z.string(),
  /** The warnings of the application's latest rule check (territorial principle, flagged USCC, …), in Chinese. */
  warnings: z.array(z.object({ ruleId: z.string(), reason: z.string(), field: z.string().nullable() })),
});
/** The call's direction each unit may recommend at most once (2021: the city platform), and how many it recommended. */
export const cappedDirectionRule = z.object({ direction: z.string(), label: z.string(), recommended: z.number(), max: z.literal(1) });
export const unitLibrary = z.object({ progress: recommendationProgress, cappedDirection: cappedDirectionRule.nullable(), entries: z.array(libraryEntry) });

export const recommendationRequest = z.object({ applicationId: z.uuid(), opinion: z.string().trim().min(1, '请填写推荐单位意见').max(1000) });
export const recommendationRecorded = z.object({ rank: z.number() });
/** The recommendation of one application (DELETE: the unit withdraws it). */
export const recommendationParams = z.object({ applicationId: z.uuid() });
export const ranking = z.object({ applicationIds: z.array(z.uuid()).max(1000) });

export const indicatorParams = callParams.extend({ unitId: z.enum(unitIds) });
export const indicator = z.object({ target: z.number().int().min(0).max(10_000), isCap: z.boolean() });

export const unitFigure = z.object({
  unitId: z.string(),
  unitName: z.string(),
  target: z.number().nullable(),
  isCap: z.boolean(),
  submitted: z.number(),
  pendingReview: z.number(),
  inLibrary: z.number(),
  recommended: z.number(),
  cityPlatformsRecommended: z.number(),
  batchSubmittedAt: timestamp.nullable(),
  onTime: z.boolean().nullable(),
});
export const unitFigures = z.object({ provinceFloor: z.number(), totalRecommended: z.number(), units: z.array(unitFigure) });

export type UnitLibrary = z.infer<typeof unitLibrary>;
export type LibraryEntry = z.infer<typeof libraryEntry>;
export type RecommendationRequest = z.infer<typeof recommendationRequest>;
export type UnitFigure = z.infer<typeof unitFigure>;
export type UnitFigures = z.infer<typeof unitFigures>;
