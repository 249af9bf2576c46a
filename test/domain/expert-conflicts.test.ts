import { describe, expect, it } from 'vitest';
import {
  conflictsOf,
  declaredRelationship,
  eligibility,
  enterpriseGroup,
  preparedMaterials,
  sameHomeUnit,
  sameOrganisation,
  threeYearsBefore,
  type DeclaredRelationship,
  type PoolExpert,
  type ReviewedProject,
} from '../../domain/expert-conflicts.js';

const enterpriseUscc = '91130102MA0F3K7TXF';
const groupUscc = '91130200MA0A1B2C3D';
const preparerUscc = '91130100MA0PREP01X';
const otherUscc = '91130600MA0OTHER1Y';
const sessionDate = '2026-06-15';
const off = { excludeSameUnit: false };
const on = { excludeSameUnit: true };

/** A project of 石家庄 by 河北智造科技有限公司 of 河钢集团, prepared by 石家庄信诚咨询有限公司, unless told otherwise. */
function project(changes: Partial<ReviewedProject> = {}): ReviewedProject {
  return {
    id: 'P1',
    title: '智能工厂项目',
    enterpriseName: '河北智造科技有限公司',
    uscc: enterpriseUscc,
    enterpriseGroup: '河钢集团有限公司',
    enterpriseGroupUscc: groupUscc,
    preparedBy: '石家庄信诚咨询有限公司',
    preparedByUscc: preparerUscc,
    unitId: '130100',
    direction: 'enterprise-platform',
    directionLabel: '企业级工业互联网平台',
    ...changes,
  };
}

/** An active expert of 保定 at a university, covering the project's direction, with nothing declared. */
function expert(changes: Partial<PoolExpert> = {}): PoolExpert {
  return {
    id: 'E1',
    name: '王明',
    organisation: '河北大学',
    organisationUscc: null,
    homeUnitId: '130600',
    fields: ['enterprise-platform'],
    active: true,
    relationships: [],
    ...changes,
  };
}

function related(kind: DeclaredRelationship['kind'], until?: string, uscc = enterpriseUscc): PoolExpert {
  return expert({ relationships: [{ kind, enterpriseUscc: uscc, enterpriseName: '河北智造科技有限公司', until: until ?? null }] });
}

const context = { settings: off, sessionDate };

describe('sameOrganisation', () => {
  it.each<[string, Partial<PoolExpert>, Partial<ReviewedProject>, string | undefined]>([
    ['the same USCC', { organisationUscc: enterpriseUscc }, {}, '专家工作单位即申报企业河北智造科技有限公司（统一社会信用代码相同）'],
    ['the same USCC typed full-width in lower case', { organisationUscc: ' ９１１３０１０２ma０f３k７txf ' }, {}, '专家工作单位即申报企业河北智造科技有限公司（统一社会信用代码相同）'],
    ['the same name spelt with spaces and full-width parentheses', { organisation: '河北智造科技 有限公司' }, { enterpriseName: '河北智造科技有限公司' }, '专家工作单位即申报企业河北智造科技有限公司（单位名称相同）'],
    ['another enterprise', { organisation: '河北另一科技有限公司', organisationUscc: otherUscc }, {}, undefined],
    ['no USCC on either side and another name', { organisationUscc: '' }, {}, undefined],
  ])('%s → %j', (_case, expertChanges, projectChanges, expected) => {
    expect(sameOrganisation(expert(expertChanges), project(projectChanges))).toBe(expected);
  });
});

