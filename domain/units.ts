// The 14 reporting units the notice addresses (各市（含定州、辛集市）工信局，雄安新区改革发展局).
// Ids are GB/T 2260 codes so a USCC's region code can be matched to them; 雄安新区 has no code of its own.

/** The reporting units, in the order of the province's own lists. */
export const reportingUnits = [
  { id: '130100', name: '石家庄市' },
  { id: '130200', name: '唐山市' },
  { id: '130300', name: '秦皇岛市' },
  { id: '130400', name: '邯郸市' },
  { id: '130500', name: '邢台市' },
  { id: '130600', name: '保定市' },
  { id: '130700', name: '张家口市' },
  { id: '130800', name: '承德市' },
  { id: '130900', name: '沧州市' },
  { id: '131000', name: '廊坊市' },
  { id: '131100', name: '衡水市' },
  { id: '130181', name: '辛集市' },
  { id: '130682', name: '定州市' },
  { id: 'xiongan', name: '雄安新区' },
] as const;

/** The id of one reporting unit. */
export type UnitId = (typeof reportingUnits)[number]['id'];

/** One reporting unit: its id and Chinese name. */
export type ReportingUnit = (typeof reportingUnits)[number];

/** The unit ids alone, for enums in schemas. */
export const unitIds: readonly UnitId[] = reportingUnits.map((unit) => unit.id);

// Region codes that do not follow "first four digits + 00": the two directly administered cities (their
// older 1390xx codes still appear in records) and the three counties that form 雄安新区.
const specialRegions: Readonly<Record<string, UnitId>> = {
  '130181': '130181',
  '139002': '130181',
  '130682': '130682',
  '139001': '130682',
  '130629': 'xiongan',
  '130632': 'xiongan',
  '130638': 'xiongan',
};

/** Whether a string is the id of one of the 14 reporting units. */
export function isUnitId(id: string): id is UnitId {
  return (unitIds as readonly string[]).includes(id);
}

/** The reporting unit with this id, if there is one. */
export function unitById(id: string): ReportingUnit | undefined {
  return reportingUnits.find((unit) => unit.id === id);
}

/** A unit's name; the id itself when no unit has it (a stored record naming an unknown unit stays readable). */
export function unitNameOf(id: string): string {
  return unitById(id)?.name ?? id;
}

/** The reporting unit a GB/T 2260 region code belongs to; undefined outside Hebei and for 130000 (province level). */
export function unitForRegion(regionCode: string): UnitId | undefined {
  if (!/^13\d{4}$/.test(regionCode)) return undefined;
  const special = specialRegions[regionCode];
  if (special !== undefined) return special;
  // 130000 itself yields 130000, which is no unit: registered at province level belongs to no city.
  const city = `${regionCode.slice(0, 4)}00`;
  return isUnitId(city) ? city : undefined;
}

/** The engine candidate group of a unit's city reviewers, e.g. `city130100`, `cityxiongan`. */
export function candidateGroupForUnit(unitId: UnitId): string {
  return `city${unitId}`;
}
