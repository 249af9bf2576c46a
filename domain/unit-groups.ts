import { candidateGroupForUnit, isUnitId, type UnitId } from './units.js';

// A unit's sub-groups: people of a unit with a part of their own in a process, e.g. the 分管领导 who signs off
// after the city's preliminary review. Each is an engine candidate group of its own, named after the unit's group
// (`city130100` → `city130100leader`), so a model names it as `${cityGroup}leader` and it stays per unit.

/** The sub-groups a unit may have: a key (the suffix of its engine group id) and its Chinese name. */
export const unitSubGroups = [{ key: 'leader', label: '分管领导' }] as const;

/** The key of one sub-group. */
export type UnitSubGroupKey = (typeof unitSubGroups)[number]['key'];

/** The engine group id of a unit's sub-group: plain alphanumeric (`city130100leader`). */
export function unitGroupId(unitId: UnitId, key: UnitSubGroupKey): string {
  return `${candidateGroupForUnit(unitId)}${key}`;
}

/** Every sub-group of one unit, with its engine group id. */
export function unitGroupsOf(unitId: UnitId): { key: UnitSubGroupKey; label: string; groupId: string }[] {
  return unitSubGroups.map(({ key, label }) => ({ key, label, groupId: unitGroupId(unitId, key) }));
}

/** The unit and sub-group an engine group id names, or undefined for any other id. */
export function parseUnitGroupId(groupId: string): { unitId: UnitId; key: UnitSubGroupKey } | undefined {
  for (const { key } of unitSubGroups) {
    const match = new RegExp(`^city([a-z0-9]+)${key}$`).exec(groupId);
    const unitId = match?.[1];
    if (unitId && isUnitId(unitId)) return { unitId, key };
  }
  return undefined;
}

/** Which of the given group ids are not a sub-group of the unit, each with its Chinese reason (by index). */
export function unitGroupProblems(unitId: UnitId, groupIds: readonly string[]): { index: number; message: string }[] {
  return groupIds.flatMap((groupId, index) => {
    const parsed = parseUnitGroupId(groupId);
    if (!parsed) return [{ index, message: `“${groupId}”不是单位分组` }];
    if (parsed.unitId !== unitId) return [{ index, message: '只能加入本人所属单位的分组' }];
    if (groupIds.indexOf(groupId) !== index) return [{ index, message: '分组重复' }];
    return [];
  });
}

/** Of an account's stored groups, those of its own unit: what its candidate groups may include. */
export function ownUnitGroups(unitId: string | null, groupIds: readonly string[]): string[] {
  if (!unitId || !isUnitId(unitId)) return [];
  return groupIds.filter((groupId) => parseUnitGroupId(groupId)?.unitId === unitId);
}
