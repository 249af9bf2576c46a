// 回避: the conflicts that keep an expert off a project's panel (LIFECYCLE.md stage 4b), one function per rule, and
// the eligibility the officer sees for each expert: active, fields covering the project's direction, no conflict.
// Where the data leaves doubt (a relationship without an end date, a group named only by its short name) the rules
// err towards a conflict: a needless 回避 costs one expert, a missed one costs the review.
import { normaliseProjectName } from './eligibility/e6-not-duplicate.js';
import { unitNameOf } from './units.js';
import { normaliseUscc } from './uscc.js';

/** The relationships an expert declares with an enterprise, with the label the pool shows. */
export const relationshipKinds = [
  { kind: 'works-for', label: '现任职' },
  { kind: 'worked-for', label: '曾任职' },
  { kind: 'cooperated', label: '合作关系' },
  { kind: 'advises', label: '担任顾问' },
  { kind: 'interest', label: '利益关系' },
  { kind: 'relative', label: '近亲属任职' },
] as const;

/** One kind of declared relationship. */
export type RelationshipKind = (typeof relationshipKinds)[number]['kind'];

/** A relationship an expert declared with an enterprise. */
export interface DeclaredRelationship {
  kind: RelationshipKind;
  enterpriseUscc: string;
  enterpriseName?: string | null;
  /** When the relationship ended (ISO date); none when it is ongoing or its end is unknown. */
  until?: string | null;
}

/** An expert of the pool, as the rules read it. */
export interface PoolExpert {
  id: string;
  name: string;
  /** 工作单位. */
  organisation: string;
  organisationUscc?: string | null;
  /** The reporting unit (city) the expert belongs to. */
  homeUnitId: string;
  /** Direction codes the expert reviews. */
  fields: readonly string[];
  active: boolean;
  relationships: readonly DeclaredRelationship[];
}

/** A project under review, as the rules read it. */
export interface ReviewedProject {
  id: string;
  /** 项目名称, for the officer's messages. */
  title?: string | null;
  enterpriseName: string;
  uscc: string;
  /** 所属集团 and its USCC, when the application names them. */
  enterpriseGroup?: string | null;
  enterpriseGroupUscc?: string | null;
  /** 编制单位: whoever prepared the materials, when not the enterprise itself. */
  preparedBy?: string | null;
  preparedByUscc?: string | null;
  /** The reporting unit that recommended it. */
  unitId: string;
  direction: string;
  /** The direction's label, for the officer's messages (the code when missing). */
  directionLabel?: string | null;
  /** The direction this one is a sub-type of (the city platform under the industry platform): its experts cover it. */
  directionSubtypeOf?: string | null;
}

/** The configurable part of the rules. */
export interface ConflictSettings {
  /** Keep experts off projects of their own home unit (同地区回避); off by default. */
  excludeSameUnit: boolean;
}

/** The shipped settings. */
export const defaultConflictSettings: ConflictSettings = { excludeSameUnit: false };

/** The code of one conflict rule. */
export type ConflictCode = 'same-organisation' | 'enterprise-group' | 'declared-relationship' | 'prepared-materials' | 'same-home-unit';

/** Why an expert may not review a project: a stable code and the Chinese reason the officer reads. */
export interface IneligibilityReason {
  code: ConflictCode | 'inactive' | 'field';
  reason: string;
}

/** What a rule reads besides the expert and the project. */
export interface ConflictContext {
  settings: ConflictSettings;
  /** The review session's date (ISO), from which the 3-year window of past relationships counts back. */
  sessionDate: string;
}

/** The expert works for the applicant enterprise itself: same USCC, or the same name where a USCC is missing. */
export function sameOrganisation(expert: PoolExpert, project: ReviewedProject): string | undefined {
  if (sameUscc(expert.organisationUscc, project.uscc)) return `专家工作单位即申报企业${project.enterpriseName}（统一社会信用代码相同）`;
  if (sameName(expert.organisation, project.enterpriseName)) return `专家工作单位即申报企业${project.enterpriseName}（单位名称相同）`;
  return undefined;
}

/**
 * The expert's organisation is the enterprise's group (所属集团) or one of its members: the group's USCC, the group's
 * name, or a name containing the group's core name (its name without 集团/有限公司 and the like, two characters at least).
 */
export function enterpriseGroup(expert: PoolExpert, project: ReviewedProject): string | undefined {
  const group = project.enterpriseGroup?.trim() ?? '';
  const label = group || (project.enterpriseGroupUscc ?? '');
  if (sameUscc(expert.organisationUscc, project.enterpriseGroupUscc)) return `专家工作单位属于申报企业所属集团${label}（统一社会信用代码相同）`;
  if (group === '') return undefined;
  const organisation = normaliseOrganisationName(expert.organisation);
  const core = groupCoreName(group);
  if (organisation === normaliseOrganisationName(group) || (core.length >= 2 && organisation.includes(core))) {
    return `专家工作单位${expert.organisation}属于申报企业所属集团${group}`;
  }
  return undefined;
}

/** The expert declared a relationship with the enterprise (by USCC) that is ongoing or ended within 3 years. */
export function declaredRelationship(expert: PoolExpert, project: ReviewedProject, context: ConflictContext): string | undefined {
  const windowStart = threeYearsBefore(context.sessionDate);
  const reasons = expert.relationships
    .filter((relationship) => sameUscc(relationship.enterpriseUscc, project.uscc))
    .filter((relationship) => !relationship.until || relationship.until >= windowStart)
    .map((relationship) => relationshipReason(relationship, project.enterpriseName));
  return reasons.length === 0 ? undefined : [...new Set(reasons)].join('；');
}

