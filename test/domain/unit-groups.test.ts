import { describe, expect, it } from 'vitest';
import { ownUnitGroups, parseUnitGroupId, unitGroupId, unitGroupProblems, unitGroupsOf, unitSubGroups } from '../../domain/unit-groups.js';

describe('unit sub-groups', () => {
  it('start with 分管领导, whose engine group extends the unit’s own group', () => {
    expect(unitSubGroups).toEqual([{ key: 'leader', label: '分管领导' }]);
    expect(unitGroupId('130100', 'leader')).toBe('city130100leader');
    expect(unitGroupsOf('xiongan')).toEqual([{ key: 'leader', label: '分管领导', groupId: 'cityxionganleader' }]);
  });

  it.each([
    ['city130100leader', { unitId: '130100', key: 'leader' }],
    ['city130181leader', { unitId: '130181', key: 'leader' }],
    ['cityxionganleader', { unitId: 'xiongan', key: 'leader' }],
    ['city130100', undefined],
    ['city130000leader', undefined],
    ['province', undefined],
    ['city130100Leader', undefined],
    ['xcity130100leader', undefined],
  ])('parseUnitGroupId(%j) is %j', (groupId, expected) => {
    expect(parseUnitGroupId(groupId)).toEqual(expected);
  });

  it.each<[string, string[], { index: number; message: string }[]]>([
    ['its own unit’s group', ['city130100leader'], []],
    ['none', [], []],
    ['another unit’s group', ['city130200leader'], [{ index: 0, message: '只能加入本人所属单位的分组' }]],
    ['the unit group itself', ['city130100'], [{ index: 0, message: '“city130100”不是单位分组' }]],
    ['an engine group of another role', ['province'], [{ index: 0, message: '“province”不是单位分组' }]],
    ['the same group twice', ['city130100leader', 'city130100leader'], [{ index: 1, message: '分组重复' }]],
  ])('for a reviewer of 130100, %s', (_case, groupIds, problems) => {
    expect(unitGroupProblems('130100', groupIds)).toEqual(problems);
  });

  it('lets an account’s candidate groups hold only its own unit’s sub-groups', () => {
    expect(ownUnitGroups('130100', ['city130100leader', 'city130200leader', 'province'])).toEqual(['city130100leader']);
    expect(ownUnitGroups(null, ['city130100leader'])).toEqual([]);
    expect(ownUnitGroups('130000', ['city130000leader'])).toEqual([]);
  });
});
