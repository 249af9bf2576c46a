import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import { findProject, projectStatusEvents } from '../../store/project-repository.js';
import { relayEngineCommands } from '../../web/server/engine-commands/relay.js';
import { pdfText } from '../support/documents.js';
import { testEngine, waitFor } from '../support/engine.js';
import { openTestCall } from '../support/declaration.js';
import { provinceAccount, receivedBatch, waitForProjectStatus } from '../support/project-fixture.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';
import ExcelJS from 'exceljs';

// Expert review and pilot selection (LIFECYCLE.md stage 4b) on the real engine, workers and database: a session over
// projects of three units — the seeded draw avoiding a conflicted expert, one expert declining and replaced, scoring
// with an outlier flagged and a score excluded with its reason, the group leader's consensus step, the ranking, the
// proposal, the collective decision, the 公示 with an objection answered, and the final list read back.

type Headers = Record<string, string>;
interface SessionView {
  status: string; rubric: { code: string; maxScore: number }[] | null; openTask: { taskId: string; taskKey: string } | null;
  projects: {
    projectId: string; score: number | null; rank: number | null; needsConsensus: boolean; consensusOpinion: string | null; selected: boolean;
    seats: { seatId: string; expertId: string; status: string; active: boolean; isLeader: boolean; total: number | null; outlier: boolean; excludedReason: string | null }[];
    eligibility: { expertId: string; eligible: boolean; reasons: string[] }[];
  }[];
  objections: { id: number; answer: string | null }[];
  documents: { format: string; attachmentId: string }[];
}

// One direction no other test's experts review, so the shared pool holds only this test's experts for it.
const DIRECTION = 'safety-production';

