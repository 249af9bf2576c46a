import { describe, expect, it } from 'vitest';
import { applicationFields, enterpriseKindLabels, integrationStageLabels, projectTypeLabels } from '../../domain/application.js';
import { call2021 } from '../../domain/call.js';
import { DIRECTION_OPTIONS_KEY, directionProblem } from '../../domain/call-directions.js';
import { defaultDirectionTemplates, type DirectionCode, type TemplateCode } from '../../domain/directions.js';
import { priorityQualifications } from '../../domain/priority.js';
import { reportingUnits } from '../../domain/units.js';
import { formFieldKeys, validateAgainstForm } from '../../platform/form-validation.js';
import { allComponents, componentByKey, expectedHeader, installedSchemaVersion, readForm } from './form-files.js';

const attachment = (fileName: string) => ({ id: '3f2b8c1e-9a4d-4e2f-8b1a-1c2d3e4f5a6b', fileName, sha256: 'a'.repeat(64) });

/** The fields all three application forms share, filled in validly. */
const sharedFields = {
  enterpriseName: '石家庄示例装备制造有限公司',
  uscc: '91130102MA0F3K7TXF',
  usccConfirmedAsPrinted: false,
  registeredAddress: '河北省石家庄市长安区示例路1号',
  declaredUnit: '130100',
  legalRepresentative: '张三',
  contactName: '李四',
  contactPhone: '0311-87908721',
  contactEmail: 'contact@example.com.cn',
  enterpriseKind: 'industrial',
  independentLegalPerson: true,
  integrationStage: 'integration',
  selfAssessmentReport: attachment('两化融合自评估报告.pdf'),
  itTeamSize: 12,
  badRecordDeclared: false,
  priorityQualifications: ['specialized-sme', 'it-award'],
  projectName: '基于工业互联网平台的示范项目',
  projectType: 'new',
  totalInvestment: 1200,
  completedInvestment: 300.55,
  periodStart: '2021-03-01',
  periodEnd: '2022-12-31',
  plannedForPilot: true,
  filingNumber: '2021-130102-39-03-000123',
  priorFiscalFunding: false,
  content: '建设设备联网和数据采集系统，打通设计、生产和运维环节。',
  performanceTargets: [
    { indicator: '生产效率提升', baseline: '0', target: '20', unit: '%' },
    { indicator: '通过两化融合管理体系评定', baseline: '', target: '通过', unit: '' },
  ],
  businessLicense: attachment('营业执照.pdf'),
  filingDocument: attachment('备案证明.pdf'),
  otherAttachments: [attachment('专精特新证书.pdf')],
  commitment: true,
};

/** Each application form: its template, a valid submission and a broken value of one of its own fields. */
const applicationForms: {
  name: string;
  template: TemplateCode;
  valid: Record<string, unknown>;
  ownBroken: [string, Record<string, unknown>, string];
}[] = [
  {
    name: 'application-mode',
    template: 'mode-application',
    valid: {
      ...sharedFields,
      direction: 'mode-intelligent-manufacturing',
      applicationScenario: '离散装备制造的生产排程与设备运维。',
      technicalApproach: '边缘采集 + 企业级平台 + 工业APP。',
      expectedBenefits: '生产效率提升20%，运维成本降低15%。',
      promotionValue: '可在省内装备制造产业集群推广。',
      implementationPlan: attachment('实施方案.pdf'),
    },
    ownBroken: ['an empty application scenario', { applicationScenario: '   ' }, 'applicationScenario'],
  },
  {
    name: 'application-industry-platform',
    template: 'industry-platform',
    valid: {
      ...sharedFields,
      direction: 'city-platform',
      platformName: '示例市工业互联网综合服务平台',
      servedIndustry: '装备制造',
      connectedDevices: 15000,
      servedEnterprises: 320,
      industrialApps: 85,
      platformCapabilities: '设备接入、数据分析、供需对接和应用开发。',
      platformIntroduction: attachment('平台介绍.pdf'),
    },
    ownBroken: ['a negative number of connected devices', { connectedDevices: -1 }, 'connectedDevices'],
  },
  {
    name: 'application-experience-center',
    template: 'experience-center',
    valid: {
      ...sharedFields,
      direction: 'experience-center',
      centerName: '示例工业互联网平台应用创新体验中心',
      centerAddress: '河北省石家庄市示例园区2号楼',
      floorArea: 1200.5,
      demonstrationScenarios: 24,
      annualVisitorCapacity: 20000,
      partnerPlatforms: '三家国家级双跨平台。',
      venueProof: attachment('租赁合同.pdf'),
      venuePhotos: [attachment('展厅1.jpg'), attachment('展厅2.jpg')],
    },
    ownBroken: ['a floor area with three decimals', { floorArea: 1200.125 }, 'floorArea'],
  },
];

