import { describe, expect, it } from 'vitest';
import { formatApplicationNumber, parseApplicationNumber } from '../../domain/application-number.js';

describe('formatApplicationNumber', () => {
  it.each([
    [2021, '130100', 7, '2021-130100-0007'],
    [2021, '130181', 1, '2021-130181-0001'],
    [2022, 'xiongan', 42, '2022-xiongan-0042'],
    [2021, '131100', 9999, '2021-131100-9999'],
  ])('spells year %i, unit %s, sequence %i as %s', (year, unitId, sequence, expected) => {
    expect(formatApplicationNumber(year, unitId, sequence)).toBe(expected);
  });

  it.each([
    ['an unknown unit', 2021, '130000', 1],
    ['a two-digit year', 21, '130100', 1],
    ['sequence 0', 2021, '130100', 0],
    ['a sequence beyond four digits', 2021, '130100', 10_000],
    ['a fractional sequence', 2021, '130100', 1.5],
  ])('throws on %s', (_case, year, unitId, sequence) => {
    expect(() => formatApplicationNumber(year, unitId, sequence)).toThrow(RangeError);
  });
});

describe('parseApplicationNumber', () => {
  it.each([
    ['2021-130100-0007', { year: 2021, unitId: '130100', sequence: 7 }],
    ['2022-xiongan-0042', { year: 2022, unitId: 'xiongan', sequence: 42 }],
    [' 2021-130682-1000 ', { year: 2021, unitId: '130682', sequence: 1000 }],
  ])('reads %j', (text, parts) => {
    expect(parseApplicationNumber(text)).toEqual(parts);
  });

  it.each([
    '2021-130000-0007',
    '2021-130100-7',
    '2021-130100-00007',
    '2021-130100-0000',
    '21-130100-0007',
    '2021-XIONGAN-0001',
    '2021/130100/0007',
    '',
  ])('rejects %j', (text) => {
    expect(parseApplicationNumber(text)).toBeUndefined();
  });

  it('reads back what it spells', () => {
    // given
    const number = formatApplicationNumber(2021, 'xiongan', 123);
    // when / then
    expect(parseApplicationNumber(number)).toEqual({ year: 2021, unitId: 'xiongan', sequence: 123 });
  });
});
