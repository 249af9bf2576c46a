import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../platform/clock.js';
import { draftAndSubmit, newApplicant, newReviewer, openTestCall, validModeData, waitForStatus } from '../support/declaration.js';
import { testApp } from '../support/web.js';

const DAY = 86_400_000;

describe('a unit’s own enterprise deadline', () => {
  const clock = manualClock(new Date());
  let web: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    web = await testApp({ clock });
  });
  afterAll(() => web.close());

  it('closes submissions to that unit only, and must lie within the call’s calendar', async () => {
    // given: a call open for 30 days; 石家庄 closes its enterprises' window after one day
    const call = await openTestCall(web.db, clock.now());
    const reviewer = await newReviewer(web.app, web.db, '130100');
    const tooLate = await web.app.inject({ method: 'PUT', url: `/api/calls/${call.id}/my-unit/deadline`, headers: reviewer, payload: { enterpriseDeadline: new Date(call.cityDeadline.getTime() + DAY).toISOString() } });
    expect(tooLate.statusCode).toBe(400);
    const set = await web.app.inject({ method: 'PUT', url: `/api/calls/${call.id}/my-unit/deadline`, headers: reviewer, payload: { enterpriseDeadline: new Date(clock.now().getTime() + DAY).toISOString() } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ unitId: '130100', setByUnit: true });
    // when: two days later
    clock.advance(2 * DAY);
    const sjz = await newApplicant(web.app, web.db);
    const toShijiazhuang = await draftAndSubmit(web.app, sjz.headers, call.id, await validModeData(web.app, sjz.headers, sjz.uscc));
    const ts = await newApplicant(web.app, web.db, undefined);
    const toTangshan = await draftAndSubmit(web.app, ts.headers, call.id, await validModeData(web.app, ts.headers, ts.uscc, { declaredUnit: '130200' }));
    // then
    expect(toShijiazhuang.response.statusCode).toBe(409);
    expect(toShijiazhuang.response.json().code).toBe('CALL_CLOSED');
    expect(toTangshan.response.statusCode, toTangshan.response.body).toBe(200);
  });
});

describe('bounded corrections and in-app messages', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    web = await testApp();
  });
  afterAll(() => web.close());

  it('withdraws an application when the call allows no further correction round', async () => {
    const call = await openTestCall(web.db, new Date(), { maxCorrectionRounds: 0 });
    const applicant = await newApplicant(web.app, web.db);
    const { id } = await draftAndSubmit(web.app, applicant.headers, call.id, await validModeData(web.app, applicant.headers, applicant.uscc, { selfAssessmentReport: undefined }));
    await waitForStatus(web.db, id, 'withdrawn');
    const history = (await web.app.inject({ method: 'GET', url: `/api/applications/${id}/status`, headers: applicant.headers })).json().history;
    expect(history.at(-1)).toMatchObject({ status: 'withdrawn', reason: '补正次数已用完，视为撤回申报' });
  });

  it('tells the applicant in the application, once per event', async () => {
    const call = await openTestCall(web.db);
    const applicant = await newApplicant(web.app, web.db);
    const { id, response } = await draftAndSubmit(web.app, applicant.headers, call.id, await validModeData(web.app, applicant.headers, applicant.uscc, { priorFiscalFunding: true }));
    await waitForStatus(web.db, id, 'refused');
    const messages = (await web.app.inject({ method: 'GET', url: '/api/messages', headers: applicant.headers })).json();
    expect(messages).toHaveLength(1);
    expect(messages[0].title).toBe(`申报编号 ${response.json().applicationNumber}：不予受理`);
    expect(messages[0].body).toContain('【E5】');
    const mail = await web.db.query('SELECT recipient, subject FROM outbox_message WHERE subject = $1', [messages[0].title]);
    expect(mail.rows).toEqual([{ recipient: `contact-${applicant.uscc.toLowerCase()}@example.com.cn`, subject: messages[0].title }]);
  });
});
