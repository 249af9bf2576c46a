import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import { findBatch, reopenedUntil } from '../../../store/batch-repository.js';
import { findCall, findUnitDeadline } from '../../../store/call-repository.js';
import { unitFigures } from '../batches/unit-figures.js';
import { beijingTime, dueTasksWorkbook, funnelWorkbook, incidentsWorkbook } from '../dashboard/dashboard-exports.js';
import { dueTasks } from '../dashboard/due-tasks.js';
import { applicationFunnel } from '../dashboard/funnel.js';
import { openIncidents, retryIncident } from '../dashboard/incidents.js';
import { AppError } from '../errors.js';
import { accountOf } from '../plugins/authentication.js';
import { callParams, noContent } from '../schemas/common.js';
import { dueQuery, dueTasksView, funnelView, incidentParams, incidentsView } from '../schemas/dashboard.js';
import { myUnitDashboard } from '../schemas/indicators.js';

// The province's dashboards: the funnel of a call's applications, overdue and near-due tasks, open incidents with
// their retry, and each table as Excel. Per-unit figures are /api/calls/:callId/unit-figures (routes/recommendations.ts).
// A city reviewer's own dashboard (本单位概况) is its unit's figures, batch and deadlines: the unit is the account's.

/** Who sees the dashboards; only the province retries, the administrator looks on. */
const viewers = ['province-officer', 'administrator'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const dashboardRoutes: FastifyPluginAsyncZod<{ db: Pool; engine: EngineApi; clock: Clock }> = async (app, deps) => {
  const { db } = deps;
  const callOr404 = async (callId: string) => {
    const call = await findCall(db, callId);
    if (!call) throw new AppError('NOT_FOUND', '没有找到这个申报批次，请从批次列表中重新选择。');
    return call;
  };
  const xlsx = (fileName: string) => ({ 'content-type': XLSX, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` });
  const stamp = () => beijingTime(deps.clock.now()).slice(0, 10);

  app.get('/api/calls/:callId/application-funnel', {
    config: { access: viewers },
    schema: { tags: ['dashboard'], summary: 'The call’s applications per status, from draft onward, in the domain’s order', params: callParams, response: { 200: funnelView } },
  }, async (request) => applicationFunnel(db, (await callOr404(request.params.callId)).id));

  app.get('/api/calls/:callId/application-funnel.xlsx', {
    config: { access: viewers },
    schema: { tags: ['dashboard'], summary: 'The call’s applications per status as Excel', params: callParams },
  }, async (request, reply) => {
    const call = await callOr404(request.params.callId);
    return reply.headers(xlsx(`申报状态分布-${call.year}.xlsx`)).send(await funnelWorkbook(call.title, await applicationFunnel(db, call.id)));
  });

  app.get('/api/dashboard/due-tasks', {
    config: { access: viewers },
    schema: { tags: ['dashboard'], summary: 'Open user tasks past their due date, and those due within `withinDays` days (default 3)', querystring: dueQuery, response: { 200: dueTasksView } },
  }, async (request) => dueTasks(deps, deps.clock.now(), request.query.withinDays));

  app.get('/api/dashboard/due-tasks.xlsx', {
    config: { access: viewers },
    schema: { tags: ['dashboard'], summary: 'Overdue and near-due tasks as Excel, one sheet each', querystring: dueQuery },
  }, async (request, reply) => reply.headers(xlsx(`逾期和即将到期任务-${stamp()}.xlsx`)).send(await dueTasksWorkbook(await dueTasks(deps, deps.clock.now(), request.query.withinDays))));

  app.get('/api/dashboard/incidents', {
    config: { access: viewers },
    schema: { tags: ['dashboard'], summary: 'Open incidents, oldest first, with the failed step, its error and details, the unit and the application', response: { 200: incidentsView } },
  }, async () => openIncidents(deps));

  app.get('/api/dashboard/incidents.xlsx', {
    config: { access: viewers },
    schema: { tags: ['dashboard'], summary: 'Open incidents as Excel' },
  }, async (_request, reply) => reply.headers(xlsx(`流程异常-${stamp()}.xlsx`)).send(await incidentsWorkbook((await openIncidents(deps)).incidents)));

  app.get('/api/calls/:callId/my-unit/dashboard', {
    config: { access: ['city-reviewer'] },
    schema: { tags: ['dashboard'], summary: 'My unit’s figures in a call (declared, awaiting review, library, recommended against its indicator), its batch and its deadlines', params: callParams, response: { 200: myUnitDashboard } },
  }, async (request) => {
    const unitId = accountOf(request).unitId!;
    const call = await callOr404(request.params.callId);
    const [figures, batch, ownDeadline, reopened] = await Promise.all([unitFigures(db, call), findBatch(db, call.id, unitId), findUnitDeadline(db, call.id, unitId), reopenedUntil(db, call.id, unitId)]);
    const state = !batch ? 'not-started' : batch.submittedAt ? 'submitted' : batch.renderedAt ? 'table-rendered' : 'started';
    return {
      callId: call.id, callTitle: call.title, figures: figures.find((u) => u.unitId === unitId)!,
      batch: { state, renderedAt: batch?.renderedAt ?? null, submittedAt: batch?.submittedAt ?? null },
      deadlines: { opensAt: call.opensAt, callEnterpriseDeadline: call.enterpriseDeadline, unitEnterpriseDeadline: ownDeadline ?? null, cityDeadline: call.cityDeadline, reopenedUntil: reopened ?? null },
    } as const;
  });

  app.post('/api/dashboard/incidents/:incidentId/retry', {
    config: { access: ['province-officer'] },
    schema: {
      tags: ['dashboard'],
      summary: 'Retry the failed step behind an incident once (after its cause was fixed); recorded in the audit log',
      params: incidentParams,
      response: { 204: noContent },
    },
  }, async (request, reply) => {
    await retryIncident(deps, accountOf(request), request.params.incidentId);
    return reply.status(204).send(null);
  });
};
