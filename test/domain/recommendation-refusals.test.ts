import { describe, expect, it } from 'vitest';
import { call2021 } from '../../domain/call.js';
import { recommendationRefusal } from '../../domain/recommendation-refusals.js';

describe('why a recommendation was refused', () => {
  it('names the capped direction as the call names it', () => {
    expect(recommendationRefusal('CITY_PLATFORM_CAP', call2021)).toBe('每个推荐单位最多推荐1个市级工业互联网综合平台，本单位已推荐。');
    const call2031 = { ...call2021, directionCappedAtOnePerUnit: 'experience-center' };
    expect(recommendationRefusal('CITY_PLATFORM_CAP', call2031)).toBe('每个推荐单位最多推荐1个工业互联网平台应用创新体验中心，本单位已推荐。');
  });

  it('says the same of the other caps whatever the call', () => {
    expect(recommendationRefusal('INDICATOR_CAP', { ...call2021, directionCappedAtOnePerUnit: null })).toBe('本单位的推荐数量已达到省厅下达的指标上限。');
    expect(recommendationRefusal('ALREADY_RECOMMENDED', call2021)).toBe('该申报已经推荐。');
  });
});
