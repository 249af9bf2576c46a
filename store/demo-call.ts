import type { Queryable } from '../platform/database.js';
import { demoCall } from '../domain/call.js';
import type { UnitId } from '../domain/units.js';
import { findCall, insertCallIfMissing, updateCallCalendar } from './call-repository.js';
import { listIndicators, replaceIndicators } from './recommendation-repository.js';

const WEEK = 7 * 86_400_000;

/** Who the demo's sample indicators are recorded as set by: sample values, not the province's. */
export const DEMO_INDICATOR_AUTHOR = '示例数据（演示批次）';

/**
 * Sample 附件1 targets for the demo call, one per unit, summing to 212 (the province floor is 200). They are sample
 * values for a new user to see the dashboards with, not the province's real allocation; all are targets, none a cap.
 */
export const demoIndicators: Readonly<Record<UnitId, number>> = {
  '130100': 30, '130200': 28, '130300': 12, '130400': 22, '130500': 16, '130600': 24, '130700': 12,
  '130800': 10, '130900': 18, '131000': 16, '131100': 10, '130181': 4, '130682': 4, xiongan: 6,
};

/**
 * Seeds the demo call on the embedded default and keeps it open: when fewer than seven days remain for enterprises,
 * its calendar moves to start again from now, so a new user can always declare, review and recommend. A demo call
 * without any indicator gets the sample ones; indicators the province set are kept.
 */
export async function keepDemoCallOpen(db: Queryable, now: Date): Promise<void> {
  const fresh = demoCall(now);
  if (!(await insertCallIfMissing(db, fresh))) {
    const existing = await findCall(db, fresh.id);
    if (existing && existing.enterpriseDeadline.getTime() - now.getTime() < WEEK) await updateCallCalendar(db, fresh);
  }
  if ((await listIndicators(db, fresh.id)).length === 0) {
    const indicators = Object.entries(demoIndicators).map(([unitId, target]) => ({ unitId, target, isCap: false }));
    await replaceIndicators(db, fresh.id, indicators, DEMO_INDICATOR_AUTHOR);
  }
}
