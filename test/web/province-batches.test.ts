import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBatch } from '../../store/batch-repository.js';
import { endRecommendation } from '../../store/recommendation-repository.js';
import { latestProjectChecks } from '../../store/project-review-repository.js';
import { reportingUnits } from '../../domain/units.js';
import type { Role } from '../../web/server/identity/roles.js';
import { newApplicant, newReviewer, uploadPdf } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { seedLibrary } from '../support/library.js';
import { provinceAccount, receivedBatch, waitForProjectStatus } from '../support/project-fixture.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// The province's view of received batches (形式审查 by batch) on the real engine, workers and database: every unit
// of a call with its batch's state, submission, sealed scan, match with its recommendations and projects per
// status; a submitted batch's check (scan and 推荐表 for download, each entry's rank and opinion) and its projects
// with their findings and open FormalReview tasks; a batch not yet submitted refused (409) with nothing changed;
// unknown calls and units 404; city reviewers, applicants, experts and administrators refused.

type Row = {
  unitId: string; unitName: string; state: string; renderedAt: string | null; submittedAt: string | null; submittedBy: { username: string; name: string } | null;
  scanPresent: boolean; matchesRecommendations: boolean | null; projectTotal: number; projectCounts: { status: string; label: string; count: number }[];
};
type Detail = {
  callId: string; unitId: string; unitName: string; submittedAt: string; submittedBy: { username: string; name: string };
  check: {
    scanPresent: boolean; sealedScan: { id: string; fileName: string } | null; tablePdf: { id: string; fileName: string } | null; tableDocx: { id: string; fileName: string } | null;
    matchesRecommendations: boolean; recommendationsNotSubmitted: number;
    entries: { applicationId: string; projectId: string | null; projectNumber: string | null; projectName: string; enterpriseName: string; rank: number; opinion: string; standing: string }[];
  };
  projects: { projectId: string; projectNumber: string; projectName: string; enterpriseName: string; status: string; statusLabel: string; findings: number | null; formalReviewTaskId: string | null }[];
};

const SUBMITTED = '130700'; // 张家口: its batch of two received at the province
const RENDERED = '130800'; // 承德: its 推荐表 rendered, not submitted

