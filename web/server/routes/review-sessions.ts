import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { directionLabel } from '../../../domain/directions.js';
import { unitNameOf } from '../../../domain/units.js';
import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import { findCall } from '../../../store/call-repository.js';
import { findProject } from '../../../store/project-repository.js';
import { findReviewSession, reviewProjectFacts, unreviewedLibraryProjects } from '../../../store/review-session-repository.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import { accountOf } from '../plugins/authentication.js';
import { projectVisibleTo } from '../projects/scope.js';
import { confirmPanels, drawSessionPanels, nameLeader, replaceSeatByOfficer } from '../review-sessions/panel-draws.js';
import { askRescore, closeScoring, setExclusion } from '../review-sessions/scoring.js';
import { answerOneObjection, finalisePilotList, proposePilots, recordObjection } from '../review-sessions/selection.js';
import { createReviewSession } from '../review-sessions/session-create.js';
import { projectReview, sessionList, sessionView } from '../review-sessions/session-view.js';
import { projectParams } from '../schemas/projects.js';
import {
  drawRequest, newObjection, newReviewSession, objectionAnswer, objectionParams, projectReviewView, reasonRequest, reviewCandidates,
  reviewSessionList, reviewSessionView, seatParams, sessionListQuery, sessionParams,
} from '../schemas/review-sessions.js';
import { tasksOfInstance, type ScopedTask, type TaskDeps } from '../tasks/scope.js';

// 专家评审与试点遴选 (LIFECYCLE.md stage 4b): review sessions over library projects, their panels, scores, proposal,
// 公示 and final list. The province officer acts; the division head reads. A unit or an applicant reads its own
// project's review (the panel's names once published). The campaign's steps that have no form (confirm the panels,
// close scoring, propose, settle the list) complete the session's open task from here; the collective decision is a
// form on the task page, and the experts' steps are their tasks.

const officer = ['province-officer'] as const;
const readers = ['province-officer', 'division-head'] as const;