describe('enterpriseGroup', () => {
  it.each<[string, Partial<PoolExpert>, Partial<ReviewedProject>, string | undefined]>([
    ['the group’s USCC', { organisation: '某单位', organisationUscc: groupUscc.toLowerCase() }, {}, '专家工作单位属于申报企业所属集团河钢集团有限公司（统一社会信用代码相同）'],
    ['the group itself by name', { organisation: '河钢集团 有限公司' }, {}, '专家工作单位河钢集团 有限公司属于申报企业所属集团河钢集团有限公司'],
    ['a member named after the group', { organisation: '河钢股份有限公司唐山分公司' }, {}, '专家工作单位河钢股份有限公司唐山分公司属于申报企业所属集团河钢集团有限公司'],
    ['a group named only by USCC', { organisationUscc: groupUscc }, { enterpriseGroup: null }, `专家工作单位属于申报企业所属集团${groupUscc}（统一社会信用代码相同）`],
    ['an unrelated organisation', { organisation: '河北大学' }, {}, undefined],
    ['a project without a group', { organisation: '河钢股份有限公司' }, { enterpriseGroup: null, enterpriseGroupUscc: null }, undefined],
    ['a group whose core name is one character', { organisation: '华北电力大学' }, { enterpriseGroup: '华集团', enterpriseGroupUscc: null }, undefined],
  ])('%s → %j', (_case, expertChanges, projectChanges, expected) => {
    expect(enterpriseGroup(expert(expertChanges), project(projectChanges))).toBe(expected);
  });
});

describe('declaredRelationship', () => {
  it('counts three years back from the session date', () => {
    expect(threeYearsBefore('2026-06-15')).toBe('2023-06-15');
    expect(threeYearsBefore('2028-02-29')).toBe('2025-02-29');
    expect(() => threeYearsBefore('15.06.2026')).toThrow(RangeError);
  });

  it.each<[string, PoolExpert, string | undefined]>([
    ['works for the enterprise', related('works-for'), '专家在申报企业河北智造科技有限公司任职'],
    ['worked for it, end unknown', related('worked-for'), '专家近三年曾在申报企业河北智造科技有限公司任职'],
    ['worked for it until exactly three years before', related('worked-for', '2023-06-15'), '专家近三年曾在申报企业河北智造科技有限公司任职（至2023-06-15）'],
    ['worked for it until a day more than three years before', related('worked-for', '2023-06-14'), undefined],
    ['cooperated within three years', related('cooperated', '2025-01-01'), '专家近三年与申报企业河北智造科技有限公司有合作关系（至2025-01-01）'],
    ['cooperated four years ago', related('cooperated', '2022-06-01'), undefined],
    ['advises it', related('advises'), '专家担任申报企业河北智造科技有限公司顾问'],
    ['holds an interest', related('interest'), '专家与申报企业河北智造科技有限公司有利益关系'],
    ['a close relative works there', related('relative'), '专家的近亲属在申报企业河北智造科技有限公司任职'],
    ['declared with a lower-case USCC', related('advises', undefined, enterpriseUscc.toLowerCase()), '专家担任申报企业河北智造科技有限公司顾问'],
    ['an end date on any kind: works-for ended more than three years before', related('works-for', '2023-01-31'), undefined],
    ['works for another enterprise', related('works-for', undefined, otherUscc), undefined],
    ['nothing declared', expert(), undefined],
  ])('%s → %j', (_case, candidate, expected) => {
    expect(declaredRelationship(candidate, project(), context)).toBe(expected);
  });

  it('lists two relationships with the enterprise in one reason', () => {
    const candidate = expert({
      relationships: [
        { kind: 'advises', enterpriseUscc },
        { kind: 'relative', enterpriseUscc },
      ],
    });
    expect(declaredRelationship(candidate, project(), context)).toBe('专家担任申报企业河北智造科技有限公司顾问；专家的近亲属在申报企业河北智造科技有限公司任职');
  });
});

