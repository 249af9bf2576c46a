import { describe, expect, it } from 'vitest';
import type { ApplicationFields } from '../../../domain/application.js';
import { checkEligibility, verdictOf } from '../../../domain/eligibility/check-eligibility.js';
import type { RuleOutcome, RuleResult, Verdict } from '../../../domain/eligibility/rule.js';
import { validApplication } from '../valid-application.js';

const noEarlier = { earlierDeclarations: [] };

/** One outcome per result, for verdict tables. */
function outcomes(...results: RuleResult[]): RuleOutcome[] {
  return results.map((result, index) => ({ ruleId: 'E1', result, field: index === 0 ? 'uscc' : undefined }));
}

describe('verdictOf', () => {
  it.each<[RuleResult[], Verdict]>([
    [[], 'pass'],
    [['pass', 'pass'], 'pass'],
    [['pass', 'warning'], 'pass'],
    [['warning', 'warning'], 'pass'],
    [['pass', 'correction'], 'correction'],
    [['correction', 'warning'], 'correction'],
    [['pass', 'refused'], 'refused'],
    [['correction', 'refused', 'warning'], 'refused'],
    [['refused', 'correction'], 'refused'],
  ])('%j adds up to %s', (results, verdict) => {
    expect(verdictOf(outcomes(...results))).toBe(verdict);
  });
});

describe('checkEligibility', () => {
  it('passes a valid application with one pass from each of E1 to E7', () => {
    // when
    const report = checkEligibility(validApplication(), noEarlier);
    // then
    expect(report.verdict).toBe('pass');
    expect(report.outcomes).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7'].map((ruleId) => ({ ruleId, result: 'pass' })));
  });

  it.each<[string, Partial<ApplicationFields>, Verdict, string[]]>([
    ['a bad record', { badRecordDeclared: true }, 'refused', ['E2:refused']],
    ['a missing report', { selfAssessmentReport: undefined }, 'correction', ['E3:correction']],
    ['a missing filing number', { plannedForPilot: true }, 'correction', ['E7:correction']],
    ['a correction and a refusal', { plannedForPilot: true, projectType: 'other' }, 'refused', ['E4:refused', 'E7:correction']],
    ['an out-of-province enterprise', { uscc: '91350100M000100Y43' }, 'refused', ['E1:refused']],
  ])('judges %s', (_case, changes, verdict, findings) => {
    // when
    const report = checkEligibility(validApplication(changes), noEarlier);
    // then
    expect(report.verdict).toBe(verdict);
    const notPassing = report.outcomes.filter((outcome) => outcome.result !== 'pass');
    expect(notPassing.map((outcome) => `${outcome.ruleId}:${outcome.result}`)).toEqual(findings);
  });

  it('does not let warnings block', () => {
    // given a 唐山 enterprise declaring to 石家庄 with a confirmed code failing its check character
    const fields = validApplication({ uscc: '91130229MA0F3K7TXA', usccConfirmedAsPrinted: true, declaredUnit: '130100' });
    // when
    const report = checkEligibility(fields, noEarlier);
    // then
    expect(report.outcomes.filter((outcome) => outcome.result === 'warning').map((outcome) => outcome.field)).toEqual(['uscc', 'declaredUnit']);
    expect(report.verdict).toBe('pass');
  });

  it('uses the minimum stage it is given and 单项覆盖 otherwise', () => {
    const fields = validApplication({ integrationStage: 'single-coverage' });
    expect(checkEligibility(fields, noEarlier).verdict).toBe('pass');
    expect(checkEligibility(fields, { ...noEarlier, minimumIntegrationStage: 'integration' }).verdict).toBe('refused');
    expect(checkEligibility(validApplication({ integrationStage: 'starting' }), noEarlier).verdict).toBe('refused');
  });

  it('refuses a duplicate from the declarations it is given, except the application itself', () => {
    // given
    const fields = validApplication();
    const earlierDeclarations = [
      { applicationNumber: '2021-130100-0002', uscc: fields.uscc, projectName: fields.projectName, inProvincialLibrary: false },
    ];
    // when / then
    expect(checkEligibility(fields, { earlierDeclarations }).verdict).toBe('refused');
    expect(checkEligibility(fields, { earlierDeclarations, ownApplicationNumber: '2021-130100-0002' }).verdict).toBe('pass');
  });
});
