// Windows counted in working days (LIFECYCLE.md "Working days"): Monday to Friday work, Saturday and Sunday are off,
// except the special days the province lists each year — a statutory holiday on a weekday, a make-up workday (调休上班)
// on a weekend. Days are Beijing days (Asia/Shanghai, UTC+8 all year, no daylight saving time).

/** What a listed day is: a holiday on a weekday, or a workday (调休上班) on a weekend. */
export const specialDayKinds = ['holiday', 'workday'] as const;
export type SpecialDayKind = (typeof specialDayKinds)[number];

/** The calendar a count reads: the kind of each listed Beijing date (YYYY-MM-DD); a date not listed follows the week. */
export type WorkingDayCalendar = ReadonlyMap<string, SpecialDayKind>;

const BEIJING_OFFSET = 8 * 3_600_000;
const DAY = 86_400_000;
/** The longest window counted, in working days (no window of the program comes near a year). */
export const MAX_WORKING_DAYS = 250;

/** The calendar of a list of special days. */
export function workingDayCalendar(days: Iterable<{ date: string; kind: SpecialDayKind }>): WorkingDayCalendar {
  return new Map([...days].map((day) => [day.date, day.kind]));
}

/** The Beijing date (YYYY-MM-DD) of an instant. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET).toISOString().slice(0, 10);
}

/** Whether a date (YYYY-MM-DD) is a Saturday or a Sunday. */
export function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Whether the Beijing day of an instant, or a date (YYYY-MM-DD), is a working day on the calendar. */
export function isWorkingDay(day: Date | string, calendar: WorkingDayCalendar): boolean {
  const date = typeof day === 'string' ? day : beijingDate(day);
  const kind = calendar.get(date);
  if (kind === 'holiday') return false;
  if (kind === 'workday') return true;
  return !isWeekend(date);
}

/**
 * The end of a window of `days` working days opened at `start`: 23:59:59 Beijing time of the `days`-th working day
 * after the start's Beijing day (the start day itself never counts, whatever it is). Refuses a count that is not a
 * whole number from 1 to MAX_WORKING_DAYS and an invalid start.
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkingDayCalendar): Date {
  if (Number.isNaN(start.getTime())) throw new RangeError('The start of a working-day window must be a valid time');
  if (!Number.isInteger(days) || days < 1 || days > MAX_WORKING_DAYS) {
    throw new RangeError(`A working-day window counts 1 to ${MAX_WORKING_DAYS} whole days, not ${days}`);
  }
  let date = beijingDate(start);
  for (let counted = 0; counted < days;) {
    date = nextDate(date);
    if (isWorkingDay(date, calendar)) counted += 1;
  }
  return new Date(`${date}T23:59:59+08:00`);
}

// helpers

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}