describe('the province’s view of received batches', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  const { client } = testEngine();
  let officer: Awaited<ReturnType<typeof provinceAccount>>;
  let batch: Awaited<ReturnType<typeof receivedBatch>>;
  const as = {} as Record<Role | 'ownReviewer', Record<string, string>>;

  beforeAll(async () => {
    web = await testApp();
    officer = await provinceAccount(web);
    as['province-officer'] = officer.headers;
    // given: 张家口 submitted a batch of two, whose projects wait at formal review
    batch = await receivedBatch(web, client, officer.headers, SUBMITTED, 2);
    // and 承德, in the same call, rendered its 推荐表 but has not submitted it
    const reviewer = await newReviewer(web.app, web.db, RENDERED);
    const [entry] = await seedLibrary(web.db, { callId: batch.call.id, unitId: RENDERED, count: 1, engine: client });
    expect((await web.app.inject({ method: 'POST', url: '/api/recommendations', headers: reviewer, payload: { applicationId: entry!.id, opinion: '同意推荐' } })).statusCode).toBe(201);
    expect((await web.app.inject({ method: 'POST', url: `/api/calls/${batch.call.id}/batch`, headers: reviewer })).statusCode).toBe(202);
    await waitFor('承德’s 推荐表', async () => ((await web.app.inject({ method: 'GET', url: `/api/calls/${batch.call.id}/batch`, headers: reviewer })).json().state === 'ready' ? true : undefined));
    await uploadPdf(web.app, reviewer, '推荐表（盖章）.pdf'); // uploaded, never submitted
    for (const role of ['division-head', 'finance', 'leadership', 'expert', 'administrator'] as const) as[role] = await signIn(web.app, await createTestAccount(web.db, role));
    as.applicant = (await newApplicant(web.app, web.db)).headers;
    as['city-reviewer'] = await newReviewer(web.app, web.db, '130100');
    as.ownReviewer = batch.reviewer;
  }, 180_000);
  afterAll(() => web.close());

  const get = (url: string, who: keyof typeof as = 'province-officer') => web.app.inject({ method: 'GET', url, headers: as[who] });
  const list = async (who: keyof typeof as = 'province-officer') => {
    const answer = await get(`/api/province/calls/${batch.call.id}/batches`, who);
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json() as { callId: string; callTitle: string; units: Row[] };
  };
  const detail = async (who: keyof typeof as = 'province-officer') => {
    const answer = await get(`/api/province/calls/${batch.call.id}/batches/${SUBMITTED}`, who);
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json() as Detail;
  };

  it('lists every unit of the call in the notice’s order with its batch’s state, submission, scan and projects per status', async () => {
    // when
    const answer = await list();
    // then: the 14 units
    expect(answer).toMatchObject({ callId: batch.call.id, callTitle: batch.call.title });
    expect(answer.units.map((u) => [u.unitId, u.unitName])).toEqual(reportingUnits.map((u) => [u.id, u.name]));
    // 张家口 submitted, by its reviewer, with the sealed scan; what it submitted matches its recommendations
    const stored = (await findBatch(web.db, batch.call.id, SUBMITTED))!;
    const reviewerName = (await web.db.query<{ display_name: string }>('SELECT display_name FROM account WHERE username = $1', [stored.submittedBy])).rows[0]!.display_name;
    expect(answer.units.find((u) => u.unitId === SUBMITTED)).toEqual({
      unitId: SUBMITTED, unitName: '张家口市', state: 'submitted', renderedAt: stored.renderedAt!.toISOString(), submittedAt: stored.submittedAt!.toISOString(),
      submittedBy: { username: stored.submittedBy, name: reviewerName }, scanPresent: true, matchesRecommendations: true,
      projectTotal: 2, projectCounts: [{ status: 'received', label: '待形式审查', count: 2 }],
    });
    expect(stored.submittedBy).toMatch(/^cityreviewer\./);
    // 承德 rendered only: no submission, no scan, nothing to match, no projects
    expect(answer.units.find((u) => u.unitId === RENDERED)).toMatchObject({
      state: 'table-rendered', renderedAt: expect.any(String), submittedAt: null, submittedBy: null, scanPresent: false, matchesRecommendations: null, projectTotal: 0, projectCounts: [],
    });
    // every other unit has not started
    for (const unit of answer.units.filter((u) => u.unitId !== SUBMITTED && u.unitId !== RENDERED)) {
      expect(unit).toMatchObject({ state: 'not-started', renderedAt: null, submittedAt: null, scanPresent: false, matchesRecommendations: null, projectTotal: 0 });
    }
    // and every province role reads the same list
    for (const role of ['division-head', 'finance', 'leadership'] as const) expect((await list(role)).units).toEqual(answer.units);
  });

  it('shows a submitted batch’s check and its projects with their findings and open formal review tasks', async () => {
    // when
    const answer = await detail();
    // then: the sealed scan and the 推荐表 it was made of, for download
    const stored = (await findBatch(web.db, batch.call.id, SUBMITTED))!;
    expect(answer).toMatchObject({ callId: batch.call.id, unitId: SUBMITTED, unitName: '张家口市', submittedAt: stored.submittedAt!.toISOString(), submittedBy: { username: stored.submittedBy } });
    expect(answer.check).toMatchObject({
      scanPresent: true, sealedScan: { id: batch.scan.id, fileName: '推荐表（盖章）.pdf' }, tablePdf: { id: stored.tablePdfId }, tableDocx: { id: stored.tableDocxId },
      matchesRecommendations: true, recommendationsNotSubmitted: 0,
    });
    for (const file of [answer.check.sealedScan!, answer.check.tablePdf!]) {
      const download = await get(`/api/attachments/${file.id}`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    // each entry in rank order with the unit's opinion and the project it became
    const projects = batch.projects.map((p) => p.project);
    expect(answer.check.entries.map((e) => e.rank)).toEqual([1, 2]);
    for (const entry of answer.check.entries) {
      const project = projects.find((p) => p.applicationId === entry.applicationId)!;
      expect(entry).toEqual({
        applicationId: project.applicationId, projectId: project.id, projectNumber: project.projectNumber, projectName: project.projectName,
        enterpriseName: project.enterpriseName, rank: entry.rank, opinion: '同意推荐', standing: 'unchanged',
      });
    }
    // the projects, each with its latest checks' findings other than a pass and its open FormalReview task
    expect(answer.projects.map((p) => p.projectId).sort()).toEqual(projects.map((p) => p.id).sort());
    for (const received of batch.projects) {
      const shown = answer.projects.find((p) => p.projectId === received.project.id)!;
      const findings = (await latestProjectChecks(web.db, received.project.id)).filter((c) => c.result !== 'pass').length;
      expect(shown).toEqual({
        projectId: received.project.id, projectNumber: received.project.projectNumber, projectName: received.project.projectName, enterpriseName: received.project.enterpriseName,
        status: 'received', statusLabel: '待形式审查', findings, formalReviewTaskId: received.taskId,
      });
    }
    // a division head reads the same batch but has no formal review task to handle
    const head = await detail('division-head');
    expect(head.check).toEqual(answer.check);
    expect(head.projects.map((p) => p.formalReviewTaskId)).toEqual([null, null]);
  });

  it('counts an admitted project under 在库 and offers no task for it any more', async () => {
    // given: the officer admits the first project
    const [first, second] = batch.projects as [typeof batch.projects[0], typeof batch.projects[0]];
    const done = await web.app.inject({ method: 'POST', url: `/api/tasks/${first.taskId}/complete`, headers: officer.headers, payload: { formalDecision: 'admit', formalOpinion: '材料齐全，同意入库' } });
    expect(done.statusCode, done.body).toBe(204);
    await waitForProjectStatus(web.db, first.project.applicationId, 'admitted');
    // when
    const row = (await list()).units.find((u) => u.unitId === SUBMITTED)!;
    const answer = await detail();
    // then
    expect(row).toMatchObject({ projectTotal: 2, projectCounts: [{ status: 'received', label: '待形式审查', count: 1 }, { status: 'admitted', label: '在库', count: 1 }] });
    expect(answer.projects.find((p) => p.projectId === first.project.id)).toMatchObject({ status: 'admitted', statusLabel: '在库', formalReviewTaskId: null });
    expect(answer.projects.find((p) => p.projectId === second.project.id)).toMatchObject({ status: 'received', formalReviewTaskId: second.taskId });
  });

  it('refuses a batch not yet submitted with 409 and its message alone, and changes nothing', async () => {
    // given
    const state = async () => ({
      batches: (await web.db.query('SELECT * FROM unit_batch WHERE call_id = $1 ORDER BY unit_id', [batch.call.id])).rows,
      audit: (await web.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE call_id = $1', [batch.call.id])).rows[0]!.n,
      projects: (await web.db.query<{ n: number }>('SELECT count(*)::int AS n FROM project WHERE call_id = $1', [batch.call.id])).rows[0]!.n,
    });
    const before = await state();
    // when: 承德's rendered batch and 石家庄's never started one
    for (const unitId of [RENDERED, '130100']) {
      const answer = await get(`/api/province/calls/${batch.call.id}/batches/${unitId}`);
      // then
      expect(answer.statusCode).toBe(409);
      expect(answer.json()).toEqual({ code: 'CONFLICT', message: '该单位的推荐批次尚未报送省厅，不能进行形式审查。' });
    }
    expect(await state()).toEqual(before);
  });

  it('answers 404 for an unknown call or unit', async () => {
    for (const url of ['/api/province/calls/no-such-call/batches', `/api/province/calls/no-such-call/batches/${SUBMITTED}`, `/api/province/calls/${batch.call.id}/batches/999999`, `/api/province/calls/${batch.call.id}/batches/130000`]) {
      const answer = await get(url);
      expect(answer.statusCode, url).toBe(404);
      expect((answer.json() as { message: string }).message, url).toMatch(/没有/);
    }
  });

  it('refuses city reviewers (its own unit’s too), applicants, experts and administrators', async () => {
    for (const who of ['ownReviewer', 'city-reviewer', 'applicant', 'expert', 'administrator'] as const) {
      for (const url of [`/api/province/calls/${batch.call.id}/batches`, `/api/province/calls/${batch.call.id}/batches/${SUBMITTED}`]) {
        expect((await get(url, who)).statusCode, `${who} ${url}`).toBe(403);
      }
    }
    expect((await web.app.inject({ method: 'GET', url: `/api/province/calls/${batch.call.id}/batches` })).statusCode).toBe(401);
  });

  it('marks a submitted entry whose recommendation ended after the submission, and the batch as no longer matching', async () => {
    // given: the second entry's recommendation ends (as a withdrawal from the batch ends it)
    const ended = batch.projects[1]!.project;
    expect(await endRecommendation(web.db, ended.applicationId, new Date(), '撤出推荐批次')).toBe(true);
    // when
    const row = (await list()).units.find((u) => u.unitId === SUBMITTED)!;
    const answer = await detail();
    // then
    expect(row.matchesRecommendations).toBe(false);
    expect(answer.check.matchesRecommendations).toBe(false);
    expect(answer.check.entries.find((e) => e.applicationId === ended.applicationId)!.standing).toBe('ended');
    expect(answer.check.entries.find((e) => e.applicationId !== ended.applicationId)!.standing).toBe('unchanged');
  });
});
