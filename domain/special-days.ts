import { isWeekend, type SpecialDayKind } from './working-days.js';

// The rules a year's list of special days keeps before it is saved: each day inside the year, once, and each one
// changing the week — a holiday on a weekday, a make-up workday (调休上班) on a weekend. A holiday on a weekend or a
// workday on a weekday would change no count, and is most likely a typing error.

/** One special day as the province lists it. */
export interface SpecialDayEntry {
  date: string;
  kind: SpecialDayKind;
  name: string;
}

/** A problem of one row of the list: its index, the field, and a message naming the row, in Chinese. */
export interface SpecialDayProblem {
  index: number;
  field: 'date' | 'kind';
  message: string;
}

const weekdayNames = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** Every problem of a year's list of special days (none: it may be saved). */
export function specialDayProblems(year: number, days: readonly SpecialDayEntry[]): SpecialDayProblem[] {
  const problems: SpecialDayProblem[] = [];
  const firstRowOf = new Map<string, number>();
  days.forEach((day, index) => {
    const row = `第 ${index + 1} 行（${day.date} ${day.name}）`;
    const first = firstRowOf.get(day.date);
    if (!day.date.startsWith(`${year}-`)) problems.push({ index, field: 'date', message: `${row}：日期不在 ${year} 年内` });
    else if (first !== undefined) problems.push({ index, field: 'date', message: `${row}：与第 ${first + 1} 行日期重复` });
    else if (day.kind === 'holiday' && isWeekend(day.date)) {
      problems.push({ index, field: 'kind', message: `${row}：${weekdayOf(day.date)}本来就休息，不必列为节假日（只列在工作日放假的日期）` });
    } else if (day.kind === 'workday' && !isWeekend(day.date)) {
      problems.push({ index, field: 'kind', message: `${row}：${weekdayOf(day.date)}本来就上班，不能列为调休上班日（调休上班日只能是周六或周日）` });
    }
    if (first === undefined) firstRowOf.set(day.date, index);
  });
  return problems;
}

// helpers

function weekdayOf(date: string): string {
  return weekdayNames[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}
