import { describe, expect, it } from 'vitest';
import { candidateGroupForUnit, isUnitId, reportingUnits, unitById, unitForRegion } from '../../domain/units.js';

describe('reportingUnits', () => {
  it('are the 14 addressees of the notice, each id once', () => {
    expect(reportingUnits.map((unit) => unit.id)).toEqual([
      '130100', '130200', '130300', '130400', '130500', '130600', '130700',
      '130800', '130900', '131000', '131100', '130181', '130682', 'xiongan',
    ]);
  });

  it.each([
    ['130100', '石家庄市'],
    ['131100', '衡水市'],
    ['130181', '辛集市'],
    ['130682', '定州市'],
    ['xiongan', '雄安新区'],
  ])('unitById(%s) is %s', (id, name) => {
    expect(unitById(id)?.name).toBe(name);
  });

  it.each(['130000', '130102', '', 'XIONGAN'])('unitById(%j) is undefined', (id) => {
    expect(unitById(id)).toBeUndefined();
    expect(isUnitId(id)).toBe(false);
  });
});

describe('unitForRegion', () => {
  it.each([
    ['辛集 itself', '130181', '130181'],
    ['定州 itself', '130682', '130682'],
    ['辛集 by its older code', '139002', '130181'],
    ['定州 by its older code', '139001', '130682'],
    ['容城', '130629', 'xiongan'],
    ['安新', '130632', 'xiongan'],
    ['雄县', '130638', 'xiongan'],
    ['a city itself', '130100', '130100'],
    ['a district of 石家庄', '130102', '130100'],
    ['a county of 唐山', '130229', '130200'],
    ['another county of 保定', '130604', '130600'],
    ['a district of 衡水', '131102', '131100'],
    ['the province level', '130000', undefined],
    ['an unknown 1390xx code', '139003', undefined],
    ['a code of no prefecture', '133301', undefined],
    ['Beijing', '110000', undefined],
    ['Jiangsu', '320500', undefined],
    ['too short', '1301', undefined],
    ['letters', '13AB00', undefined],
  ])('maps %s (%s) to %s', (_case, regionCode, unitId) => {
    expect(unitForRegion(regionCode)).toBe(unitId);
  });
});

describe('candidateGroupForUnit', () => {
  it.each([
    ['130100', 'city130100'],
    ['130181', 'city130181'],
    ['xiongan', 'cityxiongan'],
  ] as const)('the city reviewers of %s are %s', (unitId, group) => {
    expect(candidateGroupForUnit(unitId)).toBe(group);
  });

  it('gives plain alphanumeric ids, usable as engine groups', () => {
    for (const unit of reportingUnits) expect(candidateGroupForUnit(unit.id)).toMatch(/^[a-z0-9]+$/);
  });
});
