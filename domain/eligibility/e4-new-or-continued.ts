// E4 (四、2): a key project must be a new (新建) or continued (续建) one.
import type { ApplicationFields } from '../application.js';
import { outcomesOf, type RuleOutcome } from './rule.js';

/** E4: refused unless the project is new or continued. */
export function checkNewOrContinued(fields: Pick<ApplicationFields, 'projectType'>): RuleOutcome[] {
  if (fields.projectType === 'new' || fields.projectType === 'continued') return outcomesOf('E4', []);
  return [{ ruleId: 'E4', result: 'refused', reason: '重点项目须属于新建或续建项目', field: 'projectType' }];
}
