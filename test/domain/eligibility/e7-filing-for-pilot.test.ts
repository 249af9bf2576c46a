import { describe, expect, it } from 'vitest';
import type { ApplicationFields } from '../../../domain/application.js';
import { checkFilingForPilot } from '../../../domain/eligibility/e7-filing-for-pilot.js';
import type { RuleOutcome } from '../../../domain/eligibility/rule.js';
import { validApplication } from '../valid-application.js';

const correction: RuleOutcome = {
  ruleId: 'E7',
  result: 'correction',
  field: 'filingNumber',
  reason: '后期拟申请试点示范的项目需提前完成项目备案，请填写项目备案号',
};

describe('E7 filing done for a project meant for pilot demonstration', () => {
  it.each<[string, Partial<ApplicationFields>, RuleOutcome[]]>([
    ['not planned for pilot, no filing number', { plannedForPilot: false }, [{ ruleId: 'E7', result: 'pass' }]],
    ['planned for pilot with a filing number', { plannedForPilot: true, filingNumber: '2101-130100-89-01-000001' }, [{ ruleId: 'E7', result: 'pass' }]],
    ['planned for pilot without a filing number', { plannedForPilot: true }, [correction]],
    ['planned for pilot with an empty filing number', { plannedForPilot: true, filingNumber: '' }, [correction]],
    ['planned for pilot with a blank filing number', { plannedForPilot: true, filingNumber: '   ' }, [correction]],
  ])('%s', (_case, changes, expected) => {
    expect(checkFilingForPilot(validApplication(changes))).toEqual(expected);
  });
});
