import { describe, expect, it } from 'vitest';
import { call2021, callSchema, demoCall, enterpriseDeadlineFor } from '../../domain/call.js';
import { directionCodes } from '../../domain/directions.js';

describe('the calls', () => {
  it('keeps the 2021 notice’s calendar: published 2021-11-29, units report by 2021-12-20 (Beijing time)', () => {
    expect(callSchema.parse(call2021)).toEqual(call2021);
    expect(call2021.opensAt.toISOString()).toBe('2021-11-28T16:00:00.000Z');
    expect(call2021.cityDeadline.toISOString()).toBe('2021-12-20T15:59:59.000Z');
    expect(call2021.enterpriseDeadline < call2021.cityDeadline).toBe(true);
    expect(call2021.directions).toEqual(directionCodes);
    expect(call2021.contacts[0]).toMatchObject({ name: '裴进峰', phone: '0311-87908721', email: 'ronghechu@126.com' });
  });

  it('opens the demo call around “now”, whenever now is', () => {
    const now = new Date('2031-06-15T08:00:00Z');
    const demo = demoCall(now);
    expect(callSchema.parse(demo)).toEqual(demo);
    expect(demo.year).toBe(2031);
    expect(demo.opensAt < now && now < demo.enterpriseDeadline).toBe(true);
    expect(demo.enterpriseDeadline < demo.cityDeadline).toBe(true);
  });

  it('uses the deadline a unit set for its enterprises, else the call’s', () => {
    const unitDeadline = new Date('2021-12-10T15:59:59Z');
    expect(enterpriseDeadlineFor(call2021, unitDeadline)).toBe(unitDeadline);
    expect(enterpriseDeadlineFor(call2021, undefined)).toBe(call2021.enterpriseDeadline);
  });
});