describe('a review session from the draw to the final pilot list', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  const { client, api } = testEngine();
  let offsetMs = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
  let officer: { headers: Headers; username: string };
  beforeAll(async () => {
    web = await testApp({ clock });
    officer = await provinceAccount(web);
  });
  afterAll(() => web.close());

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: Headers, payload?: object) => web.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const view = async (sessionId: string) => (await inject('GET', `/api/review-sessions/${sessionId}`, officer.headers)).json() as SessionView;
  // Commands the workers queue (messages to seats and projects, seat starts) are delivered by the web's relay.
  const relay = () => relayEngineCommands({ db: web.db, engine: api });
  const waitForView = (sessionId: string, what: string, test: (v: SessionView) => boolean, timeoutMs = 60_000) =>
    waitFor(what, async () => {
      await relay();
      const v = await view(sessionId);
      return test(v) ? v : undefined;
    }, timeoutMs);
  const tasksOf = async (headers: Headers, stage: string) =>
    ((await inject('GET', `/api/tasks?stage=${stage}`, headers)).json() as { tasks: { taskId: string; subject: { applicationNumber: string | null } }[] }).tasks;
  const complete = (taskId: string, headers: Headers, payload: object) => inject('POST', `/api/tasks/${taskId}/complete`, headers, payload);

  it('runs the whole session on the engine', async () => {
    // given: three units' projects admitted to the library, declaring the test's direction
    const projects = [];
    const applicants: Headers[] = [];
    const call = await openTestCall(web.db);
    for (const unitId of ['130100', '130200', '130300']) {
      const { projects: received, applicant } = await receivedBatch(web, client, officer.headers, unitId, 1, call);
      applicants.push(applicant.headers);
      const [{ project, taskId }] = received as [typeof received[0]];
      expect((await complete(taskId, officer.headers, { formalDecision: 'admit', formalOpinion: '同意入库' })).statusCode).toBe(204);
      await waitForProjectStatus(web.db, project.applicationId, 'admitted');
      await web.db.query(`UPDATE application SET data = jsonb_set(data, '{direction}', to_jsonb($2::text)) WHERE id = $1`, [project.applicationId, DIRECTION]);
      projects.push(project);
    }
    const [p1, p2, p3] = projects as [typeof projects[0], typeof projects[0], typeof projects[0]];
    const usccOf = async (applicationId: string) => (await web.db.query<{ uscc: string }>(`SELECT data->>'uscc' AS uscc FROM application WHERE id = $1`, [applicationId])).rows[0]!.uscc;
    // the pool: eight experts of the direction with accounts; one works for p1's enterprise (same USCC)
    const experts: { id: string; headers: Headers; username: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const account = await createTestAccount(web.db, 'expert');
      const conflicted = i === 0;
      const created = await inject('POST', '/api/experts', officer.headers, {
        name: `评审专家${randomBytes(3).toString('hex')}`, organisation: conflicted ? '石家庄示例装备制造有限公司' : `河北大学${randomBytes(3).toString('hex')}`,
        organisationUscc: conflicted ? await usccOf(p1.applicationId) : null, homeUnitId: '130900', fields: [DIRECTION], title: '教授',
        phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, email: `${account.username}@example.test`, relationships: [], accountUsername: account.username,
      });
      expect(created.statusCode, created.body).toBe(201);
      experts.push({ id: (created.json() as { id: string }).id, headers: await signIn(web.app, account), username: account.username });
    }
    const conflictedExpert = experts[0]!;
    const headersOf = (expertId: string) => experts.find((e) => e.id === expertId)!.headers;

    // when: the officer creates a session of panels of five, limited to one pilot per unit
    const callId = p1.callId;
    const refusedSession = await inject('POST', '/api/review-sessions', officer.headers, { callId, name: '坏的评审会', projectIds: [p1.id, p1.id], panelSize: 2 });
    expect(refusedSession.statusCode).toBe(400);
    const createdSession = await inject('POST', '/api/review-sessions', officer.headers, {
      callId, name: `安全生产方向评审会${randomBytes(2).toString('hex')}`, direction: DIRECTION, projectIds: [p1.id, p2.id, p3.id], panelSize: 5, limitPerUnit: 1,
    });
    expect(createdSession.statusCode, createdSession.body).toBe(201);
    const { sessionId } = createdSession.json() as { sessionId: string };
    // then: the campaign recorded the decision table's rubric (40/30/30) and waits for the draw
    let session = await waitForView(sessionId, 'the draw task', (v) => v.openTask?.taskKey === 'DrawPanels' && v.rubric !== null);
    expect(session.rubric).toEqual([expect.objectContaining({ code: 'foundation', maxScore: 40 }), expect.objectContaining({ code: 'innovation', maxScore: 30 }), expect.objectContaining({ code: 'promotion', maxScore: 30 })]);

    // when: the draw
    const drawn = await inject('POST', `/api/review-sessions/${sessionId}/draws`, officer.headers, {});
    expect(drawn.statusCode, drawn.body).toBe(201);
    session = await view(sessionId);
    // then: five experts per panel, never the conflicted one on p1's, and the officer sees why
    for (const project of session.projects) expect(project.seats.filter((s) => s.active)).toHaveLength(5);
    const panelOf = (v: SessionView, projectId: string) => v.projects.find((p) => p.projectId === projectId)!;
    expect(panelOf(session, p1.id).seats.map((s) => s.expertId)).not.toContain(conflictedExpert.id);
    expect(panelOf(session, p1.id).eligibility.find((e) => e.expertId === conflictedExpert.id)).toMatchObject({ eligible: false, reasons: [expect.stringContaining('')] });
    // a second draw without naming projects and a reason is refused; the load bound holds (24 seats over 8 experts)
    expect((await inject('POST', `/api/review-sessions/${sessionId}/draws`, officer.headers, {})).statusCode).toBe(409);
    const load = new Map<string, number>();
    for (const p of session.projects) for (const s of p.seats.filter((x) => x.active)) load.set(s.expertId, (load.get(s.expertId) ?? 0) + 1);
    expect(Math.max(...load.values())).toBeLessThanOrEqual(Math.ceil(2 * (15 / 8)));
    // confirming before every panel has a leader is refused, naming the project
    expect((await inject('POST', `/api/review-sessions/${sessionId}/panels/confirm`, officer.headers)).json().message).toMatch(/尚未指定评审组组长/);
    for (const project of session.projects) {
      const first = project.seats.find((s) => s.active)!;
      expect((await inject('PUT', `/api/review-sessions/${sessionId}/seats/${first.seatId}/leader`, officer.headers)).statusCode).toBe(204);
    }
    expect((await inject('POST', `/api/review-sessions/${sessionId}/panels/confirm`, officer.headers)).statusCode).toBe(204);
    session = await view(sessionId);
    expect(session.status).toBe('scoring');
    // every expert drawn is told, in the application and by mail, without the rest of the panel
    const firstSeat = panelOf(session, p1.id).seats.find((s) => s.active)!;
    const inbox = (await inject('GET', '/api/messages', headersOf(firstSeat.expertId))).body;
    expect(inbox).toContain('新的评审任务：请签署回避声明');
    expect(inbox).toContain(p1.projectNumber);
    const mails = await web.db.query<{ recipient: string }>('SELECT recipient FROM outbox_message WHERE event_key = $1', [`panel-seat:${firstSeat.seatId}`]);
    expect(mails.rows.map((r) => r.recipient)).toEqual([`${experts.find((e) => e.id === firstSeat.expertId)!.username}@example.test`]);

    // when: the experts declare; one non-leader on p2's panel declines with a reason
    const p2Decliner = panelOf(session, p2.id).seats.find((s) => s.active && !s.isLeader)!;
    const declareAll = async (v: SessionView) => {
      for (const project of v.projects) {
        for (const seat of project.seats.filter((s) => s.status === 'drawn')) {
          const headers = headersOf(seat.expertId);
          const taskId = await waitFor('the declaration task', async () => {
            await relay();
            const tasks = await tasksOf(headers, 'DeclareConflict');
            const detail = await Promise.all(tasks.map(async (t) => ({ t, d: (await inject('GET', `/api/tasks/${t.taskId}`, headers)).json() as { reviewSeat: { seatId: string } | null } })));
            return detail.find((x) => x.d.reviewSeat?.seatId === seat.seatId)?.t.taskId;
          }, 60_000);
          // before the 回避声明: the project's four facts, no materials
          const before = (await inject('GET', `/api/tasks/${taskId}`, headers)).json() as { application: unknown; attachments: unknown[]; reviewSeat: { declared: boolean; projectNumber: string; uscc: string } };
          expect(before).toMatchObject({ application: null, attachments: [], reviewSeat: { declared: false } });
          expect(before.reviewSeat.projectNumber).toMatch(/\S/);
          const payload = seat.seatId === p2Decliner.seatId
            ? { commitmentSigned: true, declaration: 'conflict', declineReason: '近三年与该企业有合作' }
            : { commitmentSigned: true, declaration: 'no-conflict' };
          const answered = await complete(taskId, headers, payload);
          expect(answered.statusCode, answered.body).toBe(204);
        }
      }
    };
    await declareAll(session);
    // then: the decliner leaves the panel and a replacement is drawn for it
    session = await waitForView(sessionId, 'the replacement', (v) => panelOf(v, p2.id).seats.filter((s) => s.active).length === 5 && panelOf(v, p2.id).seats.some((s) => s.status === 'declined'));
    const replacement = panelOf(session, p2.id).seats.find((s) => s.status === 'drawn')!;
    expect(replacement.expertId).not.toBe(p2Decliner.expertId);
    expect(panelOf(session, p2.id).seats.find((s) => s.seatId === p2Decliner.seatId)).toMatchObject({ status: 'declined', active: false });
    await declareAll(session);
    session = await waitForView(sessionId, 'every seat declared', (v) => v.projects.every((p) => p.seats.filter((s) => s.active).every((s) => s.status === 'declared')));

    // a unit sees its project's review, without the panel's names before publication
    const unitReviewer = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '130200' }));
    const unitView = (await inject('GET', `/api/projects/${p2.id}/review`, unitReviewer)).json() as { panel: unknown; published: boolean };
    expect(unitView).toMatchObject({ published: false, panel: null });
    expect((await inject('GET', `/api/projects/${p2.id}/review`, applicants[1]!)).json()).toMatchObject({ published: false, panel: null, score: null });
    // nor in the application's 办理记录, which the enterprise and the unit read
    for (const headers of [applicants[1]!, unitReviewer]) {
      const trail = (await inject('GET', `/api/applications/${p2.applicationId}/trail`, headers)).body;
      for (const expert of experts) expect(trail).not.toContain(expert.username);
      expect(trail).not.toContain('回避声明');
    }
    // another unit's reviewer and another enterprise see nothing of it
    expect((await inject('GET', `/api/projects/${p2.id}/review`, applicants[0]!)).statusCode).toBe(404);

    // when: scoring — p1 with an outlier, p2 wide enough for consensus, p3 close
    const totals: Record<string, number[]> = { [p1.id]: [80, 82, 85, 78, 50], [p2.id]: [92, 60, 75, 88, 70], [p3.id]: [70, 72, 74, 76, 78] };
    const split = (total: number) => {
      const foundation = Math.round(total * 0.4);
      const innovation = Math.round(total * 0.3);
      return { foundation, innovation, promotion: total - foundation - innovation };
    };
    const scoredTasks: { taskId: string; headers: Headers }[] = [];
    for (const project of session.projects) {
      const seats = project.seats.filter((s) => s.active);
      for (const [index, seat] of seats.entries()) {
        const headers = headersOf(seat.expertId);
        const taskId = await waitFor('the scoring task', async () => {
          await relay();
          for (const t of await tasksOf(headers, 'ScoreProject')) {
            const d = (await inject('GET', `/api/tasks/${t.taskId}`, headers)).json() as { reviewSeat: { seatId: string } | null };
            if (d.reviewSeat?.seatId === seat.seatId) return t.taskId;
          }
          return undefined;
        }, 60_000);
        // declared: the materials open, and the form follows the session's rubric
        const page = (await inject('GET', `/api/tasks/${taskId}`, headers)).json() as { application: { id: string } | null; attachments: { id: string }[]; form: unknown };
        expect(page.application?.id).toBe(projects.find((p) => p.id === project.projectId)!.applicationId);
        expect(page.attachments.length).toBeGreaterThan(0);
        expect((await inject('GET', `/api/attachments/${page.attachments[0]!.id}`, headers)).statusCode).toBe(200);
        expect(JSON.stringify(page.form)).toContain('发展基础好（满分40分）');
        if (index === 0) {
          // a score outside its criterion's range is refused, naming it
          const wrong = await complete(taskId, headers, { scores: { foundation: 41, innovation: 20, promotion: 20 }, opinion: '超范围' });
          expect(wrong.statusCode).toBe(400);
          expect(wrong.json().fields).toEqual([{ path: 'body.scores.foundation', message: '不能大于40' }]);
          // another expert cannot score this seat
          const other = experts.find((e) => !seats.some((s) => s.expertId === e.id))!;
          expect((await complete(taskId, other.headers, { scores: split(80), opinion: '不在评审组' })).statusCode).toBe(404);
          // nor open its task or its files
          expect((await inject('GET', `/api/tasks/${taskId}`, other.headers)).statusCode).toBe(404);
          expect((await inject('GET', `/api/attachments/${page.attachments[0]!.id}`, other.headers)).statusCode).toBe(404);
        }
        const scored = await complete(taskId, headers, { scores: split(totals[project.projectId]![index]!), opinion: `评审意见${index}` });
        expect(scored.statusCode, scored.body).toBe(204);
        scoredTasks.push({ taskId, headers });
      }
    }
    // then: p1's 50 is flagged as an outlier; the officer excludes it with a reason
    session = await waitForView(sessionId, 'every score', (v) => v.projects.every((p) => p.seats.filter((s) => s.active).every((s) => s.status === 'scored')));
    const outlier = panelOf(session, p1.id).seats.find((s) => s.total === 50)!;
    expect(outlier.outlier).toBe(true);
    expect(panelOf(session, p1.id).seats.filter((s) => s.outlier)).toHaveLength(1);
    expect((await inject('POST', `/api/review-sessions/${sessionId}/seats/${outlier.seatId}/exclusion`, officer.headers, { reason: '' })).statusCode).toBe(400);
    expect((await inject('POST', `/api/review-sessions/${sessionId}/seats/${outlier.seatId}/exclusion`, officer.headers, { reason: '评分明显偏离且未说明理由' })).statusCode).toBe(204);
    expect((await inject('POST', `/api/review-sessions/${sessionId}/scoring/close`, officer.headers)).statusCode).toBe(204);
    // then: aggregated and ranked; p2's range (32) needs its leader's consensus
    session = await waitForView(sessionId, 'the consensus step', (v) => v.status === 'consensus');
    expect(panelOf(session, p1.id)).toMatchObject({ score: 81.25, rank: 1, needsConsensus: false });
    expect(panelOf(session, p2.id)).toMatchObject({ score: 77.67, rank: 2, needsConsensus: true });
    expect(panelOf(session, p3.id)).toMatchObject({ score: 74, rank: 3, needsConsensus: false });
    // the panel closed: a score sent again is refused (its task is gone), and an expert opens nothing of the project any more
    expect((await complete(scoredTasks[0]!.taskId, scoredTasks[0]!.headers, { scores: split(90), opinion: '结束后再评' })).statusCode).toBe(404);
    const p1Expert = panelOf(session, p1.id).seats.find((s) => s.active)!;
    const p1Files = (await web.db.query<{ attachment_id: string }>('SELECT attachment_id FROM application_attachment WHERE application_id = $1 LIMIT 1', [p1.applicationId])).rows[0]!;
    expect((await inject('GET', `/api/attachments/${p1Files.attachment_id}`, headersOf(p1Expert.expertId))).statusCode).toBe(404);
    const leader = panelOf(session, p2.id).seats.find((s) => s.isLeader)!;
    const consensusTask = await waitFor('the consensus task', async () => {
      await relay();
      return (await tasksOf(headersOf(leader.expertId), 'RecordConsensus'))[0]?.taskId;
    }, 60_000);
    expect((await complete(consensusTask, headersOf(leader.expertId), { consensusOpinion: '经合议，项目基础较好，同意按汇总得分' })).statusCode).toBe(204);
    session = await waitForView(sessionId, 'the proposal step', (v) => v.openTask?.taskKey === 'ProposePilots');
    expect(panelOf(session, p2.id).consensusOpinion).toBe('经合议，项目基础较好，同意按汇总得分');

    // when: the officer proposes p1 and p2 (one per unit holds), the decision is recorded collectively
    const proposed = await inject('POST', `/api/review-sessions/${sessionId}/proposals`, officer.headers, { projectIds: [p1.id, p2.id], note: '按排名提出' });
    expect(proposed.statusCode, proposed.body).toBe(204);
    const decisionTask = await waitFor('the decision task', async () => (await view(sessionId)).openTask?.taskKey === 'CollectiveDecision' ? (await view(sessionId)).openTask!.taskId : undefined);
    expect((await complete(decisionTask, officer.headers, { pilotDecision: 'approve', meeting: '厅长办公会议' })).statusCode).toBe(400);
    const decided = await complete(decisionTask, officer.headers, { pilotDecision: 'approve', meeting: '厅长办公会议', meetingDate: '2021-12-20', minutesRef: '冀工信纪〔2021〕12号' });
    expect(decided.statusCode, decided.body).toBe(204);
    // then: published (公示) for five working days, panel names now visible to the unit
    session = await waitForView(sessionId, 'the public notice', (v) => v.status === 'public-notice');
    expect(((await inject('GET', `/api/projects/${p2.id}/review`, unitReviewer)).json() as { panel: unknown[] }).panel).toHaveLength(5);

    // objections: an anonymous one is refused, a real-name one is recorded and answered
    const objection = { projectId: p2.id, objectorContact: '0311-87654321', content: '该项目投资数据有误', receivedOn: '2021-12-22' };
    expect((await inject('POST', `/api/review-sessions/${sessionId}/objections`, officer.headers, { ...objection, objectorName: '' })).statusCode).toBe(400);
    const recorded = await inject('POST', `/api/review-sessions/${sessionId}/objections`, officer.headers, { ...objection, objectorName: '张三' });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const { id: objectionId } = recorded.json() as { id: number };
    // settling the list is refused while the window runs and an objection is open
    expect((await inject('POST', `/api/review-sessions/${sessionId}/pilot-list`, officer.headers)).statusCode).toBe(409);
    expect((await inject('POST', `/api/review-sessions/${sessionId}/objections/${objectionId}/answer`, officer.headers, { answer: '经核实，投资数据与审计报告一致，异议不成立', upheld: false })).statusCode).toBe(204);

    // when: the window is over (the clock moved on, the timer executed, not waited for)
    offsetMs = 10 * 24 * 3600_000;
    officer = await provinceAccount(web); // sessions last hours: sign in again on the later day
    expect((await inject('POST', `/api/review-sessions/${sessionId}/objections`, officer.headers, { ...objection, objectorName: '李四' })).json().message).toMatch(/公示期已结束/);
    const [instance] = await client.request('GET', `/process-instance?businessKey=${sessionId}&processDefinitionKey=reviewSession`, { schema: z.array(z.object({ id: z.string() })) });
    const [timer] = await client.request('GET', `/job?processInstanceId=${instance!.id}&timers=true`, { schema: z.array(z.object({ id: z.string() })) });
    await client.request('POST', `/job/${timer!.id}/execute`, { schema: z.unknown() });
    await waitForView(sessionId, 'the final step', (v) => v.openTask?.taskKey === 'FinalisePilotList');
    expect((await inject('POST', `/api/review-sessions/${sessionId}/pilot-list`, officer.headers)).statusCode).toBe(204);
    // then: the final list, the pilots' status 试点 through their processes, the files read back
    session = await waitForView(sessionId, 'the final list', (v) => v.status === 'final' && v.documents.length === 2);
    expect(session.projects.filter((p) => p.selected).map((p) => p.projectId).sort()).toEqual([p1.id, p2.id].sort());
    for (const project of [p1, p2]) {
      await waitFor('the pilot status', async () => {
        await relay();
        return (await findProject(web.db, project.id))!.status === 'pilot' ? true : undefined;
      }, 60_000);
      expect((await projectStatusEvents(web.db, project.id)).at(-1)).toMatchObject({ fromStatus: 'admitted', toStatus: 'pilot', actor: officer.username });
    }
    expect((await findProject(web.db, p3.id))!.status).toBe('admitted');
    const pdf = await inject('GET', `/api/attachments/${session.documents.find((d) => d.format === 'pdf')!.attachmentId}`, officer.headers);
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, '');
    for (const project of [p1, p2]) expect(text).toContain(project.projectNumber);
    expect(text).not.toContain(p3.projectNumber);
    expect(text).toContain('冀工信纪〔2021〕12号');
    const xlsx = await inject('GET', `/api/attachments/${session.documents.find((d) => d.format === 'xlsx')!.attachmentId}`, officer.headers);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = book.worksheets[0]!.getSheetValues().flat().map((value) => String(value ?? ''));
    for (const project of [p1, p2]) expect(cells).toContain(project.projectNumber);
    // the enterprise of a pilot is told
    const notices = await web.db.query<{ title: string }>('SELECT title FROM in_app_message WHERE event_key = $1', [`pilot-selected:${sessionId}:${p1.id}`]);
    expect(notices.rows.map((r) => r.title)).toContain('项目已列入试点项目名单');
    // and the audit trail holds every step
    const actions = (await web.db.query<{ action: string }>('SELECT action FROM audit_log WHERE subject = $1 ORDER BY id', [`review-session:${sessionId}`])).rows.map((r) => r.action);
    for (const action of ['review.session-created', 'review.panels-drawn', 'review.leader-named', 'review.panels-confirmed', 'review.seat-declined', 'review.expert-replaced',
      'review.conflict-declared', 'review.scored', 'review.score-excluded', 'review.scoring-closed', 'review.scores-aggregated', 'review.consensus-recorded',
      'review.pilots-proposed', 'review.pilots-decided', 'review.public-notice-published', 'review.objection-recorded', 'review.objection-answered',
      'review.pilot-list-settled', 'review.pilot-list-published']) expect(actions).toContain(action);
  }, 600_000);
});
