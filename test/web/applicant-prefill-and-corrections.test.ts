import { describe, expect, it } from 'vitest';
import { correctionFields } from '../../web/server/applications/correction-fields.js';
import { withAccountIdentity } from '../../web/server/applications/draft-prefill.js';

// The pure parts of the applicant's pages: the identity a draft starts with, and the fields a correction asks for.

const account = { displayName: '石家庄示例智能装备有限公司', enterpriseUscc: '91130100MA0A1B2C31' };

describe('withAccountIdentity', () => {
  it.each([
    ['an empty draft', {}, { enterpriseName: account.displayName, uscc: account.enterpriseUscc }],
    ['a draft with a name of its own', { enterpriseName: '另一名称有限公司' }, { enterpriseName: '另一名称有限公司', uscc: account.enterpriseUscc }],
    ['a blank name', { enterpriseName: '  ' }, { enterpriseName: account.displayName, uscc: account.enterpriseUscc }],
    ['another enterprise’s USCC', { uscc: '91130200MA0D4E5F68', projectName: 'P' }, { enterpriseName: account.displayName, uscc: account.enterpriseUscc, projectName: 'P' }],
  ])('%s', (_, data, expected) => {
    expect(withAccountIdentity(account, data)).toEqual(expected);
  });
});

describe('correctionFields', () => {
  const city = [{ field: 'performanceTargets', label: '绩效目标', comment: '目标值需量化' }];
  const outcomes = [
    { ruleId: 'E1' as const, result: 'pass' as const, field: 'uscc' as const },
    { ruleId: 'E3' as const, result: 'correction' as const, reason: '请上传两化融合自评估报告', field: 'selfAssessmentReport' as const },
    { ruleId: 'E7' as const, result: 'correction' as const, reason: '无字段的补正' },
  ];
  it.each([
    ['the city’s comments, whatever the checks said', city, outcomes, city],
    ['the checks that asked, named as the fields are', [], outcomes, [{ field: 'selfAssessmentReport', label: '两化融合自评估报告', comment: '【E3】请上传两化融合自评估报告' }]],
    ['nothing when neither names a field', [], outcomes.slice(0, 1), []],
  ])('%s', (_, comments, latest, expected) => {
    expect(correctionFields(comments, latest)).toEqual(expected);
  });
});
