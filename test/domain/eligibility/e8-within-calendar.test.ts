import { describe, expect, it } from 'vitest';
import { isWithinCalendar } from '../../../domain/eligibility/e8-within-calendar.js';

// The 2021 call: the notice is dated 29 November, the cities report by 20 December (Beijing time).
const window2021 = { opensAt: new Date('2021-11-29T00:00:00+08:00'), closesAt: new Date('2021-12-20T23:59:59.999+08:00') };

describe('E8 within the call calendar', () => {
  it.each([
    ['a second before opening', '2021-11-28T23:59:59+08:00', false],
    ['the opening instant', '2021-11-29T00:00:00+08:00', true],
    ['mid-call', '2021-12-10T10:00:00+08:00', true],
    ['the last millisecond', '2021-12-20T23:59:59.999+08:00', true],
    ['right after closing', '2021-12-21T00:00:00+08:00', false],
    ['the deadline day in UTC, already past in Beijing', '2021-12-20T16:00:00Z', false],
    ['an invalid date', 'not a date', false],
  ])('%s (%s): %s', (_case, now, expected) => {
    expect(isWithinCalendar(new Date(now), window2021)).toBe(expected);
  });
});
