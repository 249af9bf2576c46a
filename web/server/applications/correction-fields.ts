import { fieldLabels } from '../../../domain/application.js';
import type { RuleOutcome } from '../../../domain/eligibility/rule.js';

export interface FieldComment {
  field: string;
  label: string;
  comment: string;
}

/**
 * The fields a correction asks to change, each with its comment: the city's own comments when it returned the
 * application, else the rule outcomes of the latest check that asked for a correction (an application reaches its
 * city only after a check without any, so those outcomes belong to a correction the rules requested).
 */
export function correctionFields(cityComments: readonly FieldComment[], latestOutcomes: readonly Pick<RuleOutcome, 'ruleId' | 'result' | 'reason' | 'field'>[]): FieldComment[] {
  if (cityComments.length) return [...cityComments];
  return latestOutcomes
    .filter((outcome) => outcome.result === 'correction' && outcome.field)
    .map((outcome) => ({
      field: outcome.field!,
      label: (fieldLabels as Record<string, string>)[outcome.field!] ?? outcome.field!,
      comment: `【${outcome.ruleId}】${outcome.reason ?? ''}`,
    }));
}
