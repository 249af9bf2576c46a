import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, beijingDate, isWeekend, isWorkingDay, workingDayCalendar, type SpecialDayKind } from '../../domain/working-days.js';

// The calendar as shipped: the rows migration 020 inserts (2026 from the State Council's notice, 2027 estimated).
const shippedRows = [...readFileSync(new URL('../../migrations/020_working_day.sql', import.meta.url), 'utf8')
  .matchAll(/\('(\d{4}-\d{2}-\d{2})', '(holiday|workday)', '([^']+)', 'migration'\)/g)]
  .map(([, date, kind, name]) => ({ date: date!, kind: kind as SpecialDayKind, name: name! }));
const shipped = workingDayCalendar(shippedRows);
const noSpecialDays = workingDayCalendar([]);

const endOf = (date: string) => new Date(`${date}T23:59:59+08:00`);

describe('the shipped working-day calendar', () => {
  it('covers 2026 and 2027 with holidays on weekdays and make-up workdays on weekends only', () => {
    expect(new Set(shippedRows.map((row) => row.date.slice(0, 4)))).toEqual(new Set(['2026', '2027']));
    for (const row of shippedRows) expect({ ...row, weekend: isWeekend(row.date) }).toEqual({ ...row, weekend: row.kind === 'workday' });
  });

  it('has 国庆节 2026 as the notice sets it: 10月1日至7日 off, 9月20日 and 10月10日 worked', () => {
    expect(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'].filter((d) => isWorkingDay(d, shipped))).toEqual([]);
    expect(['2026-09-20', '2026-10-08', '2026-10-09', '2026-10-10'].every((d) => isWorkingDay(d, shipped))).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it.each([
    // given a start, a count and a calendar / then the window's last day
    ['5 days across 国庆节 2026 with the 10月10日 make-up workday', '2026-09-30T10:00:00+08:00', 5, shipped, '2026-10-13'],
    ['5 days across 春节 2026 with the 2月14日 make-up workday', '2026-02-12T09:00:00+08:00', 5, shipped, '2026-02-26'],
    ['the same window without the calendar counts the holidays as working days', '2026-09-30T10:00:00+08:00', 5, noSpecialDays, '2026-10-07'],
    ['5 days from a Friday skip the weekend', '2026-03-06T16:00:00+08:00', 5, shipped, '2026-03-13'],
    ['1 day from a Friday ends on Monday', '2026-03-06T16:00:00+08:00', 1, shipped, '2026-03-09'],
    ['a start on a holiday counts from the next working day', '2026-10-01T08:00:00+08:00', 1, shipped, '2026-10-08'],
    ['a start on a Sunday counts from Monday', '2026-03-08T12:00:00+08:00', 2, shipped, '2026-03-10'],
    ['a start just before midnight in Beijing is that Beijing day', '2026-09-29T23:59:59+08:00', 5, shipped, '2026-10-12'],
    ['a start just after midnight in Beijing (still the day before in UTC) is the next day', '2026-09-29T16:00:00Z', 5, shipped, '2026-10-13'],
  ] as const)('%s', (_case, start, days, calendar, lastDay) => {
    expect(addWorkingDays(new Date(start), days, calendar)).toEqual(endOf(lastDay));
  });

  it('ends at 23:59:59 Beijing time, 15:59:59 UTC', () => {
    expect(addWorkingDays(new Date('2026-03-06T16:00:00+08:00'), 1, shipped).toISOString()).toBe('2026-03-09T15:59:59.000Z');
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 251])('refuses a count of %s working days', (days) => {
    expect(() => addWorkingDays(new Date('2026-03-06T16:00:00+08:00'), days, shipped)).toThrow(RangeError);
  });

  it('refuses an invalid start', () => {
    expect(() => addWorkingDays(new Date('not a date'), 5, shipped)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-10-10', true, 'a make-up workday on a Saturday'],
    ['2026-10-05', false, 'a holiday on a Monday'],
    ['2026-03-07', false, 'a plain Saturday'],
    ['2026-03-09', true, 'a plain Monday'],
  ])('%s is %s (%s)', (date, working) => {
    expect(isWorkingDay(date, shipped)).toBe(working);
  });

  it('reads an instant as its Beijing day', () => {
    // 2026-10-09T16:30Z is 10月10日 00:30 in Beijing: the make-up Saturday
    expect(beijingDate(new Date('2026-10-09T16:30:00Z'))).toBe('2026-10-10');
    expect(isWorkingDay(new Date('2026-10-09T16:30:00Z'), shipped)).toBe(true);
  });
});
