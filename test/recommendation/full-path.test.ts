import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityReviewTaskOf, completeCityReview } from '../support/city-review.js';
import { draftAndSubmit, newApplicant, newReviewer, openTestCall, sealAndSend, uploadPdf, validModeData, waitForStatus } from '../support/declaration.js';
import { pdfText } from '../support/documents.js';
import { testEngine, waitFor } from '../support/engine.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// From an enterprise's declaration to a batch the province has received, and the unit's figures for the assessment.

describe('from declaration to the province', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  const { api } = testEngine();
  beforeAll(async () => {
    web = await testApp();
  });
  afterAll(() => web.close());

  it('reaches the province in the unit’s batch, with the unit named in the materials, and counts in the figures', async () => {
    // given: an application the city passed
    const call = await openTestCall(web.db);
    const reviewer = await newReviewer(web.app, web.db, '130100');
    const province = await signIn(web.app, await createTestAccount(web.db, 'province-officer'));
    await web.app.inject({ method: 'PUT', url: `/api/calls/${call.id}/indicators/130100`, headers: province, payload: { target: 5, isCap: false } });
    const applicant = await newApplicant(web.app, web.db);
    const { id } = await draftAndSubmit(web.app, applicant.headers, call.id, await validModeData(web.app, applicant.headers, applicant.uscc));
    await sealAndSend(web.app, web.db, applicant.headers, id);
    await completeCityReview(web.app, reviewer, await cityReviewTaskOf(web.app, reviewer, id), { cityDecision: 'pass', cityOpinion: '同意纳入。' });
    await waitForStatus(web.db, id, 'in-city-library');

    // when: recommended, the batch rendered, stamped and submitted
    await waitFor('the recommendation', async () => {
      const response = await web.app.inject({ method: 'POST', url: '/api/recommendations', headers: reviewer, payload: { applicationId: id, opinion: '该项目基础好、模式新，同意推荐。' } });
      return response.statusCode === 201 ? true : undefined;
    });
    await web.app.inject({ method: 'POST', url: `/api/calls/${call.id}/batch`, headers: reviewer });
    await waitFor('the 推荐表', async () => ((await web.app.inject({ method: 'GET', url: `/api/calls/${call.id}/batch`, headers: reviewer })).json().state === 'ready' ? true : undefined));
    const scan = await uploadPdf(web.app, reviewer, '推荐表（盖章）.pdf');
    const submitted = await web.app.inject({ method: 'POST', url: `/api/calls/${call.id}/batch/submit`, headers: reviewer, payload: { sealedTable: scan } });
    expect(submitted.statusCode, submitted.body).toBe(204);
    // and its process, waiting for the batch since the recommendation, ends at 已推荐至省厅
    const instanceId = (await web.db.query('SELECT process_instance_id FROM application WHERE id = $1', [id])).rows[0].process_instance_id as string;
    await waitFor('the process to end at 已推荐至省厅', async () => ((await api.historicProcessInstance(instanceId)).endTime ? true : undefined));
    expect((await api.historicActivitySteps(instanceId)).filter((s) => s.activityId === 'AwaitBatchSubmission' || s.activityId === 'Recommended').map((s) => [s.activityId, s.endTime !== null])).toEqual([
      ['AwaitBatchSubmission', true],
      ['Recommended', true],
    ]);

    // then: the applicant's materials now carry the unit's name and opinion in 推荐单位
    const documents = (await web.app.inject({ method: 'GET', url: `/api/applications/${id}/documents`, headers: applicant.headers })).json() as { kind: string; format: string; attachmentId: string }[];
    const recommended = documents.find((d) => d.kind === 'recommended-materials' && d.format === 'pdf')!;
    const text = (await pdfText((await web.app.inject({ method: 'GET', url: `/api/attachments/${recommended.attachmentId}`, headers: applicant.headers })).rawPayload)).replace(/\s+/g, '');
    expect(text).toContain('推荐单位石家庄市');
    expect(text).toContain('该项目基础好、模式新，同意推荐。');
    // and the province's figures count it, on time
    const figures = (await web.app.inject({ method: 'GET', url: `/api/calls/${call.id}/unit-figures`, headers: province })).json();
    const shijiazhuang = figures.units.find((u: { unitId: string }) => u.unitId === '130100');
    expect(shijiazhuang).toMatchObject({ target: 5, isCap: false, submitted: 1, pendingReview: 0, inLibrary: 1, recommended: 1, onTime: true });
    expect(shijiazhuang.batchSubmittedAt).not.toBeNull();
    expect(figures.units.filter((u: { onTime: boolean | null }) => u.onTime === null)).toHaveLength(13);
    expect(figures.totalRecommended).toBe(1);
    const history = (await web.app.inject({ method: 'GET', url: `/api/applications/${id}/status`, headers: applicant.headers })).json().history;
    expect(history.map((h: { status: string }) => h.status).slice(-2)).toEqual(['in-city-library', 'recommended']);
  });
});