/** Broken submissions every application form refuses, each at one path. */
const sharedBroken: [string, Record<string, unknown>, string][] = [
  ['no enterprise name', { enterpriseName: '' }, 'enterpriseName'],
  ['an enterprise name over 100 characters', { enterpriseName: '企'.repeat(101) }, 'enterpriseName'],
  ['a USCC in lower case', { uscc: '91130102ma0f3k7txf' }, 'uscc'],
  ['a USCC with a letter it never uses', { uscc: '91130102MA0F3K7TXI' }, 'uscc'],
  ['a USCC of 17 characters', { uscc: '91130102MA0F3K7TX' }, 'uscc'],
  ['a unit that is no reporting unit', { declaredUnit: '130000' }, 'declaredUnit'],
  ['an address over 200 characters', { registeredAddress: '址'.repeat(201) }, 'registeredAddress'],
  ['no legal representative', { legalRepresentative: undefined }, 'legalRepresentative'],
  ['a phone number too short', { contactPhone: '12345' }, 'contactPhone'],
  ['a mobile number with 12 digits', { contactPhone: '138001380001' }, 'contactPhone'],
  ['an email without domain', { contactEmail: 'contact@' }, 'contactEmail'],
  ['a group name over 100 characters', { enterpriseGroup: '集'.repeat(101) }, 'enterpriseGroup'],
  ['a group code in lower case', { enterpriseGroup: '唐山示例钢铁集团有限公司', enterpriseGroupUscc: '91130200ma0d4e5f68' }, 'enterpriseGroupUscc'],
  ['a firm name over 100 characters', { preparedBy: '编'.repeat(101) }, 'preparedBy'],
  ['a firm code of 17 characters', { preparedBy: '石家庄示例咨询有限公司', preparedByUscc: '91130100MA0A1B2C3' }, 'preparedByUscc'],
  ['an unknown enterprise kind', { enterpriseKind: 'state-owned' }, 'enterpriseKind'],
  ['a proof that is no attachment when it is shown', { independentLegalPerson: false, localStatsProof: 'files::1' }, 'localStatsProof'],
  ['an unknown integration stage', { integrationStage: 'single-application' }, 'integrationStage'],
  ['a fractional IT team', { itTeamSize: 1.5 }, 'itTeamSize'],
  ['a negative IT team', { itTeamSize: -1 }, 'itTeamSize'],
  ['a bad-record answer that is no boolean', { badRecordDeclared: 'no' }, 'badRecordDeclared'],
  ['an unknown priority qualification', { priorityQualifications: ['national-champion'] }, 'priorityQualifications'],
  ['no project name', { projectName: '' }, 'projectName'],
  ['an unknown project type', { projectType: 'renovation' }, 'projectType'],
  ['an investment above the cap', { totalInvestment: 10_000_001 }, 'totalInvestment'],
  ['an investment with three decimals', { completedInvestment: 1.234 }, 'completedInvestment'],
  ['an investment typed as text', { totalInvestment: '1200' }, 'totalInvestment'],
  ['a start date that does not exist', { periodStart: '2021-13-01' }, 'periodStart'],
  ['no end date', { periodEnd: '' }, 'periodEnd'],
  ['a filing number over 64 characters', { filingNumber: 'x'.repeat(65) }, 'filingNumber'],
  ['no construction content', { content: '' }, 'content'],
  ['construction content over 5000 characters', { content: '容'.repeat(5001) }, 'content'],
  ['no performance target', { performanceTargets: [] }, 'performanceTargets'],
  ['more than 20 performance targets', { performanceTargets: Array.from({ length: 21 }, () => ({ indicator: '指标', target: '1' })) }, 'performanceTargets'],
  ['a target without indicator', { performanceTargets: [{ indicator: '', baseline: '', target: '20', unit: '%' }] }, 'performanceTargets.0.indicator'],
  ['a second target without target value', { performanceTargets: [{ indicator: '甲', target: '1' }, { indicator: '乙', baseline: '1' }] }, 'performanceTargets.1.target'],
  ['a unit over 20 characters', { performanceTargets: [{ indicator: '甲', target: '1', unit: '单'.repeat(21) }] }, 'performanceTargets.0.unit'],
  ['no business licence', { businessLicense: undefined }, 'businessLicense'],
  ['several files where one is expected', { businessLicense: [attachment('a.pdf'), attachment('b.pdf')] }, 'businessLicense'],
  ['the commitment not given', { commitment: false }, 'commitment'],
  ['a field no form defines', { applicationNumber: '2021-130100-0001' }, 'applicationNumber'],
];

const requiredByDomain = Object.keys(applicationFields.shape);

