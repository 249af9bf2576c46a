// E1 (二、（一）): registered in Hebei, an industrial enterprise (software and IT services count), an independent
// legal person — or, if not, proofs that output, investment and taxes are counted and paid locally.
import type { ApplicationFields } from '../application.js';
import { unitById, unitForRegion } from '../units.js';
import { checkUscc, usccRegionCode } from '../uscc.js';
import { outcomesOf, type RuleOutcome } from './rule.js';

/** The fields E1 reads. */
export type RegisteredInHebeiFields = Pick<
  ApplicationFields,
  'uscc' | 'usccConfirmedAsPrinted' | 'declaredUnit' | 'enterpriseKind' | 'independentLegalPerson' | 'localStatsProof' | 'localTaxProof'
>;

/** E1: refused outside Hebei or for a non-industrial enterprise; correction when a non-legal-person's proofs are missing. */
export function checkRegisteredInHebei(fields: RegisteredInHebeiFields): RuleOutcome[] {
  return outcomesOf('E1', [...usccFindings(fields), ...enterpriseFindings(fields)]);
}

// helpers

function usccFindings(fields: RegisteredInHebeiFields): RuleOutcome[] {
  const check = checkUscc(fields.uscc);
  if (!check.ok && !(check.problem === 'check-character' && fields.usccConfirmedAsPrinted)) {
    // The API refuses such a code before the rules run; refusing here too keeps a bypass from slipping through.
    return [{ ruleId: 'E1', result: 'refused', reason: check.message, field: 'uscc' }];
  }
  const findings: RuleOutcome[] = [];
  if (!check.ok) {
    findings.push({
      ruleId: 'E1',
      result: 'warning',
      reason: '统一社会信用代码校验位不正确，申报企业已确认与营业执照印制一致，请审核时核对营业执照',
      field: 'uscc',
    });
  }
  const region = check.ok ? check.regionCode : usccRegionCode(fields.uscc);
  if (!region.startsWith('13')) {
    findings.push({
      ruleId: 'E1',
      result: 'refused',
      reason: '申报企业须在河北省注册登记，统一社会信用代码显示企业登记地不在河北省',
      field: 'uscc',
    });
    return findings;
  }
  const territorial = territorialWarning(region, fields.declaredUnit);
  if (territorial !== undefined) findings.push(territorial);
  return findings;
}

// 属地原则: the declared unit decides where the application goes; a mismatch is for the reviewer to judge.
function territorialWarning(region: string, declaredUnit: RegisteredInHebeiFields['declaredUnit']): RuleOutcome | undefined {
  const registeredUnit = unitForRegion(region);
  if (registeredUnit === declaredUnit) return undefined;
  const declaredName = unitById(declaredUnit)?.name ?? declaredUnit;
  const reason =
    registeredUnit === undefined
      ? `统一社会信用代码中的登记地代码（${region}）不对应任何推荐单位（如在省级登记），请按属地原则核实推荐单位${declaredName}`
      : `统一社会信用代码显示企业登记地属于${unitById(registeredUnit)?.name ?? registeredUnit}，与推荐单位${declaredName}不一致，请按属地原则核实`;
  return { ruleId: 'E1', result: 'warning', reason, field: 'declaredUnit' };
}

function enterpriseFindings(fields: RegisteredInHebeiFields): RuleOutcome[] {
  const findings: RuleOutcome[] = [];
  if (fields.enterpriseKind === 'other') {
    findings.push({
      ruleId: 'E1',
      result: 'refused',
      reason: '申报企业须为工业企业（含软件和信息服务业企业）',
      field: 'enterpriseKind',
    });
  }
  if (!fields.independentLegalPerson && fields.localStatsProof === undefined) {
    findings.push({
      ruleId: 'E1',
      result: 'correction',
      reason: '项目实施单位为非独立法人的，请上传统计部门证明材料，证明企业的工业增加值、投资数据已在本地入统',
      field: 'localStatsProof',
    });
  }
  if (!fields.independentLegalPerson && fields.localTaxProof === undefined) {
    findings.push({
      ruleId: 'E1',
      result: 'correction',
      reason: '项目实施单位为非独立法人的，请上传税务部门证明材料，证明企业已在本地纳税',
      field: 'localTaxProof',
    });
  }
  return findings;
}
