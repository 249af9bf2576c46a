import { describe, expect, it } from 'vitest';
import {
  defaultReportingSettings, missedTwiceInARow, periodToReport, punctuality, reportingPeriods, reportStandings, type ReportStanding,
} from '../../domain/progress-schedule.js';

// The reporting calendar of a pilot under way: calendar quarters from the day reporting starts to the planned end,
// each report due ten days after its quarter and reminded seven days before; standings, punctuality and the flag
// for two missed reports in a row.

describe('reportingPeriods', () => {
  it('cuts the construction into calendar quarters, the first from the start day, the last at the planned end', () => {
    expect(reportingPeriods('2022-02-15', '2022-08-20')).toEqual([
      { index: 1, from: '2022-02-15', to: '2022-03-31', dueOn: '2022-04-10', remindOn: '2022-04-03' },
      { index: 2, from: '2022-04-01', to: '2022-06-30', dueOn: '2022-07-10', remindOn: '2022-07-03' },
      { index: 3, from: '2022-07-01', to: '2022-08-20', dueOn: '2022-08-30', remindOn: '2022-08-23' },
    ]);
  });

  it('crosses the year and takes other period lengths', () => {
    expect(reportingPeriods('2022-11-01', '2023-02-28', { ...defaultReportingSettings, periodMonths: 1 }).map((p) => [p.from, p.to])).toEqual([
      ['2022-11-01', '2022-11-30'], ['2022-12-01', '2022-12-31'], ['2023-01-01', '2023-01-31'], ['2023-02-01', '2023-02-28'],
    ]);
    expect(reportingPeriods('2022-05-10', '2023-12-31', { ...defaultReportingSettings, periodMonths: 6 }).map((p) => p.to)).toEqual(['2022-06-30', '2022-12-31', '2023-06-30', '2023-12-31']);
  });

  it('gives one period when the construction ends inside the first', () => {
    expect(reportingPeriods('2022-01-05', '2022-01-05')).toEqual([{ index: 1, from: '2022-01-05', to: '2022-01-05', dueOn: '2022-01-15', remindOn: '2022-01-08' }]);
  });

  it('refuses an end before the start, a period length that does not divide the year, and a date that is none', () => {
    expect(() => reportingPeriods('2022-05-01', '2022-04-30')).toThrow('建设期结束日期（2022-04-30）早于报告起始日期（2022-05-01）');
    expect(() => reportingPeriods('2022-01-01', '2022-12-31', { ...defaultReportingSettings, periodMonths: 5 })).toThrow('报告周期须为1、2、3、4、6或12个月，不是5');
    expect(() => reportingPeriods('2022-02-30', '2022-12-31')).toThrow('报告起始日期须为日期');
    expect(() => reportingPeriods('2022-01-01', '2022-12-31', { ...defaultReportingSettings, graceDays: -1 })).toThrow('报送期限须为0至60天的整数');
  });
});

describe('standings, punctuality and the flag', () => {
  const periods = reportingPeriods('2022-01-01', '2022-12-31');

  it('judges a report on its due day on time, the day after late, and an unfiled one missing once its due day passed', () => {
    const standings = reportStandings(periods, { 1: '2022-04-10', 2: '2022-07-11' }, '2022-10-11');
    expect(standings).toEqual(['on-time', 'late', 'missing', 'not-due'] satisfies ReportStanding[]);
    expect(reportStandings(periods, {}, '2022-10-10')[2]).toBe('not-due');
  });

  it('flags two missed reports in a row, not two apart', () => {
    expect(missedTwiceInARow(['on-time', 'late', 'missing', 'not-due'])).toBe(true);
    expect(missedTwiceInARow(['late', 'on-time', 'missing', 'on-time'])).toBe(false);
    expect(missedTwiceInARow(['missing'])).toBe(false);
  });

  it('counts punctuality over the reports due, none while none is', () => {
    expect(punctuality(['on-time', 'late', 'missing', 'not-due'])).toBeCloseTo(1 / 3);
    expect(punctuality(['not-due', 'not-due'])).toBeNull();
    expect(punctuality(['on-time'])).toBe(1);
  });

  it('offers the earliest unreported period that has begun, and none before reporting starts', () => {
    expect(periodToReport(periods, new Set([1]), '2022-05-01')?.index).toBe(2);
    expect(periodToReport(periods, new Set(), '2022-05-01')?.index).toBe(1);
    expect(periodToReport(periods, new Set(), '2021-12-31')).toBeUndefined();
    expect(periodToReport(periods, new Set([1, 2, 3, 4]), '2023-01-20')).toBeUndefined();
  });
});
