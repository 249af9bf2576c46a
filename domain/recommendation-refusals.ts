import type { Call } from './call.js';
import { callDirectionLabel } from './call-directions.js';

/** The caps a recommendation can run into. */
export type CapViolation = 'CITY_PLATFORM_CAP' | 'INDICATOR_CAP' | 'ALREADY_RECOMMENDED';

/** Why a recommendation was refused, as the reviewer reads it, under the shipped call (see recommendationRefusal). */
export const recommendationRefusals: Record<CapViolation, string> = {
  CITY_PLATFORM_CAP: '每个推荐单位最多推荐1个市级工业互联网综合平台，本单位已推荐。',
  INDICATOR_CAP: '本单位的推荐数量已达到省厅下达的指标上限。',
  ALREADY_RECOMMENDED: '该申报已经推荐。',
};

/** Why a recommendation was refused, the capped direction named as the application's call names it. */
export function recommendationRefusal(violation: CapViolation, call: Pick<Call, 'directions' | 'directionCappedAtOnePerUnit'>): string {
  if (violation !== 'CITY_PLATFORM_CAP' || call.directionCappedAtOnePerUnit === null) return recommendationRefusals[violation];
  return `每个推荐单位最多推荐1个${callDirectionLabel(call, call.directionCappedAtOnePerUnit)}，本单位已推荐。`;
}
