// E5 (四、2): a project that already received fiscal funds at any level may not be declared.
import type { ApplicationFields } from '../application.js';
import { outcomesOf, type RuleOutcome } from './rule.js';

/** E5: refused when the project received fiscal funds before. */
export function checkNoPriorFiscalFunding(fields: Pick<ApplicationFields, 'priorFiscalFunding'>): RuleOutcome[] {
  if (!fields.priorFiscalFunding) return outcomesOf('E5', []);
  return [{ ruleId: 'E5', result: 'refused', reason: '已获得过各级财政资金支持的项目不得申报', field: 'priorFiscalFunding' }];
}
