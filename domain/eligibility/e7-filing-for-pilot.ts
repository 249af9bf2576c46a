// E7 (四、3): a project meant to apply for pilot demonstration later must have its filing (备案) done first.
import type { ApplicationFields } from '../application.js';
import { outcomesOf, type RuleOutcome } from './rule.js';

/** E7: correction when a project planned for pilot demonstration has no filing number. */
export function checkFilingForPilot(fields: Pick<ApplicationFields, 'plannedForPilot' | 'filingNumber'>): RuleOutcome[] {
  // Forms send an empty text field as '', which is no filing number either.
  const hasFilingNumber = (fields.filingNumber ?? '').trim() !== '';
  if (!fields.plannedForPilot || hasFilingNumber) return outcomesOf('E7', []);
  return [{
    ruleId: 'E7',
    result: 'correction',
    reason: '后期拟申请试点示范的项目需提前完成项目备案，请填写项目备案号',
    field: 'filingNumber',
  }];
}