/** The expert, or their organisation, prepared the application's materials (编制单位). */
export function preparedMaterials(expert: PoolExpert, project: ReviewedProject): string | undefined {
  const preparer = project.preparedBy?.trim() ?? '';
  const label = preparer || (project.preparedByUscc ?? '');
  if (sameUscc(expert.organisationUscc, project.preparedByUscc)) return `申报材料由专家工作单位${label}编制`;
  if (preparer === '') return undefined;
  if (sameName(expert.organisation, preparer)) return `申报材料由专家工作单位${preparer}编制`;
  if (sameName(expert.name, preparer)) return `申报材料由专家本人编制`;
  return undefined;
}

/** The expert's home unit is the project's unit, when the setting asks for it. */
export function sameHomeUnit(expert: PoolExpert, project: ReviewedProject, context: ConflictContext): string | undefined {
  if (!context.settings.excludeSameUnit || expert.homeUnitId !== project.unitId) return undefined;
  return `专家与项目同属${unitNameOf(project.unitId)}（已设置同地区回避）`;
}

/** The conflict rules in the order the officer reads their reasons. */
export const conflictRules: readonly {
  code: ConflictCode;
  check: (expert: PoolExpert, project: ReviewedProject, context: ConflictContext) => string | undefined;
}[] = [
  { code: 'same-organisation', check: sameOrganisation },
  { code: 'enterprise-group', check: enterpriseGroup },
  { code: 'declared-relationship', check: declaredRelationship },
  { code: 'prepared-materials', check: preparedMaterials },
  { code: 'same-home-unit', check: sameHomeUnit },
];

/** Every conflict between an expert and a project, each with its reason; none means no 回避 is needed. */
export function conflictsOf(expert: PoolExpert, project: ReviewedProject, settings: ConflictSettings, sessionDate: string): IneligibilityReason[] {
  const context = { settings, sessionDate };
  return conflictRules.flatMap(({ code, check }) => {
    const reason = check(expert, project, context);
    return reason === undefined ? [] : [{ code, reason }];
  });
}

/** Whether an expert may sit on a project's panel, with every reason why not (inactive, fields, conflicts). */
export function eligibility(
  expert: PoolExpert,
  project: ReviewedProject,
  settings: ConflictSettings,
  sessionDate: string,
): { expertId: string; eligible: boolean; reasons: IneligibilityReason[] } {
  const reasons: IneligibilityReason[] = [];
  if (!expert.active) reasons.push({ code: 'inactive', reason: '专家已停用' });
  if (!coversDirection(expert, project)) reasons.push({ code: 'field', reason: `专家的专业领域不含项目方向（${project.directionLabel || project.direction}）` });
  reasons.push(...conflictsOf(expert, project, settings, sessionDate));
  return { expertId: expert.id, eligible: reasons.length === 0, reasons };
}

/** Whether the expert's fields include the project's direction, or the direction it is a sub-type of. */
export function coversDirection(expert: Pick<PoolExpert, 'fields'>, project: Pick<ReviewedProject, 'direction' | 'directionSubtypeOf'>): boolean {
  return expert.fields.includes(project.direction) || (!!project.directionSubtypeOf && expert.fields.includes(project.directionSubtypeOf));
}

/** An organisation's name reduced to what identifies it (the spelling noise E6 removes from project names). */
export function normaliseOrganisationName(name: string): string {
  return normaliseProjectName(name);
}

/** The ISO date three years before another (the same month and day; 29 February compares as the end of February). */
export function threeYearsBefore(isoDate: string): string {
  const match = /^(\d{4})-(\d{2}-\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not an ISO date: ${isoDate}`);
  return `${String(Number(match[1]) - 3).padStart(4, '0')}-${match[2]}`;
}

// helpers

function sameUscc(left: string | null | undefined, right: string | null | undefined): boolean {
  if (!left || !right) return false;
  const normalised = normaliseUscc(left);
  return normalised !== '' && normalised === normaliseUscc(right);
}

function sameName(left: string, right: string): boolean {
  const normalised = normaliseOrganisationName(left);
  return normalised !== '' && normalised === normaliseOrganisationName(right);
}

// Longest first, so 集团股份有限公司 goes as a whole.
const groupSuffixes = ['集团股份有限公司', '集团有限责任公司', '集团有限公司', '股份有限公司', '有限责任公司', '集团公司', '有限公司', '总公司', '集团', '公司'];

function groupCoreName(group: string): string {
  const normalised = normaliseOrganisationName(group);
  const suffix = groupSuffixes.find((candidate) => normalised.endsWith(candidate));
  return suffix ? normalised.slice(0, -suffix.length) : normalised;
}

function relationshipReason(relationship: DeclaredRelationship, enterpriseName: string): string {
  const until = relationship.until ? `（至${relationship.until}）` : '';
  switch (relationship.kind) {
    case 'works-for':
      return `专家在申报企业${enterpriseName}任职${until}`;
    case 'worked-for':
      return `专家近三年曾在申报企业${enterpriseName}任职${until}`;
    case 'cooperated':
      return `专家近三年与申报企业${enterpriseName}有合作关系${until}`;
    case 'advises':
      return `专家担任申报企业${enterpriseName}顾问${until}`;
    case 'interest':
      return `专家与申报企业${enterpriseName}有利益关系${until}`;
    case 'relative':
      return `专家的近亲属在申报企业${enterpriseName}任职${until}`;
  }
}
