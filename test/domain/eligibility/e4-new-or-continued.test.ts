import { describe, expect, it } from 'vitest';
import type { ApplicationFields } from '../../../domain/application.js';
import { checkNewOrContinued } from '../../../domain/eligibility/e4-new-or-continued.js';
import type { RuleOutcome } from '../../../domain/eligibility/rule.js';
import { validApplication } from '../valid-application.js';

describe('E4 new or continued project', () => {
  it.each<[string, Partial<ApplicationFields>, RuleOutcome[]]>([
    ['passes a new project', { projectType: 'new' }, [{ ruleId: 'E4', result: 'pass' }]],
    ['passes a continued project', { projectType: 'continued' }, [{ ruleId: 'E4', result: 'pass' }]],
    ['refuses any other project', { projectType: 'other' }, [{ ruleId: 'E4', result: 'refused', field: 'projectType', reason: '重点项目须属于新建或续建项目' }]],
  ])('%s', (_case, changes, expected) => {
    expect(checkNewOrContinued(validApplication(changes))).toEqual(expected);
  });
});