describe('preparedMaterials', () => {
  it.each<[string, Partial<PoolExpert>, Partial<ReviewedProject>, string | undefined]>([
    ['the organisation’s USCC is the preparer’s', { organisationUscc: preparerUscc }, {}, '申报材料由专家工作单位石家庄信诚咨询有限公司编制'],
    ['the organisation’s name is the preparer’s', { organisation: '石家庄信诚咨询（有限）公司' }, { preparedBy: '石家庄信诚咨询(有限)公司', preparedByUscc: null }, '申报材料由专家工作单位石家庄信诚咨询(有限)公司编制'],
    ['the expert prepared them', { name: '王 明' }, { preparedBy: '王明', preparedByUscc: null }, '申报材料由专家本人编制'],
    ['another preparer', { organisation: '河北大学' }, {}, undefined],
    ['the enterprise prepared them itself', { organisationUscc: preparerUscc }, { preparedBy: null, preparedByUscc: null }, undefined],
  ])('%s → %j', (_case, expertChanges, projectChanges, expected) => {
    expect(preparedMaterials(expert(expertChanges), project(projectChanges))).toBe(expected);
  });
});

describe('sameHomeUnit', () => {
  it.each<[string, string, boolean, string | undefined]>([
    ['same unit, setting on', '130100', true, '专家与项目同属石家庄市（已设置同地区回避）'],
    ['same unit, setting off (the default)', '130100', false, undefined],
    ['another unit, setting on', '130600', true, undefined],
  ])('%s → %j', (_case, homeUnitId, excludeSameUnit, expected) => {
    expect(sameHomeUnit(expert({ homeUnitId }), project(), { settings: { excludeSameUnit }, sessionDate })).toBe(expected);
  });
});

describe('conflictsOf and eligibility', () => {
  it('finds no conflict for an unrelated expert, who is eligible', () => {
    expect(conflictsOf(expert(), project(), off, sessionDate)).toEqual([]);
    expect(eligibility(expert(), project(), off, sessionDate)).toEqual({ expertId: 'E1', eligible: true, reasons: [] });
  });

  it('lists every conflict, in rule order, with its code', () => {
    // given an expert of the enterprise itself, who also prepared the materials, of the same unit
    const candidate = expert({
      name: '王明',
      organisation: '河北智造科技有限公司',
      organisationUscc: enterpriseUscc,
      homeUnitId: '130100',
      relationships: [{ kind: 'works-for', enterpriseUscc }],
    });

    // when
    const conflicts = conflictsOf(candidate, project({ preparedBy: '王明', preparedByUscc: null }), on, sessionDate);

    // then
    expect(conflicts.map((conflict) => conflict.code)).toEqual(['same-organisation', 'declared-relationship', 'prepared-materials', 'same-home-unit']);
  });

  it.each<[string, Partial<PoolExpert>, Partial<ReviewedProject>, string[]]>([
    ['an inactive expert', { active: false }, {}, ['专家已停用']],
    ['fields without the direction', { fields: ['network-upgrade'] }, {}, ['专家的专业领域不含项目方向（企业级工业互联网平台）']],
    ['inactive, uncovered and conflicted', { active: false, fields: [], organisationUscc: enterpriseUscc }, {}, ['专家已停用', '专家的专业领域不含项目方向（企业级工业互联网平台）', '专家工作单位即申报企业河北智造科技有限公司（统一社会信用代码相同）']],
  ])('says why %s is not eligible', (_case, expertChanges, projectChanges, reasons) => {
    const answer = eligibility(expert(expertChanges), project(projectChanges), off, sessionDate);
    expect(answer.eligible).toBe(false);
    expect(answer.reasons.map((entry) => entry.reason)).toEqual(reasons);
  });

  it('lets an expert of the parent direction review a sub-type’s project', () => {
    const cityPlatform = project({ direction: 'city-platform', directionSubtypeOf: 'industry-platform' });
    expect(eligibility(expert({ fields: ['industry-platform'] }), cityPlatform, off, sessionDate).eligible).toBe(true);
    expect(eligibility(expert({ fields: ['city-platform'] }), cityPlatform, off, sessionDate).eligible).toBe(true);
    expect(eligibility(expert({ fields: ['city-platform'] }), project({ direction: 'industry-platform' }), off, sessionDate).eligible).toBe(false);
  });
});
