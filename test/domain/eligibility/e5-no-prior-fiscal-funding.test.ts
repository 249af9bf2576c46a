import { describe, expect, it } from 'vitest';
import type { ApplicationFields } from '../../../domain/application.js';
import { checkNoPriorFiscalFunding } from '../../../domain/eligibility/e5-no-prior-fiscal-funding.js';
import type { RuleOutcome } from '../../../domain/eligibility/rule.js';
import { validApplication } from '../valid-application.js';

describe('E5 no prior fiscal funding', () => {
  it.each<[string, Partial<ApplicationFields>, RuleOutcome[]]>([
    ['passes a project never funded', { priorFiscalFunding: false }, [{ ruleId: 'E5', result: 'pass' }]],
    [
      'refuses a project funded before',
      { priorFiscalFunding: true },
      [{ ruleId: 'E5', result: 'refused', field: 'priorFiscalFunding', reason: '已获得过各级财政资金支持的项目不得申报' }],
    ],
  ])('%s', (_case, changes, expected) => {
    expect(checkNoPriorFiscalFunding(validApplication(changes))).toEqual(expected);
  });
});
