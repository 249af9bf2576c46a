// E2 (二、（二）): sound operation, no bad record in management, social credit, work safety or energy/environment.
// Only the applicant's own declaration is judged here; the city's credit check may still refuse later.
import type { ApplicationFields } from '../application.js';
import { outcomesOf, type RuleOutcome } from './rule.js';

/** E2: refused when the applicant declares a bad record. */
export function checkSoundOperation(fields: Pick<ApplicationFields, 'badRecordDeclared'>): RuleOutcome[] {
  if (!fields.badRecordDeclared) return outcomesOf('E2', []);
  return [{
    ruleId: 'E2',
    result: 'refused',
    reason: '企业在经营管理、社会信用、安全生产、节能环保等方面有不良记录，不符合申报条件',
    field: 'badRecordDeclared',
  }];
}
