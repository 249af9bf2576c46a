import { describe, expect, it } from 'vitest';
import { applicationProcessVariables } from '../../domain/application-process-variables.js';

describe('applicationProcessVariables', () => {
  const application = { id: '7d1f6c1e-0000-4000-8000-000000000001', applicationNumber: '2030-130100-0001', enterpriseUscc: '91130102MA0000000X' };
  const fields = {
    declaredUnit: '130100' as const,
    direction: 'platform-industry',
    priorityQualifications: ['it-pilot' as const],
    enterpriseName: '石家庄示例装备制造有限公司',
    projectName: '设备联网改造',
  };

  it('names the application, its groups and the fields the models read', () => {
    // when
    const variables = applicationProcessVariables(application, fields);
    // then
    expect(variables).toEqual({
      applicationId: application.id,
      applicationNumber: '2030-130100-0001',
      direction: 'platform-industry',
      priorityQualifications: ['it-pilot'],
      applicantGroup: 'enterprise91130102MA0000000X',
      cityGroup: 'city130100',
      enterpriseName: '石家庄示例装备制造有限公司',
      projectName: '设备联网改造',
    });
  });

  it('carries the corrected fields, and only the variables the process knows', () => {
    // given: the applicant corrected the project's name and the direction
    const corrected = { ...fields, direction: 'platform-region', projectName: '设备联网改造（二期）', usccConfirmedAsPrinted: true };
    // when
    const variables = applicationProcessVariables(application, corrected);
    // then
    expect(variables).toMatchObject({ direction: 'platform-region', projectName: '设备联网改造（二期）' });
    expect(Object.keys(variables).sort()).toEqual(
      ['applicantGroup', 'applicationId', 'applicationNumber', 'cityGroup', 'direction', 'enterpriseName', 'priorityQualifications', 'projectName'],
    );
  });

  it('the city group follows the declared unit, the applicant group the enterprise', () => {
    const variables = applicationProcessVariables({ ...application, enterpriseUscc: '91131000MA0000000Y' }, { ...fields, declaredUnit: 'xiongan' });
    expect(variables).toMatchObject({ cityGroup: 'cityxiongan', applicantGroup: 'enterprise91131000MA0000000Y' });
  });
});
