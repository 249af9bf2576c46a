// The qualifications that give priority when applications are otherwise equal (二、（四）, 同等条件下优先).
// Only the data lives here: the order in which they weigh is a decision table the province edits.

/** The priority qualifications, in the notice's order. */
export const priorityQualifications = [
  { code: 'it-pilot', label: '列入国家和省信息化类试点示范' },
  { code: 'it-award', label: '取得省级以上信息技术创新成果或奖励' },
  { code: 'management-system', label: '两化融合管理体系贯标并通过评定' },
  { code: 'specialized-sme', label: '省级“专精特新”中小企业' },
  { code: 'epidemic-supplies', label: '疫情防控重点物资生产企业' },
] as const;

/** The code of one priority qualification. */
export type PriorityQualification = (typeof priorityQualifications)[number]['code'];

/** The qualification codes alone, for enums in schemas. */
export const priorityQualificationCodes: readonly PriorityQualification[] = priorityQualifications.map((entry) => entry.code);