export const reviewSessionRoutes: FastifyPluginAsyncZod<{ db: Pool; engine: EngineApi; clock: Clock }> = async (app, deps) => {
  const taskDeps: TaskDeps = deps;
  const created = z.object({ sessionId: z.uuid() });
  const noContent = { 204: z.null() };

  app.get('/api/review-sessions', {
    config: { access: readers },
    schema: { tags: ['review'], summary: 'Review sessions (评审会) of a call, or of every call, newest first', querystring: sessionListQuery, response: { 200: reviewSessionList } },
  }, async (request) => sessionList(deps.db, request.query.callId));

  app.get('/api/review-sessions/candidates', {
    config: { access: officer },
    schema: { tags: ['review'], summary: 'Library projects (在库) of a call that no session reviews yet: the candidates of a new session', querystring: z.object({ callId: z.string().regex(/^[a-z0-9-]{1,40}$/, '申报批次编号格式不正确') }), response: { 200: reviewCandidates } },
  }, async (request) => {
    const call = await findCall(deps.db, request.query.callId);
    if (!call) throw new AppError('NOT_FOUND', '没有这个申报批次。');
    const facts = await reviewProjectFacts(deps.db, await unreviewedLibraryProjects(deps.db, call.id));
    return { projects: facts.map((f) => ({
      projectId: f.projectId, projectNumber: f.projectNumber, projectName: f.projectName, enterpriseName: f.enterpriseName, unitName: unitNameOf(f.unitId),
      direction: f.direction, directionLabel: directionLabel(f.direction, call.directions),
    })) };
  });

  app.post('/api/review-sessions', {
    config: { access: officer },
    schema: { tags: ['review'], summary: 'Create a review session over library projects of one call; its campaign starts and records the rubric', body: newReviewSession, response: { 201: created } },
  }, async (request, reply) => reply.status(201).send({ sessionId: await createReviewSession(taskDeps, accountOf(request), request.body) }));

  app.get('/api/review-sessions/:sessionId', {
    config: { access: readers },
    schema: { tags: ['review'], summary: 'A review session: projects with panels (names, statuses, scores, eligibility reasons), draws, ranking, proposals, objections, the final list', params: sessionParams, response: { 200: reviewSessionView } },
  }, async (request) => sessionView(taskDeps, accountOf(request), request.params.sessionId));

  app.post('/api/review-sessions/:sessionId/draws', {
    config: { access: officer },
    schema: {
      tags: ['review'],
      summary: 'Draw the panels not drawn yet (no body), or redraw named projects with a reason; too few conflict-free experts: 409 naming the shortfall, nothing assigned',
      params: sessionParams, body: drawRequest, response: { 201: z.object({ drawId: z.number(), seats: z.number() }) },
    },
  }, async (request, reply) => reply.status(201).send(await drawSessionPanels(taskDeps, accountOf(request), request.params.sessionId, { projectIds: request.body.projectIds, reason: request.body.reason })));

  app.put('/api/review-sessions/:sessionId/seats/:seatId/leader', {
    config: { access: officer },
    schema: { tags: ['review'], summary: 'Name this seat’s expert the panel’s group leader (组长), before the panels are confirmed', params: seatParams, response: noContent },
  }, async (request, reply) => {
    await nameLeader(taskDeps, accountOf(request), request.params.sessionId, request.params.seatId);
    return reply.status(204).send(null);
  });

  app.post('/api/review-sessions/:sessionId/panels/confirm', {
    config: { access: officer },
    schema: { tags: ['review'], summary: 'Confirm the panels (抽取评审专家 done): every panel full with a leader; the experts get their tasks', params: sessionParams, response: noContent },
  }, async (request, reply) => {
    const account = accountOf(request);
    await confirmPanels(taskDeps, account, await openTask(taskDeps, account, request.params.sessionId, 'DrawPanels'), request.params.sessionId);
    return reply.status(204).send(null);
  });

  app.post('/api/review-sessions/:sessionId/seats/:seatId/exclusion', {
    config: { access: officer },
    schema: { tags: ['review'], summary: 'Exclude a score from its project’s aggregate, with the reason', params: seatParams, body: reasonRequest, response: noContent },
  }, async (request, reply) => {
    await setExclusion(taskDeps, accountOf(request), request.params.sessionId, request.params.seatId, request.body.reason);
    return reply.status(204).send(null);
  });

  app.delete('/api/review-sessions/:sessionId/seats/:seatId/exclusion', {
    config: { access: officer },
    schema: { tags: ['review'], summary: 'Take a score’s exclusion back', params: seatParams, response: noContent },
  }, async (request, reply) => {
    await setExclusion(taskDeps, accountOf(request), request.params.sessionId, request.params.seatId, null);
    return reply.status(204).send(null);
  });

  app.post('/api/review-sessions/:sessionId/seats/:seatId/rescore', {
    config: { access: officer },
    schema: { tags: ['review'], summary: 'Ask the expert to review a score (an outlier), with the reason: the expert scores again', params: seatParams, body: reasonRequest, response: noContent },
  }, async (request, reply) => {
    await askRescore(taskDeps, accountOf(request), request.params.sessionId, request.params.seatId, request.body.reason);
    return reply.status(204).send(null);
  });

  app.post('/api/review-sessions/:sessionId/seats/:seatId/replacement', {
    config: { access: officer },
    schema: { tags: ['review'], summary: 'Replace an expert who has not scored (does not respond), with the reason: a replacement is drawn', params: seatParams, body: reasonRequest, response: { 201: z.object({ seatId: z.uuid() }) } },
  }, async (request, reply) => reply.status(201).send({ seatId: await replaceSeatByOfficer(taskDeps, accountOf(request), request.params.sessionId, request.params.seatId, request.body.reason) }));

  app.post('/api/review-sessions/:sessionId/scoring/close', {
    config: { access: officer },
    schema: { tags: ['review'], summary: 'Close the scoring (评审打分与汇总 done): every seat scored; the campaign aggregates and ranks', params: sessionParams, response: noContent },
  }, async (request, reply) => {
    const account = accountOf(request);
    await closeScoring(taskDeps, account, await openTask(taskDeps, account, request.params.sessionId, 'CollectScores'), request.params.sessionId);
    return reply.status(204).send(null);
  });

  app.post('/api/review-sessions/:sessionId/proposals', {
    config: { access: officer },
    schema: {
      tags: ['review'], summary: 'Propose pilots from the ranking (提出试点建议名单), within the session’s limits per direction and unit',
      params: sessionParams, body: z.strictObject({ projectIds: z.array(z.uuid({ error: '项目编号格式不正确' })).max(500), note: z.string().trim().max(1000, '说明最多 1000 字').nullish().transform((v) => v || null) }),
      response: noContent,
    },
  }, async (request, reply) => {
    const account = accountOf(request);
    await proposePilots(taskDeps, account, await openTask(taskDeps, account, request.params.sessionId, 'ProposePilots'), request.params.sessionId, request.body);
    return reply.status(204).send(null);
  });

  app.post('/api/review-sessions/:sessionId/objections', {
    config: { access: officer },
    schema: { tags: ['review'], summary: 'Record a real-name written objection received during the 公示; an anonymous one, or one after the window, is refused', params: sessionParams, body: newObjection, response: { 201: z.object({ id: z.number() }) } },
  }, async (request, reply) => reply.status(201).send({ id: await recordObjection(taskDeps, accountOf(request), request.params.sessionId, request.body) }));

  app.post('/api/review-sessions/:sessionId/objections/:objectionId/answer', {
    config: { access: officer },
    schema: { tags: ['review'], summary: 'Answer an objection, upheld (the project leaves the final list) or not', params: objectionParams, body: objectionAnswer, response: noContent },
  }, async (request, reply) => {
    await answerOneObjection(taskDeps, accountOf(request), request.params.sessionId, request.params.objectionId, request.body);
    return reply.status(204).send(null);
  });

  app.post('/api/review-sessions/:sessionId/pilot-list', {
    config: { access: officer },
    schema: { tags: ['review'], summary: 'Settle the final pilot list (公示 over, every objection answered); the campaign renders, publishes and notifies', params: sessionParams, response: noContent },
  }, async (request, reply) => {
    const account = accountOf(request);
    await finalisePilotList(taskDeps, account, await openTask(taskDeps, account, request.params.sessionId, 'FinalisePilotList'), request.params.sessionId);
    return reply.status(204).send(null);
  });

  app.get('/api/projects/:projectId/review', {
    config: { access: ['applicant', 'city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership'] },
    schema: { tags: ['review'], summary: 'A project’s expert review: result and, once published, its panel; its unit’s and its enterprise’s only', params: projectParams, response: { 200: projectReviewView } },
  }, async (request) => {
    projectVisibleTo(accountOf(request), await findProject(deps.db, request.params.projectId));
    return projectReview(deps.db, request.params.projectId);
  });
};

// helpers

/** The session's open campaign task of this step; CONFLICT when the campaign is not there (yet). */
async function openTask(deps: TaskDeps, account: Account, sessionId: string, taskKey: string): Promise<ScopedTask> {
  const session = await findReviewSession(deps.db, sessionId);
  if (!session) throw new AppError('NOT_FOUND', '没有找到该评审会。');
  const tasks = session.processInstanceId ? await tasksOfInstance(deps, account, session.processInstanceId) : [];
  const found = tasks.find((t) => t.subject.kind === 'review-session' && t.task.taskDefinitionKey === taskKey);
  if (!found) throw new AppError('CONFLICT', '评审会流程当前不在这一步，请刷新页面后查看。');
  return found;
}
