import { describe, expect, it } from 'vitest';
import type { ApplicationFields } from '../../../domain/application.js';
import { checkSoundOperation } from '../../../domain/eligibility/e2-sound-operation.js';
import type { RuleOutcome } from '../../../domain/eligibility/rule.js';
import { validApplication } from '../valid-application.js';

describe('E2 sound operation', () => {
  it.each<[string, Partial<ApplicationFields>, RuleOutcome[]]>([
    ['passes without a bad record', { badRecordDeclared: false }, [{ ruleId: 'E2', result: 'pass' }]],
    [
      'refuses a declared bad record',
      { badRecordDeclared: true },
      [{ ruleId: 'E2', result: 'refused', field: 'badRecordDeclared', reason: '企业在经营管理、社会信用、安全生产、节能环保等方面有不良记录，不符合申报条件' }],
    ],
  ])('%s', (_case, changes, expected) => {
    expect(checkSoundOperation(validApplication(changes))).toEqual(expected);
  });
});
