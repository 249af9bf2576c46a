// Runs the content rules E1–E7 on a parsed application and sums them up. E8 (the calendar) is not among them:
// the API refuses a submission outside the calendar before anything is stored (see `isWithinCalendar`).
import type { ApplicationFields, IntegrationStage } from '../application.js';
import { checkRegisteredInHebei } from './e1-registered-in-hebei.js';
import { checkSoundOperation } from './e2-sound-operation.js';
import { checkIntegrationLevel, defaultMinimumIntegrationStage } from './e3-integration-level.js';
import { checkNewOrContinued } from './e4-new-or-continued.js';
import { checkNoPriorFiscalFunding } from './e5-no-prior-fiscal-funding.js';
import { checkNotDuplicate, type EarlierDeclaration } from './e6-not-duplicate.js';
import { checkFilingForPilot } from './e7-filing-for-pilot.js';
import type { RuleOutcome, Verdict } from './rule.js';

/** What the rules need besides the application: decision-table results and data the caller loaded. */
export interface EligibilityContext {
  /** From the administrator's decision table; 单项覆盖 when absent. */
  minimumIntegrationStage?: IntegrationStage;
  /** Live declarations of this call and the enterprise's projects in the provincial library (E6). */
  earlierDeclarations: readonly EarlierDeclaration[];
  /** The application's own number once it has one, so a resubmission is not its own duplicate. */
  ownApplicationNumber?: string;
}

/** Every rule's outcomes and the verdict they add up to. */
export interface EligibilityReport {
  verdict: Verdict;
  outcomes: RuleOutcome[];
}

/**
 * Runs E1–E7 and returns every outcome with the verdict.
 * Expects fields parsed by `applicationFields`: a USCC that passed its check character or was confirmed as printed.
 */
export function checkEligibility(fields: ApplicationFields, context: EligibilityContext): EligibilityReport {
  const outcomes = [
    ...checkRegisteredInHebei(fields),
    ...checkSoundOperation(fields),
    ...checkIntegrationLevel(fields, context.minimumIntegrationStage ?? defaultMinimumIntegrationStage),
    ...checkNewOrContinued(fields),
    ...checkNoPriorFiscalFunding(fields),
    ...checkNotDuplicate(fields, context.earlierDeclarations, context.ownApplicationNumber),
    ...checkFilingForPilot(fields),
  ];
  return { verdict: verdictOf(outcomes), outcomes };
}

/** Refused if any rule refused, else correction if any asks for one, else pass: warnings never block. */
export function verdictOf(outcomes: readonly RuleOutcome[]): Verdict {
  if (outcomes.some((outcome) => outcome.result === 'refused')) return 'refused';
  if (outcomes.some((outcome) => outcome.result === 'correction')) return 'correction';
  return 'pass';
}
