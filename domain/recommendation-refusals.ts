/** The caps a recommendation can run into. */
export type CapViolation = 'CITY_PLATFORM_CAP' | 'INDICATOR_CAP' | 'ALREADY_RECOMMENDED';

/** Why a recommendation was refused, as the reviewer reads it. */
export const recommendationRefusals: Record<CapViolation, string> = {
  CITY_PLATFORM_CAP: '每个推荐单位最多推荐1个市级工业互联网综合平台，本单位已推荐。',
  INDICATOR_CAP: '本单位的推荐数量已达到省厅下达的指标上限。',
  ALREADY_RECOMMENDED: '该申报已经推荐。',
};
