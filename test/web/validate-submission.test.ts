import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call2021 } from '../../domain/call.js';
import { validateSubmission } from '../../web/server/applications/validate-submission.js';
import { newApplicant, openTestCall, validModeData } from '../support/declaration.js';
import { testApp } from '../support/web.js';

// The submission check reads the application's direction against its call's directions and table, and holds every
// attachment reference to the enterprise's own uploads through the one ownership check.

const modeForm: unknown = JSON.parse(readFileSync(new URL('../../forms/application-mode.form', import.meta.url), 'utf8'));

describe('checking a submission', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    web = await testApp();
  });
  afterAll(() => web.close());

  const fieldsOf = (error: unknown) => (error as { fields?: { path: string; message: string }[] }).fields;

  it('accepts a direction the call declares on the template, and refuses one it dropped or moved', async () => {
    // given: the shipped call, and a year that dropped 智能化制造 and moved 网络化协同 to 附件3
    const { headers, uscc } = await newApplicant(web.app, web.db);
    const shipped = await openTestCall(web.db);
    const changed = await openTestCall(web.db, new Date(), {
      directions: call2021.directions.filter((d) => d.code !== 'mode-intelligent-manufacturing'),
      directionTemplates: {
        ...Object.fromEntries(Object.entries(call2021.directionTemplates).filter(([code]) => code !== 'mode-intelligent-manufacturing')),
        'mode-networked-collaboration': 'industry-platform' as const,
      },
    });
    const data = await validModeData(web.app, headers, uscc);
    const moved = { ...data, direction: 'mode-networked-collaboration' };
    // when / then
    await expect(validateSubmission(web.db, modeForm, data, uscc, { call: shipped, template: 'mode-application' })).resolves.toMatchObject({ fields: { direction: 'mode-intelligent-manufacturing' } });
    expect(fieldsOf(await validateSubmission(web.db, modeForm, data, uscc, { call: changed, template: 'mode-application' }).catch((e: unknown) => e)))
      .toEqual([{ path: 'data.direction', message: '本批次没有这个申报方向' }]);
    expect(fieldsOf(await validateSubmission(web.db, modeForm, moved, uscc, { call: changed, template: 'mode-application' }).catch((e: unknown) => e)))
      .toEqual([{ path: 'data.direction', message: '该申报方向不属于本申报书类别，请选择其他申报书类别' }]);
  });

  it('refuses another enterprise’s upload and a forged digest, naming each field', async () => {
    // given
    const { headers, uscc } = await newApplicant(web.app, web.db);
    const other = await newApplicant(web.app, web.db);
    const othersData = await validModeData(web.app, other.headers, other.uscc);
    const data = await validModeData(web.app, headers, uscc);
    const forged = { ...(data.selfAssessmentReport as object), sha256: 'c'.repeat(64) };
    const call = await openTestCall(web.db);
    // when
    const refused = await validateSubmission(web.db, modeForm, { ...data, businessLicense: othersData.businessLicense, selfAssessmentReport: forged }, uscc, { call, template: 'mode-application' }).catch((e: unknown) => e);
    // then
    expect(fieldsOf(refused)).toEqual([
      { path: 'data.selfAssessmentReport', message: '附件不存在或不属于本企业，请重新上传' },
      { path: 'data.businessLicense', message: '附件不存在或不属于本企业，请重新上传' },
    ]);
  });
});
