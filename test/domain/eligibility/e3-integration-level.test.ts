import { describe, expect, it } from 'vitest';
import type { ApplicationFields, IntegrationStage } from '../../../domain/application.js';
import { checkIntegrationLevel } from '../../../domain/eligibility/e3-integration-level.js';
import { validApplication } from '../valid-application.js';

/** E3's outcomes as [result, field] pairs. */
function e3(changes: Partial<ApplicationFields>, minimumStage?: IntegrationStage): [string, string | undefined][] {
  return checkIntegrationLevel(validApplication(changes), minimumStage).map((outcome) => [outcome.result, outcome.field]);
}

describe('E3 integration level, IT team, self-assessment report', () => {
  it.each<[IntegrationStage, IntegrationStage | undefined, string]>([
    ['starting', undefined, 'refused'],
    ['single-coverage', undefined, 'pass'],
    ['integration', undefined, 'pass'],
    ['innovation', undefined, 'pass'],
    ['starting', 'starting', 'pass'],
    ['single-coverage', 'integration', 'refused'],
    ['integration', 'integration', 'pass'],
    ['integration', 'innovation', 'refused'],
    ['innovation', 'innovation', 'pass'],
  ])('stage %s with minimum %s: %s', (integrationStage, minimumStage, result) => {
    const expected = result === 'pass' ? [['pass', undefined]] : [['refused', 'integrationStage']];
    expect(e3({ integrationStage }, minimumStage)).toEqual(expected);
  });

  it.each<[string, Partial<ApplicationFields>, [string, string | undefined][]]>([
    ['a team of one', { itTeamSize: 1 }, [['pass', undefined]]],
    ['no IT team', { itTeamSize: 0 }, [['refused', 'itTeamSize']]],
    ['no self-assessment report', { selfAssessmentReport: undefined }, [['correction', 'selfAssessmentReport']]],
    [
      'everything wrong at once',
      { integrationStage: 'starting', itTeamSize: 0, selfAssessmentReport: undefined },
      [['refused', 'integrationStage'], ['refused', 'itTeamSize'], ['correction', 'selfAssessmentReport']],
    ],
  ])('%s', (_case, changes, expected) => {
    expect(e3(changes)).toEqual(expected);
  });

  it('names the minimum and the actual stage in Chinese', () => {
    const [outcome] = checkIntegrationLevel(validApplication({ integrationStage: 'single-coverage' }), 'integration');
    expect(outcome?.reason).toBe('企业两化融合发展水平须达到“集成提升”及以上阶段，当前为“单项覆盖”');
  });
});
