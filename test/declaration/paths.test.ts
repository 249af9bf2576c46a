import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Call } from '../../domain/call.js';
import { addWorkingDays, beijingDate } from '../../domain/working-days.js';
import { findApplication } from '../../store/application-repository.js';
import { workingDayCalendarFrom } from '../../store/working-day-repository.js';
import { openCityReviews } from '../support/city-review.js';
import { draftAndSubmit, newApplicant, newReviewer, openTestCall, sealAndSend, uploadPdf, validModeData, waitForCorrection, waitForStatus } from '../support/declaration.js';
import { pdfText } from '../support/documents.js';
import { testEngine, waitFor } from '../support/engine.js';
import { testApp } from '../support/web.js';

// Each path of the declaration process through the real engine and workers: to the city; corrected, then to the
// city; returned by the city and corrected; withdrawn when the correction time runs out.

describe('declaration paths', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let call: Call;
  let reviewer: Record<string, string>;
  // A holiday inside every window this file opens, so their due dates can only come from the stored calendar.
  let holiday: string | undefined;
  beforeAll(async () => {
    web = await testApp();
    call = await openTestCall(web.db);
    reviewer = await newReviewer(web.app, web.db, '130100');
    holiday = await insertHolidaySoon(web.db);
  });
  afterAll(async () => {
    if (holiday) await web.db.query("DELETE FROM special_day WHERE day = $1 AND updated_by = 'paths.test'", [holiday]);
    await web.close();
  });

  const reviewTaskOf = (applicationNumber: string) =>
    waitFor(`the city review task of ${applicationNumber}`, async () => {
      return (await openCityReviews(web.app, reviewer)).find((t) => t.applicationNumber === applicationNumber)?.taskId;
    });
  /** The end of a window of `days` working days opened when the application reached `status`, on the stored calendar. */
  const windowEnd = async (id: string, status: string, days: number) => {
    const { at } = (await web.db.query<{ at: Date }>('SELECT at FROM application_status_event WHERE application_id = $1 AND status = $2 ORDER BY at DESC LIMIT 1', [id, status])).rows[0]!;
    const calendar = await workingDayCalendarFrom(web.db, at);
    const withoutHoliday = new Map(calendar);
    withoutHoliday.delete(holiday!);
    const end = addWorkingDays(at, days, calendar).getTime();
    expect(end, 'the stored holiday moves the window').toBeGreaterThan(addWorkingDays(at, days, withoutHoliday).getTime());
    return end;
  };

  it('goes to its city once every rule passes and the sealed documents are back, and only that unit’s reviewers see it', async () => {
    // given
    const { uscc, headers } = await newApplicant(web.app, web.db);
    // when
    const { id, response } = await draftAndSubmit(web.app, headers, call.id, await validModeData(web.app, headers, uscc));
    // then: numbered for its unit, documents rendered for sealing
    expect(response.statusCode, response.body).toBe(200);
    const applicationNumber = response.json().applicationNumber as string;
    expect(applicationNumber).toMatch(new RegExp(`^${call.year}-130100-\\d{4}$`));
    // the seal step is due the call's seal due days later, in working days
    await waitForStatus(web.db, id, 'awaiting-sealed-scans');
    const sealStep = await waitFor('the seal step', async () => {
      const step = await web.app.inject({ method: 'GET', url: `/api/applications/${id}/sealed-scans`, headers });
      return step.statusCode === 200 ? (step.json() as { dueDate: string }) : undefined;
    });
    expect(Date.parse(sealStep.dueDate)).toBe(await windowEnd(id, 'awaiting-sealed-scans', call.sealDueDays));
    const { documents, sealedMaterials } = await sealAndSend(web.app, web.db, headers, id);
    expect(documents.map((d) => `${d.kind}.${d.format}`)).toEqual(['commitment.docx', 'commitment.pdf', 'materials.docx', 'materials.pdf']);
    const materialsPdf = documents.find((d) => d.kind === 'materials' && d.format === 'pdf')!;
    expect(materialsPdf.fileName).toBe(`申报材料-${applicationNumber}.pdf`);
    const download = await web.app.inject({ method: 'GET', url: `/api/attachments/${materialsPdf.attachmentId}`, headers });
    expect((await pdfText(download.rawPayload)).replace(/\s+/g, '')).toContain(applicationNumber);
    const application = await waitForStatus(web.db, id, 'with-city');
    expect(await reviewTaskOf(application.applicationNumber!)).toBeDefined();
    const status = (await web.app.inject({ method: 'GET', url: `/api/applications/${id}/status`, headers })).json();
    expect(status.history.map((h: { status: string }) => h.status)).toEqual(['submitted', 'checking', 'awaiting-sealed-scans', 'with-city']);
    // the unit's reviewer opens the sealed scan; another unit's reviewer cannot
    expect((await web.app.inject({ method: 'GET', url: `/api/attachments/${sealedMaterials.id}`, headers: reviewer })).statusCode).toBe(200);
    expect(status.ruleOutcomes.map((o: { ruleId: string }) => o.ruleId)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7']);
    // another unit's reviewer sees nothing of it
    const other = await newReviewer(web.app, web.db, '130200');
    expect((await web.app.inject({ method: 'GET', url: `/api/attachments/${sealedMaterials.id}`, headers: other })).statusCode).toBe(404);
    expect((await openCityReviews(web.app, other)).map((t) => t.applicationNumber)).not.toContain(application.applicationNumber);
    expect((await web.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: other })).statusCode).toBe(404);
    const taskId = await reviewTaskOf(application.applicationNumber!);
    expect((await web.app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: other })).statusCode).toBe(404);
  });

  it('asks for a correction the rules call for, and goes to the city once corrected', async () => {
    // given: no self-assessment report (E3 asks for it)
    const { uscc, headers } = await newApplicant(web.app, web.db);
    const data = await validModeData(web.app, headers, uscc, { selfAssessmentReport: undefined });
    const { id } = await draftAndSubmit(web.app, headers, call.id, data);
    // when
    await waitForStatus(web.db, id, 'correction-requested');
    const correction = await waitForCorrection(web.app, headers, id);
    // then: the request names the rule, with a due date the call's correction days give, in working days
    expect(correction.request).toContain('【E3】');
    expect(Date.parse(correction.dueDate)).toBe(await windowEnd(id, 'correction-requested', call.correctionDays));
    // when: corrected
    await waitForCorrection(web.app, headers, id);
    const corrected = { ...data, selfAssessmentReport: await uploadPdf(web.app, headers, '自评估报告（补正）.pdf') };
    const answer = await web.app.inject({ method: 'POST', url: `/api/applications/${id}/correction`, headers, payload: { data: corrected, correctionResponse: '已补充自评估报告。' } });
    expect(answer.statusCode, answer.body).toBe(204);
    // then
    await sealAndSend(web.app, web.db, headers, id);
    const application = await waitForStatus(web.db, id, 'with-city');
    expect(application.correctionRound).toBe(1);
    const history = (await web.app.inject({ method: 'GET', url: `/api/applications/${id}/status`, headers })).json().history;
    expect(history.map((h: { status: string }) => h.status)).toEqual(['submitted', 'checking', 'correction-requested', 'resubmitted', 'checking', 'awaiting-sealed-scans', 'with-city']);
    expect(history[2].reason).toContain('自评估报告');
  });

  it('is returned by the city with its field comments, corrected, and admitted to the unit’s library', async () => {
    // given: an application with the city
    const { uscc, headers } = await newApplicant(web.app, web.db);
    const data = await validModeData(web.app, headers, uscc);
    const { id } = await draftAndSubmit(web.app, headers, call.id, data);
    await sealAndSend(web.app, web.db, headers, id);
    const { applicationNumber } = await waitForStatus(web.db, id, 'with-city');
    // when: the city returns it
    const returned = await web.app.inject({
      method: 'POST', url: `/api/tasks/${await reviewTaskOf(applicationNumber!)}/complete`, headers: reviewer,
      payload: { cityDecision: 'return', cityOpinion: '请补充绩效目标。', fieldComments: [{ field: 'performanceTargets', comment: '目标值需量化' }] },
    });
    expect(returned.statusCode, returned.body).toBe(204);
    // then
    const requested = await waitForStatus(web.db, id, 'correction-requested');
    const { request } = await waitForCorrection(web.app, headers, id);
    expect(request).toContain('请补充绩效目标。');
    expect(request).toContain('绩效目标：目标值需量化');
    // the comment also comes apart, for the correction page to show beside its field
    const correction = await web.app.inject({ method: 'GET', url: `/api/applications/${id}/correction`, headers });
    expect(correction.json().fieldComments).toEqual([{ field: 'performanceTargets', label: '绩效目标', comment: '目标值需量化' }]);
    expect(requested.correctionRound).toBe(0);
    // when: corrected and passed by the city
    const better = { ...data, performanceTargets: [{ indicator: '生产效率提升', baseline: '0', target: '25', unit: '%' }] };
    expect((await web.app.inject({ method: 'POST', url: `/api/applications/${id}/correction`, headers, payload: { data: better, correctionResponse: '已量化。' } })).statusCode).toBe(204);
    await sealAndSend(web.app, web.db, headers, id);
    const passed = await web.app.inject({
      method: 'POST', url: `/api/tasks/${await reviewTaskOf(applicationNumber!)}/complete`, headers: reviewer,
      payload: { cityDecision: 'pass', cityOpinion: '同意纳入市级重点项目库。', creditCheckPassed: true },
    });
    expect(passed.statusCode, passed.body).toBe(204);
    // then
    await waitForStatus(web.db, id, 'in-city-library');
  });

  it('is withdrawn when the correction is not made in time', async () => {
    // given: a correction requested
    const { uscc, headers } = await newApplicant(web.app, web.db);
    const { id } = await draftAndSubmit(web.app, headers, call.id, await validModeData(web.app, headers, uscc, { selfAssessmentReport: undefined }));
    const { processInstanceId } = await waitForStatus(web.db, id, 'correction-requested');
    // when: the due date passes — the timer job is executed instead of waiting ten days
    const { client } = testEngine();
    const jobs = await waitFor('the correction timer', async () => {
      const found = await client.request('GET', `/job?processInstanceId=${processInstanceId}&timers=true`, { schema: z.array(z.object({ id: z.string(), dueDate: z.string() })) });
      return found.length ? found : undefined;
    });
    expect(Date.parse(jobs[0]!.dueDate)).toBe(await windowEnd(id, 'correction-requested', call.correctionDays));
    await client.request('POST', `/job/${jobs[0]!.id}/execute`, { schema: z.unknown() });
    // then
    const withdrawn = await waitForStatus(web.db, id, 'withdrawn');
    const history = (await web.app.inject({ method: 'GET', url: `/api/applications/${id}/status`, headers })).json().history;
    expect(history.at(-1)).toMatchObject({ status: 'withdrawn', reason: '未在规定期限内补正，视为撤回申报' });
    expect(withdrawn.status).toBe((await findApplication(web.db, id))!.status);
  });

  it('is withdrawn when the sealed documents do not come back in time, and refuses scans that are not the enterprise’s own', async () => {
    // given: documents rendered, waiting for the sealed scans
    const { uscc, headers } = await newApplicant(web.app, web.db);
    const { id } = await draftAndSubmit(web.app, headers, call.id, await validModeData(web.app, headers, uscc));
    const { processInstanceId } = await waitForStatus(web.db, id, 'awaiting-sealed-scans');
    // when: another enterprise's file is offered as a scan
    const stranger = await newApplicant(web.app, web.db);
    const foreign = await uploadPdf(web.app, stranger.headers, 'foreign.pdf');
    const own = await uploadPdf(web.app, headers, 'own.pdf');
    const refused = await waitFor('the upload task', async () => {
      const response = await web.app.inject({ method: 'POST', url: `/api/applications/${id}/sealed-scans`, headers, payload: { sealedMaterials: own, sealedCommitment: foreign } });
      return response.statusCode === 409 ? undefined : response;
    });
    // then
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields.map((f: { path: string }) => f.path)).toEqual(['body.sealedCommitment']);
    // when: the due date passes
    const { client } = testEngine();
    const jobs = await client.request('GET', `/job?processInstanceId=${processInstanceId}&timers=true`, { schema: z.array(z.object({ id: z.string() })) });
    expect(jobs).toHaveLength(1);
    await client.request('POST', `/job/${jobs[0]!.id}/execute`, { schema: z.unknown() });
    // then
    await waitForStatus(web.db, id, 'withdrawn');
    const history = (await web.app.inject({ method: 'GET', url: `/api/applications/${id}/status`, headers })).json().history;
    expect(history.at(-1)).toMatchObject({ status: 'withdrawn', reason: '未在规定期限内上传盖章材料，视为撤回申报' });
  });
});

// helpers

/** Lists as a holiday the first weekday at least two days ahead (Beijing) that is not listed yet; returns its date. */
async function insertHolidaySoon(db: Awaited<ReturnType<typeof testApp>>['db']): Promise<string> {
  for (let ahead = 2; ; ahead++) {
    const date = beijingDate(new Date(Date.now() + ahead * 86_400_000));
    if ([0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())) continue;
    const inserted = await db.query("INSERT INTO special_day (day, kind, name, checked, updated_by) VALUES ($1, 'holiday', '测试假日', true, 'paths.test') ON CONFLICT (day) DO NOTHING", [date]);
    if (inserted.rowCount === 1) return date;
  }
}
