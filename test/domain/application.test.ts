import { describe, expect, it } from 'vitest';
import { applicationFields, fieldLabels } from '../../domain/application.js';
import { validApplication } from './valid-application.js';

/** The issues of parsing the valid example with some fields replaced, as [path, message] pairs. */
function issuesOf(changes: Record<string, unknown>): [string, string][] {
  const result = applicationFields.safeParse({ ...validApplication(), ...changes });
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

const group = { enterpriseGroup: '唐山示例钢铁集团有限公司', enterpriseGroupUscc: '91130200MA0D4E5F68' };
const preparer = { preparedBy: '石家庄示例咨询有限公司', preparedByUscc: '91130100MA0A1B2C31' };

const attachment = { id: '0b6f8e2a-4c1d-4f3e-9a2b-7c8d9e0f1a2b', fileName: '证明.pdf', sha256: 'b'.repeat(64) };

describe('applicationFields', () => {
  it('accepts a valid application as it is', () => {
    expect(applicationFields.parse(validApplication())).toEqual(validApplication());
  });

  it.each([
    ['a leap day', { periodStart: '2024-02-29', periodEnd: '2024-03-01' }],
    ['equal start and end', { periodStart: '2021-06-01', periodEnd: '2021-06-01' }],
    ['completed equal to total', { totalInvestment: 500, completedInvestment: 500 }],
    ['zero amounts', { totalInvestment: 0, completedInvestment: 0 }],
    ['the largest amount', { totalInvestment: 10_000_000 }],
    ['a 100-character name', { enterpriseName: '企'.repeat(100) }],
    ['a failing check character confirmed as printed', { uscc: '91130102MA0F3K7TX0', usccConfirmedAsPrinted: true }],
    ['雄安新区 as unit', { declaredUnit: 'xiongan' }],
    ['no IT team (E3 judges it, not the schema)', { itTeamSize: 0 }],
    ['a non-legal person with both proofs', { independentLegalPerson: false, localStatsProof: attachment, localTaxProof: attachment }],
    ['a filing number', { plannedForPilot: true, filingNumber: '冀发改备〔2021〕123号' }],
    ['a group and the firm that prepared the materials, with their codes', { ...group, ...preparer }],
    ['a group and a firm named without their codes', { enterpriseGroup: group.enterpriseGroup, preparedBy: preparer.preparedBy }],
    ['group and firm left blank, as the form sends untouched fields', { enterpriseGroup: '', enterpriseGroupUscc: '', preparedBy: ' ', preparedByUscc: '' }],
    ['100-character names of group and firm', { enterpriseGroup: '集'.repeat(100), preparedBy: '编'.repeat(100) }],
    ['a group code with spaces around it', { ...group, enterpriseGroupUscc: ` ${group.enterpriseGroupUscc} ` }],
    ['twenty performance targets', { performanceTargets: Array.from({ length: 20 }, () => ({ indicator: '产值', target: '1', baseline: '', unit: '' })) }],
  ])('accepts %s', (_case, changes) => {
    expect(issuesOf(changes)).toEqual([]);
  });

  it.each([
    ['an impossible date', { periodStart: '2021-02-30' }, 'periodStart', '请输入有效日期'],
    ['29 February of a common year', { periodEnd: '2021-02-29' }, 'periodEnd', '请输入有效日期'],
    ['a date without zero padding', { periodStart: '2021-3-1' }, 'periodStart', '请输入有效日期'],
    ['a date with a time', { periodEnd: '2022-12-31T00:00:00Z' }, 'periodEnd', '请输入有效日期'],
    ['an end before the start', { periodStart: '2021-03-01', periodEnd: '2021-02-28' }, 'periodEnd', '结束日期不能早于开始日期'],
    ['a negative total', { totalInvestment: -1 }, 'totalInvestment', '金额不能为负数'],
    ['a negative completed amount', { completedInvestment: -0.01 }, 'completedInvestment', '金额不能为负数'],
    ['an amount beyond the maximum', { totalInvestment: 10_000_001, completedInvestment: 0 }, 'totalInvestment', '金额不能超过10000000万元'],
    ['an amount as text', { totalInvestment: '1200' }, 'totalInvestment', '请输入金额'],
    ['completed above total', { totalInvestment: 100, completedInvestment: 100.01 }, 'completedInvestment', '已完成投资不能超过项目总投资'],
    ['an unknown unit', { declaredUnit: '130102' }, 'declaredUnit', '请选择有效的推荐单位'],
    ['the province as unit', { declaredUnit: '130000' }, 'declaredUnit', '请选择有效的推荐单位'],
    ['an over-long enterprise name', { enterpriseName: '企'.repeat(101) }, 'enterpriseName', '不能超过100个字'],
    ['an over-long project name', { projectName: '项'.repeat(101) }, 'projectName', '不能超过100个字'],
    ['a blank project name', { projectName: '   ' }, 'projectName', '不能为空'],
    ['a direction code of another shape (which codes a call declares is directionProblem’s)', { direction: 'Blockchain 平台' }, 'direction', '请选择有效的申报方向'],
    ['an unknown enterprise kind', { enterpriseKind: 'state-owned' }, 'enterpriseKind', '请选择企业类型'],
    ['an unknown stage', { integrationStage: 'advanced' }, 'integrationStage', '请选择两化融合发展水平阶段'],
    ['a fractional team size', { itTeamSize: 1.5 }, 'itTeamSize', '请输入整数'],
    ['a negative team size', { itTeamSize: -1 }, 'itTeamSize', '不能为负数'],
    ['a missing yes/no answer', { badRecordDeclared: undefined }, 'badRecordDeclared', '请选择是或否'],
    ['a repeated priority qualification', { priorityQualifications: ['it-pilot', 'it-pilot'] }, 'priorityQualifications', '优先条件不能重复选择'],
    ['an unknown priority qualification', { priorityQualifications: ['famous-brand'] }, 'priorityQualifications.0', '请选择有效的优先条件'],
    ['an over-long filing number', { filingNumber: '1'.repeat(65) }, 'filingNumber', '不能超过64个字'],
    ['no performance target', { performanceTargets: [] }, 'performanceTargets', '请至少填写一项绩效目标'],
    ['21 performance targets', { performanceTargets: Array.from({ length: 21 }, () => ({ indicator: '产值', target: '1' })) }, 'performanceTargets', '绩效目标不能超过20项'],
    ['a target without a target value', { performanceTargets: [{ indicator: '产值', target: ' ' }] }, 'performanceTargets.0.target', '不能为空'],
    ['an attachment id that is no UUID', { selfAssessmentReport: { ...attachment, id: 'report-1' } }, 'selfAssessmentReport.id', '附件标识无效'],
    ['an attachment digest too short', { localTaxProof: { ...attachment, sha256: 'b'.repeat(63) } }, 'localTaxProof.sha256', '附件摘要无效'],
    ['a USCC failing its check character, unconfirmed', { uscc: '91130102MA0F3K7TX0' }, 'uscc', expect.stringContaining('校验位不正确')],
    ['a USCC with an O, even confirmed', { uscc: '91130102MA0F3K7TXO', usccConfirmedAsPrinted: true }, 'uscc', expect.stringContaining('不允许的字符')],
    ['a USCC of 17 characters, even confirmed', { uscc: '91130102MA0F3K7TX', usccConfirmedAsPrinted: true }, 'uscc', '统一社会信用代码应为18位，当前为17位'],
    ['an empty USCC', { uscc: '' }, 'uscc', '不能为空'],
    ['a group code of 17 characters', { ...group, enterpriseGroupUscc: '91130200MA0D4E5F6' }, 'enterpriseGroupUscc', '统一社会信用代码应为18位，当前为17位'],
    ['a firm’s code with an O', { ...preparer, preparedByUscc: '91130100MA0A1B2CO1' }, 'preparedByUscc', expect.stringContaining('不允许的字符“O”')],
    ['a group code failing its check character, even with the enterprise’s own code confirmed as printed', { ...group, enterpriseGroupUscc: '91130200MA0D4E5F60', usccConfirmedAsPrinted: true }, 'enterpriseGroupUscc', '统一社会信用代码校验位不正确，请核对营业执照'],
    ['a firm’s code failing its check character', { ...preparer, preparedByUscc: '91130100MA0A1B2C30' }, 'preparedByUscc', '统一社会信用代码校验位不正确，请核对营业执照'],
    ['a group code without the group’s name', { enterpriseGroupUscc: group.enterpriseGroupUscc }, 'enterpriseGroup', '填写了所属集团统一社会信用代码的，请同时填写所属集团名称'],
    ['a firm’s code with a blank name', { preparedBy: '  ', preparedByUscc: preparer.preparedByUscc }, 'preparedBy', '填写了材料编制单位统一社会信用代码的，请同时填写材料编制单位名称'],
    ['an over-long group name', { enterpriseGroup: '集'.repeat(101) }, 'enterpriseGroup', '不能超过100个字'],
    ['an over-long firm name', { preparedBy: '编'.repeat(101) }, 'preparedBy', '不能超过100个字'],
    ['a firm’s code that is no text', { ...preparer, preparedByUscc: 91130100 }, 'preparedByUscc', expect.any(String)],
  ])('rejects %s at %s', (_case, changes, path, message) => {
    expect(issuesOf(changes)).toEqual([[path, message]]);
  });

  it('keeps an application from before the group and firm fields as it was, adding none of them', () => {
    // when
    const parsed = applicationFields.parse(validApplication());
    // then
    for (const key of ['enterpriseGroup', 'enterpriseGroupUscc', 'preparedBy', 'preparedByUscc']) expect(parsed).not.toHaveProperty(key);
  });

  it('trims the names and codes of group and firm', () => {
    // when
    const parsed = applicationFields.parse({ ...validApplication(), enterpriseGroup: ` ${group.enterpriseGroup} `, enterpriseGroupUscc: `${group.enterpriseGroupUscc} `, preparedBy: `${preparer.preparedBy}\n`, preparedByUscc: ` ${preparer.preparedByUscc}` });
    // then
    expect(parsed).toMatchObject({ ...group, ...preparer });
  });

  it('reports field problems and cross-field problems together', () => {
    // given an over-long name and a completed amount above the total
    const changes = { enterpriseName: '企'.repeat(101), totalInvestment: 100, completedInvestment: 200 };
    // when
    const issues = issuesOf(changes);
    // then
    expect(issues.map(([path]) => path).sort()).toEqual(['completedInvestment', 'enterpriseName']);
  });

  it('does not compare amounts when one of them is already wrong', () => {
    expect(issuesOf({ totalInvestment: -5, completedInvestment: 10 })).toEqual([['totalInvestment', '金额不能为负数']]);
  });

  it('answers a value that is not an object with one issue instead of throwing', () => {
    const result = applicationFields.safeParse(null);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
  });

  it('fills defaults, trims text, lower-cases digests and drops fields it does not know', () => {
    // given
    const { usccConfirmedAsPrinted: _confirmed, priorityQualifications: _priority, ...rest } = validApplication();
    const input = {
      ...rest,
      enterpriseName: '  石家庄示例装备制造有限公司 ',
      selfAssessmentReport: { ...attachment, sha256: 'AB'.repeat(32) },
      performanceTargets: [{ indicator: '产值', target: '1' }],
      contactPhone: '0311-87908721',
    };
    // when
    const parsed = applicationFields.parse(input);
    // then
    expect(parsed.usccConfirmedAsPrinted).toBe(false);
    expect(parsed.priorityQualifications).toEqual([]);
    expect(parsed.enterpriseName).toBe('石家庄示例装备制造有限公司');
    expect(parsed.selfAssessmentReport?.sha256).toBe('ab'.repeat(32));
    expect(parsed.performanceTargets).toEqual([{ indicator: '产值', baseline: '', target: '1', unit: '' }]);
    expect(parsed).not.toHaveProperty('contactPhone');
  });
});

describe('fieldLabels', () => {
  it('labels every field of the schema in Chinese', () => {
    expect(Object.keys(fieldLabels).sort()).toEqual(Object.keys(applicationFields.shape).sort());
    for (const label of Object.values(fieldLabels)) expect(label).toMatch(/\p{Script=Han}/u);
  });
});
