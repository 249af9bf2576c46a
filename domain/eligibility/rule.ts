// The shape every eligibility rule answers in (DOMAIN.md, "Eligibility").
import type { ApplicationFields } from '../application.js';

/** The id of an eligibility rule; E8 (the calendar) is checked by the API before anything is stored. */
export type RuleId = 'E1' | 'E2' | 'E3' | 'E4' | 'E5' | 'E6' | 'E7' | 'E8';

/** What a rule found: `warning` is for the reviewer and never blocks. */
export type RuleResult = 'pass' | 'refused' | 'correction' | 'warning';

/** One finding of one rule. */
export interface RuleOutcome {
  ruleId: RuleId;
  result: RuleResult;
  /** Chinese, shown to the applicant (and the reviewer). */
  reason?: string;
  /** The application field the finding is about, so a form can point at it. */
  field?: keyof ApplicationFields;
}

/** The overall answer for an application. */
export type Verdict = 'pass' | 'refused' | 'correction';

/** A passing outcome, for rules that found nothing. */
export function passed(ruleId: RuleId): RuleOutcome {
  return { ruleId, result: 'pass' };
}

/** The rule's findings, or a single pass when it found only warnings or nothing at all. */
export function outcomesOf(ruleId: RuleId, findings: readonly RuleOutcome[]): RuleOutcome[] {
  const blocking = findings.some((finding) => finding.result === 'refused' || finding.result === 'correction');
  return blocking ? [...findings] : [passed(ruleId), ...findings];
}
