import { describe, expect, it } from 'vitest';
import { specialDayProblems, type SpecialDayEntry } from '../../domain/special-days.js';

const national: SpecialDayEntry[] = [
  { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休' },
];

describe('specialDayProblems', () => {
  it('accepts holidays on weekdays and make-up workdays on weekends of the year', () => {
    expect(specialDayProblems(2026, national)).toEqual([]);
    expect(specialDayProblems(2026, [])).toEqual([]);
  });

  it.each([
    // given a row added to a valid list / then the problem, naming the row
    ['a day of another year', { date: '2027-01-01', kind: 'holiday', name: '元旦' }, 'date', '第 3 行（2027-01-01 元旦）：日期不在 2026 年内'],
    ['a date listed twice', { date: '2026-10-01', kind: 'holiday', name: '国庆' }, 'date', '第 3 行（2026-10-01 国庆）：与第 1 行日期重复'],
    ['a holiday on a Saturday', { date: '2026-10-03', kind: 'holiday', name: '国庆节' }, 'kind', '第 3 行（2026-10-03 国庆节）：星期六本来就休息，不必列为节假日（只列在工作日放假的日期）'],
    ['a make-up workday on a Wednesday', { date: '2026-10-14', kind: 'workday', name: '调休' }, 'kind', '第 3 行（2026-10-14 调休）：星期三本来就上班，不能列为调休上班日（调休上班日只能是周六或周日）'],
  ] as const)('refuses %s', (_case, row, field, message) => {
    expect(specialDayProblems(2026, [...national, row])).toEqual([{ index: 2, field, message }]);
  });

  it('names every offending row at once', () => {
    const rows: SpecialDayEntry[] = [{ date: '2026-03-07', kind: 'holiday', name: '甲' }, { date: '2026-03-09', kind: 'workday', name: '乙' }];
    expect(specialDayProblems(2026, rows).map((p) => p.index)).toEqual([0, 1]);
  });
});
