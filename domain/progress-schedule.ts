// Progress reports of a pilot under way (指导和调度, LIFECYCLE.md stage 5): the reporting periods over its
// construction, each report's due date and reminder, and how punctual the pilot has been. Dates are ISO calendar
// dates (YYYY-MM-DD, Beijing); no clock here: the caller passes the day it judges on.

/** A call's reporting settings: the period (a quarter by default), the days to report after it, the reminder's lead. */
export interface ReportingSettings {
  periodMonths: number;
  /** Calendar days after a period's last day by which its report is due. */
  graceDays: number;
  /** Calendar days before the due date the reminder goes out. */
  reminderDaysBefore: number;
}

/** LIFECYCLE.md's defaults: quarterly, due 10 days after the quarter, reminded 7 days before. */
export const defaultReportingSettings: ReportingSettings = { periodMonths: 3, graceDays: 10, reminderDaysBefore: 7 };

/** One reporting period: its days (both included), when its report is due and when to remind. */
export interface ReportingPeriod {
  /** 1 for the first period. */
  index: number;
  from: string;
  to: string;
  dueOn: string;
  remindOn: string;
}

/** How a period's report stands on a day. */
export type ReportStanding = 'on-time' | 'late' | 'missing' | 'not-due';

/**
 * The periods from `from` (the day reporting starts: the later of the construction's start and the pilot's
 * selection) to `until` (the construction's planned end): calendar periods of `periodMonths` (a quarter: Jan–Mar,
 * Apr–Jun, …; a period length divides the year), the first starting at `from`, the last cut at `until`.
 */
export function reportingPeriods(from: string, until: string, settings: ReportingSettings = defaultReportingSettings): ReportingPeriod[] {
  checkSettings(settings);
  const start = parseDate(from, '报告起始日期');
  const end = parseDate(until, '建设期结束日期');
  if (end < start) throw new RangeError(`建设期结束日期（${until}）早于报告起始日期（${from}）`);
  const periods: ReportingPeriod[] = [];
  for (let periodFrom = start, index = 1; periodFrom <= end; index++) {
    const periodTo = minDate(addDays(calendarPeriodAfter(periodFrom, settings.periodMonths), -1), end);
    const dueOn = addDays(periodTo, settings.graceDays);
    periods.push({ index, from: iso(periodFrom), to: iso(periodTo), dueOn: iso(dueOn), remindOn: iso(addDays(dueOn, -settings.reminderDaysBefore)) });
    periodFrom = addDays(periodTo, 1);
  }
  return periods;
}

/** How each period's report stands on `today`, given the days reports were submitted (by period index). */
export function reportStandings(periods: readonly ReportingPeriod[], submittedOn: Readonly<Record<number, string | undefined>>, today: string): ReportStanding[] {
  const day = parseDate(today, '判断日期');
  return periods.map((period) => {
    const submitted = submittedOn[period.index];
    const due = parseDate(period.dueOn, '截止日期');
    if (submitted !== undefined) return parseDate(submitted, '报送日期') <= due ? 'on-time' : 'late';
    return day > due ? 'missing' : 'not-due';
  });
}

/** Whether two reports in a row were late or missing: the flag on the province's dispatch board. */
export function missedTwiceInARow(standings: readonly ReportStanding[]): boolean {
  return standings.some((standing, i) => i > 0 && isMissed(standing) && isMissed(standings[i - 1]!));
}

/** The share of due reports that came on time (0–1), or null while none is due yet. */
export function punctuality(standings: readonly ReportStanding[]): number | null {
  const due = standings.filter((standing) => standing !== 'not-due');
  return due.length ? due.filter((standing) => standing === 'on-time').length / due.length : null;
}

/** The period whose report may be filed on `today`: the earliest not yet reported whose period has begun. */
export function periodToReport(periods: readonly ReportingPeriod[], reported: ReadonlySet<number>, today: string): ReportingPeriod | undefined {
  const day = parseDate(today, '判断日期');
  return periods.find((period) => !reported.has(period.index) && parseDate(period.from, '报告期开始日期') <= day);
}

// helpers

function isMissed(standing: ReportStanding): boolean {
  return standing === 'late' || standing === 'missing';
}

function checkSettings(settings: ReportingSettings): void {
  const whole = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;
  if (![1, 2, 3, 4, 6, 12].includes(settings.periodMonths)) throw new RangeError(`报告周期须为1、2、3、4、6或12个月，不是${settings.periodMonths}`);
  if (!whole(settings.graceDays, 0, 60)) throw new RangeError(`报送期限须为0至60天的整数，不是${settings.graceDays}`);
  if (!whole(settings.reminderDaysBefore, 0, 60)) throw new RangeError(`提前提醒天数须为0至60天的整数，不是${settings.reminderDaysBefore}`);
}

/** A calendar date as a UTC midnight, so day arithmetic has no time zone in it. */
function parseDate(text: string, label: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : new Date(Number.NaN);
  if (!match || Number.isNaN(date.getTime()) || iso(date) !== text) throw new RangeError(`${label}须为日期（如 2022-03-31），不是“${text}”`);
  return date;
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** The first day of the calendar period after the one holding `date` (periods of `months`, from January). */
function calendarPeriodAfter(date: Date, months: number): Date {
  const month = date.getUTCMonth();
  return new Date(Date.UTC(date.getUTCFullYear(), month - (month % months) + months, 1));
}

function minDate(a: Date, b: Date): Date {
  return a < b ? a : b;
}
