import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import { reportingUnits, unitById } from '../../../domain/units.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { findBatch, insertReopening, reopenedUntil } from '../../../store/batch-repository.js';
import { findCall } from '../../../store/call-repository.js';
import { latestReopening } from '../../../store/unit-window-reopening-repository.js';
import { recommendedApplications } from '../../../store/recommendation-repository.js';
import { batchDeadline, prepareBatch, submitBatch } from '../batches/batch-workflow.js';
import { overviewWorkbook, unitBatchWorkbook } from '../batches/excel-exports.js';
import { unitFigures } from '../batches/unit-figures.js';
import { AppError } from '../errors.js';
import { accountOf } from '../plugins/authentication.js';
import { batchSubmission, batchView, type BatchState, reopening, unitParams } from '../schemas/batches.js';
import { callParams, noContent } from '../schemas/common.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A unit's batch to the province: the 推荐表, the stamped scan, the deadline, and the Excel exports. */
export const batchRoutes: FastifyPluginAsyncZod<{ db: Pool; engine: EngineApi; clock: Clock }> = async (app, deps) => {
  const { db } = deps;
  const callOr404 = async (callId: string) => {
    const call = await findCall(db, callId);
    if (!call) throw new AppError('NOT_FOUND');
    return call;
  };
  const xlsx = (fileName: string) => ({ 'content-type': XLSX, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` });

  app.get('/api/calls/:callId/batch', {
    config: { access: ['city-reviewer'] },
    schema: {
      tags: ['batch'],
      summary: 'My unit’s batch: its 推荐表 files, stamped scan, deadline and whether it was submitted',
      params: callParams,
      response: { 200: batchView },
    },
  }, async (request) => {
    const unitId = accountOf(request).unitId!;
    const call = await callOr404(request.params.callId);
    const batch = await findBatch(db, call.id, unitId);
    const tasks = batch?.processInstanceId && !batch.submittedAt ? await deps.engine.tasks({ processInstanceId: batch.processInstanceId, taskDefinitionKey: 'SubmitBatch' }) : [];
    const state: BatchState = !batch ? 'not-prepared' : batch.submittedAt ? 'submitted' : tasks.length && batch.renderedAt ? 'ready' : 'rendering';
    const reopening = await latestReopening(db, call.id, unitId);
    return {
      state, tablePdfId: batch?.tablePdfId ?? null, tableDocxId: batch?.tableDocxId ?? null, sealedScanId: batch?.sealedScanId ?? null,
      deadline: await batchDeadline(deps, call, unitId), reopenedUntil: (await reopenedUntil(db, call.id, unitId)) ?? null,
      reopening: reopening ? { openUntil: reopening.openUntil, reason: reopening.reason, by: reopening.reopenedBy, byName: reopening.reopenedByName, at: reopening.reopenedAt } : null,
      submittedAt: batch?.submittedAt ?? null,
    };
  });

  app.post('/api/calls/:callId/batch', {
    config: { access: ['city-reviewer'] },
    schema: { tags: ['batch'], summary: 'Render (or render again) my unit’s 推荐表 from its ranked recommendations', params: callParams, response: { 202: noContent } },
  }, async (request, reply) => {
    await prepareBatch(deps, accountOf(request), await callOr404(request.params.callId));
    return reply.status(202).send(null);
  });

  app.post('/api/calls/:callId/batch/submit', {
    config: { access: ['city-reviewer'] },
    schema: {
      tags: ['batch'],
      summary: 'Submit my unit’s batch to the province with the stamped scan of its current 推荐表',
      params: callParams,
      body: batchSubmission,
      response: { 204: noContent },
    },
  }, async (request, reply) => {
    await submitBatch(deps, accountOf(request), await callOr404(request.params.callId), request.body.sealedTable);
    return reply.status(204).send(null);
  });

  app.post('/api/calls/:callId/units/:unitId/reopen', {
    config: { access: ['province-officer'] },
    schema: {
      tags: ['batch'],
      summary: 'Reopen a unit’s window after its deadline, until a given time, with the reason (recorded)',
      params: unitParams,
      body: reopening,
      response: { 204: noContent },
    },
  }, async (request, reply) => {
    const account = accountOf(request);
    const call = await callOr404(request.params.callId);
    const openUntil = new Date(request.body.openUntil);
    if (openUntil <= deps.clock.now()) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'body.openUntil', message: '须晚于当前时间' }]);
    await insertReopening(db, { callId: call.id, unitId: request.params.unitId, openUntil, reason: request.body.reason, by: account.username, at: deps.clock.now() });
    await insertAuditEntry(db, {
      actor: account.username, action: 'unit-window.reopened', subject: `call:${call.id}:unit:${request.params.unitId}`, callId: call.id, unitId: request.params.unitId, detail: { openUntil: request.body.openUntil, reason: request.body.reason },
    });
    return reply.status(204).send(null);
  });

  app.get('/api/calls/:callId/batch.xlsx', {
    config: { access: ['city-reviewer'] },
    schema: { tags: ['batch'], summary: 'My unit’s recommendations as Excel', params: callParams },
  }, async (request, reply) => {
    const unit = unitById(accountOf(request).unitId!)!;
    const call = await callOr404(request.params.callId);
    const entries = await recommendedApplications(db, call.id, unit.id);
    return reply.headers(xlsx(`${unit.name}推荐项目-${call.year}.xlsx`)).send(await unitBatchWorkbook(unit.name, entries, call));
  });

  app.get('/api/calls/:callId/overview.xlsx', {
    config: { access: ['province-officer', 'administrator'] },
    schema: { tags: ['batch'], summary: 'Every unit’s figures and recommended projects as Excel', params: callParams },
  }, async (request, reply) => {
    const call = await callOr404(request.params.callId);
    const units = await unitFigures(db, call);
    const entries = (await Promise.all(reportingUnits.map(async (unit) => (await recommendedApplications(db, call.id, unit.id)).map((e) => ({ ...e, unitName: unit.name }))))).flat();
    return reply.headers(xlsx(`各市推荐情况-${call.year}.xlsx`)).send(await overviewWorkbook(units, entries, call.provinceFloor, call));
  });
};