describe.each(applicationForms)('application form $name', ({ name, template, valid, ownBroken }) => {
  const form = readForm(name);

  it('carries its id and the header of a Camunda 7.24 form of the installed form-js', () => {
    expect(form).toMatchObject({ id: name, ...expectedHeader, schemaVersion: installedSchemaVersion() });
  });

  it('accepts a submission without the self-assessment report: rule E3 asks for it as a correction', () => {
    const { selfAssessmentReport: _omitted, ...withoutReport } = valid;
    expect(validateAgainstForm(form, withoutReport)).toEqual([]);
  });

  it('gives every component a unique id', () => {
    // given
    const ids = allComponents(form.components).map((component) => component.id);
    // then
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('defines every field the domain rules read', () => {
    // when
    const keys = formFieldKeys(form);
    // then
    expect(requiredByDomain.filter((key) => !keys.includes(key))).toEqual([]);
  });

  it("takes its direction choices from the call's data (directionOptions), listing none of its own", () => {
    expect(componentByKey(form, 'direction').valuesKey).toBe(DIRECTION_OPTIONS_KEY);
    expect(componentByKey(form, 'direction').values).toBeUndefined();
  });

  it.each<[string, { value: string; label: string }[]]>([
    ['declaredUnit', reportingUnits.map((unit) => ({ value: unit.id, label: unit.name }))],
    ['enterpriseKind', Object.entries(enterpriseKindLabels).map(([value, label]) => ({ value, label }))],
    ['integrationStage', Object.entries(integrationStageLabels).map(([value, label]) => ({ value, label }))],
    ['projectType', Object.entries(projectTypeLabels).map(([value, label]) => ({ value, label }))],
    ['priorityQualifications', priorityQualifications.map((entry) => ({ value: entry.code, label: entry.label }))],
  ])('offers the domain options of %s', (key, expected) => {
    expect(componentByKey(form, key).values).toEqual(expected);
  });

  it('hides the local proofs for an independent legal person', () => {
    for (const key of ['localStatsProof', 'localTaxProof']) {
      expect(componentByKey(form, key).conditional).toEqual({ hide: '=independentLegalPerson' });
    }
  });

  it('accepts a complete valid submission, which the domain schema accepts too', () => {
    // when
    const problems = validateAgainstForm(form, valid);
    // then
    expect(problems).toEqual([]);
    expect(applicationFields.safeParse(valid).error?.issues).toBeUndefined();
  });

  it('offers the group and the firm that prepared the materials as optional fields, their codes checked like the enterprise’s', () => {
    // given
    const { pattern, patternErrorMessage } = componentByKey(form, 'uscc').validate as Record<string, unknown>;
    // then: text fields none of which is required
    expect(['enterpriseGroup', 'enterpriseGroupUscc', 'preparedBy', 'preparedByUscc'].map((key) => [key, componentByKey(form, key).type, componentByKey(form, key).validate])).toEqual([
      ['enterpriseGroup', 'textfield', { maxLength: 100 }],
      ['enterpriseGroupUscc', 'textfield', { pattern, patternErrorMessage }],
      ['preparedBy', 'textfield', { maxLength: 100 }],
      ['preparedByUscc', 'textfield', { pattern, patternErrorMessage }],
    ]);
    expect(componentByKey(form, 'preparedBy').description).toBe('由第三方机构编制申报材料的，请填写该机构名称；企业自行编制的可不填');
  });

  it.each<[string, Record<string, unknown>]>([
    ['named with their codes', { enterpriseGroup: '唐山示例钢铁集团有限公司', enterpriseGroupUscc: '91130200MA0D4E5F68', preparedBy: '石家庄示例咨询有限公司', preparedByUscc: '91130100MA0A1B2C31' }],
    ['left blank', { enterpriseGroup: '', enterpriseGroupUscc: '', preparedBy: '', preparedByUscc: '' }],
  ])('accepts a group and a firm %s, and so does the domain schema', (_case, changes) => {
    // given
    const data = { ...valid, ...changes };
    // when / then
    expect(validateAgainstForm(form, data)).toEqual([]);
    expect(applicationFields.safeParse(data).error?.issues).toBeUndefined();
  });

  it('accepts an enterprise that is no independent legal person, with its proofs', () => {
    // given
    const data = { ...valid, independentLegalPerson: false, localStatsProof: attachment('统计证明.pdf'), localTaxProof: attachment('纳税证明.pdf') };
    // when / then
    expect(validateAgainstForm(form, data)).toEqual([]);
  });

  it.each([...sharedBroken, ownBroken])('refuses %s at one path', (_case, changes, path) => {
    // given
    const data = { ...valid, ...changes };
    // when
    const problems = validateAgainstForm(form, data);
    // then
    expect(problems.map((problem) => problem.path)).toEqual([path]);
  });

  it("leaves a direction of another category to the call's check, which refuses it", () => {
    // given
    const foreign = (Object.keys(defaultDirectionTemplates) as DirectionCode[]).find((direction) => defaultDirectionTemplates[direction] !== template)!;
    // when
    const problems = validateAgainstForm(form, { ...valid, direction: foreign });
    // then
    expect(problems).toEqual([]);
    expect(directionProblem(call2021, template, foreign)).toBe('该申报方向不属于本申报书类别，请选择其他申报书类别');
  });

});
