import type { Queryable } from '../../../platform/database.js';
import type { Call } from '../../../domain/call.js';
import { reportingUnits } from '../../../domain/units.js';
import { listBatches } from '../../../store/batch-repository.js';
import { listIndicators, unitCounts } from '../../../store/recommendation-repository.js';

/** One unit's figures in a call, for the province's annual assessment (年度两化融合工作考核). */
export interface UnitFigures {
  unitId: string;
  unitName: string;
  target: number | null;
  isCap: boolean;
  submitted: number;
  pendingReview: number;
  inLibrary: number;
  recommended: number;
  cityPlatformsRecommended: number;
  batchSubmittedAt: Date | null;
  /** Whether the batch met the call's deadline; null while not submitted. */
  onTime: boolean | null;
}

/** The figures of all 14 units of a call, in the notice's order of units. */
export async function unitFigures(db: Queryable, call: Call): Promise<UnitFigures[]> {
  const [counts, indicators, batches] = await Promise.all([unitCounts(db, call.id), listIndicators(db, call.id), listBatches(db, call.id)]);
  return reportingUnits.map((unit) => {
    const count = counts.find((c) => c.unitId === unit.id);
    const indicator = indicators.find((i) => i.unitId === unit.id);
    const batch = batches.find((b) => b.unitId === unit.id);
    return {
      unitId: unit.id, unitName: unit.name, target: indicator?.target ?? null, isCap: indicator?.isCap ?? false,
      submitted: count?.submitted ?? 0, pendingReview: count?.pendingReview ?? 0, inLibrary: count?.inLibrary ?? 0,
      recommended: count?.recommended ?? 0, cityPlatformsRecommended: count?.cityPlatformsRecommended ?? 0,
      batchSubmittedAt: batch?.submittedAt ?? null, onTime: batch?.submittedAt ? batch.submittedAt <= call.cityDeadline : null,
    };
  });
}
