// A complete, valid application (as the schema's output) that each test changes in one place.
import type { ApplicationFields } from '../../domain/application.js';

/** A Shijiazhuang enterprise's USCC (region 130102, a district of 石家庄) with a correct check character. */
export const shijiazhuangUscc = '91130102MA0F3K7TXF';

/** A fresh valid application; pass changes to get a variant. */
export function validApplication(changes: Partial<ApplicationFields> = {}): ApplicationFields {
  return {
    enterpriseName: '石家庄示例装备制造有限公司',
    uscc: shijiazhuangUscc,
    usccConfirmedAsPrinted: false,
    declaredUnit: '130100',
    enterpriseKind: 'industrial',
    independentLegalPerson: true,
    integrationStage: 'integration',
    selfAssessmentReport: {
      id: '3f2b8c1e-9a4d-4e2f-8b1a-1c2d3e4f5a6b',
      fileName: '两化融合自评估报告.pdf',
      sha256: 'a'.repeat(64),
    },
    itTeamSize: 12,
    badRecordDeclared: false,
    priorityQualifications: ['specialized-sme'],
    projectName: '基于工业互联网平台的智能化制造示范项目',
    direction: 'mode-intelligent-manufacturing',
    projectType: 'new',
    totalInvestment: 1200,
    completedInvestment: 300.5,
    periodStart: '2021-03-01',
    periodEnd: '2022-12-31',
    plannedForPilot: false,
    priorFiscalFunding: false,
    performanceTargets: [{ indicator: '生产效率提升', baseline: '0', target: '20', unit: '%' }],
    ...changes,
  };
}
