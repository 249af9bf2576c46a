// E3 (二、（三）): 两化融合 at 单项应用 or above, read as the national stage 单项覆盖 or higher, a self-assessment
// report attached (四、5), and a dedicated IT team. The minimum stage is a decision table the administrator edits,
// so it comes in as a parameter.
import { integrationStageLabels, integrationStages, type ApplicationFields, type IntegrationStage } from '../application.js';
import { outcomesOf, type RuleOutcome } from './rule.js';

/** The minimum stage when the decision table gives none. */
export const defaultMinimumIntegrationStage: IntegrationStage = 'single-coverage';

/** The fields E3 reads. */
export type IntegrationLevelFields = Pick<ApplicationFields, 'integrationStage' | 'itTeamSize' | 'selfAssessmentReport'>;

/** E3: refused below the minimum stage or without an IT team; correction when the self-assessment report is missing. */
export function checkIntegrationLevel(
  fields: IntegrationLevelFields,
  minimumStage: IntegrationStage = defaultMinimumIntegrationStage,
): RuleOutcome[] {
  const findings: RuleOutcome[] = [];
  if (integrationStages.indexOf(fields.integrationStage) < integrationStages.indexOf(minimumStage)) {
    findings.push({
      ruleId: 'E3',
      result: 'refused',
      reason: `企业两化融合发展水平须达到“${integrationStageLabels[minimumStage]}”及以上阶段，当前为“${integrationStageLabels[fields.integrationStage]}”`,
      field: 'integrationStage',
    });
  }
  if (fields.itTeamSize === 0) {
    findings.push({ ruleId: 'E3', result: 'refused', reason: '企业须拥有专门的信息化支撑队伍', field: 'itTeamSize' });
  }
  if (fields.selfAssessmentReport === undefined) {
    findings.push({
      ruleId: 'E3',
      result: 'correction',
      reason: '请上传企业两化融合自评估报告（在河北省两化融合评估平台完成评估后取得）',
      field: 'selfAssessmentReport',
    });
  }
  return outcomesOf('E3', findings);
}
