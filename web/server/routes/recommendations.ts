import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../../platform/clock.js';
import { withTransaction, type Pool } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import { summaryOf } from '../../../domain/application-summary.js';
import { callDirectionLabel } from '../../../domain/call-directions.js';
import { listUnitLibrary } from '../../../store/application-repository.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { findCall } from '../../../store/call-repository.js';
import { latestWarningsOf } from '../../../store/rule-warning-repository.js';
import { activeRecommendations, listIndicators, rankRecommendations, setIndicator } from '../../../store/recommendation-repository.js';
import { unitFigures } from '../batches/unit-figures.js';
import { recommend } from '../applications/recommend.js';
import { withdrawRecommendation } from '../applications/withdraw-recommendation.js';
import { recommendationParams } from '../schemas/recommendations.js';
import { AppError } from '../errors.js';
import { accountOf } from '../plugins/authentication.js';
import { callParams, noContent } from '../schemas/common.js';
import { indicator, indicatorParams, ranking, recommendationRecorded, recommendationRequest, unitFigures as unitFiguresView, unitLibrary } from '../schemas/recommendations.js';


/** The unit's library, its recommendations and their ranking; the province's indicators and per-unit figures. */
export const recommendationRoutes: FastifyPluginAsyncZod<{ db: Pool; engine: EngineApi; clock: Clock }> = async (app, deps) => {
  const { db } = deps;

  async function callOr404(callId: string) {
    const call = await findCall(db, callId);
    if (!call) throw new AppError('NOT_FOUND');
    return call;
  }

  app.get('/api/calls/:callId/library', {
    config: { access: ['city-reviewer'] },
    schema: {
      tags: ['recommendation'],
      summary: 'My unit’s library (市级重点项目库) in priority order, with what it recommended and its progress against its indicator',
      params: callParams,
      response: { 200: unitLibrary },
    },
  }, async (request) => {
    const unitId = accountOf(request).unitId!;
    const call = await callOr404(request.params.callId);
    const [library, recommendations, indicators] = await Promise.all([listUnitLibrary(db, call.id, unitId), activeRecommendations(db, call.id, unitId), listIndicators(db, call.id)]);
    const warnings = await latestWarningsOf(db, library.map((a) => a.id));
    const byApplication = new Map(recommendations.map((r) => [r.applicationId, r]));
    const indicator = indicators.find((i) => i.unitId === unitId);
    const cityPlatformsRecommended = recommendations.filter((r) => r.isCityPlatform).length;
    const capped = call.directionCappedAtOnePerUnit;
    return {
      progress: { recommended: recommendations.length, target: indicator?.target ?? null, isCap: indicator?.isCap ?? false, cityPlatformsRecommended },
      cappedDirection: capped === null ? null : { direction: capped, label: callDirectionLabel(call, capped), recommended: cityPlatformsRecommended, max: 1 as const },
      entries: library.map((a) => {
        const r = byApplication.get(a.id);
        const { enterpriseName, projectName, direction } = summaryOf(a.data);
        return {
          applicationId: a.id, applicationNumber: a.applicationNumber, enterpriseName, projectName,
          direction, priorityRank: a.priorityRank, status: a.status, recommendation: r ? { rank: r.rank, opinion: r.opinion } : null,
          directionLabel: direction ? callDirectionLabel(call, direction) : '—', warnings: warnings.get(a.id) ?? [],
        };
      }),
    };
  });

  app.post('/api/recommendations', {
    config: { access: ['city-reviewer'] },
    schema: {
      tags: ['recommendation'],
      summary: 'Recommend an application of my library to the province; refused when a cap holds',
      body: recommendationRequest,
      response: { 201: recommendationRecorded },
    },
  }, async (request, reply) => {
    const recorded = await recommend(deps, accountOf(request), request.body.applicationId, request.body.opinion);
    return reply.status(201).send({ rank: recorded.rank });
  });

  app.delete('/api/recommendations/:applicationId', {
    config: { access: ['city-reviewer'] },
    schema: {
      tags: ['recommendation'],
      summary: 'Withdraw my unit’s recommendation of an application before its batch is submitted: its place is freed, it is back in the library',
      params: recommendationParams,
      response: { 204: noContent },
    },
  }, async (request, reply) => {
    await withdrawRecommendation(deps, accountOf(request), request.params.applicationId);
    return reply.status(204).send(null);
  });

  app.put('/api/calls/:callId/recommendations/ranking', {
    config: { access: ['city-reviewer'] },
    schema: {
      tags: ['recommendation'],
      summary: 'Order my unit’s recommendations (first = rank 1); the list must name each of them once',
      params: callParams,
      body: ranking,
      response: { 204: noContent },
    },
  }, async (request, reply) => {
    const unitId = accountOf(request).unitId!;
    const call = await callOr404(request.params.callId);
    const current = (await activeRecommendations(db, call.id, unitId)).map((r) => r.applicationId).sort();
    const given = [...request.body.applicationIds].sort();
    if (new Set(given).size !== given.length || given.join() !== current.join()) {
      throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'body.applicationIds', message: '须恰好列出本单位已推荐的全部项目，每项一次' }]);
    }
    await withTransaction(db, async (client) => {
      await rankRecommendations(client, call.id, unitId, request.body.applicationIds);
      await insertAuditEntry(client, { actor: accountOf(request).username, action: 'recommendations.ranked', subject: `ranking:${call.id}:${unitId}`, callId: call.id, unitId, detail: { applicationIds: request.body.applicationIds } });
    });
    return reply.status(204).send(null);
  });

  app.put('/api/calls/:callId/indicators/:unitId', {
    config: { access: ['province-officer'] },
    schema: {
      tags: ['recommendation'],
      summary: 'Set a unit’s indicator (附件1): a target, or a hard cap on its recommendations',
      params: indicatorParams,
      body: indicator,
      response: { 204: noContent },
    },
  }, async (request, reply) => {
    const account = accountOf(request);
    const call = await callOr404(request.params.callId);
    await setIndicator(db, call.id, { unitId: request.params.unitId, ...request.body }, account.username);
    await insertAuditEntry(db, { actor: account.username, action: 'indicator.set', subject: `call:${call.id}:unit:${request.params.unitId}`, callId: call.id, unitId: request.params.unitId, detail: request.body });
    return reply.status(204).send(null);
  });

  app.get('/api/calls/:callId/unit-figures', {
    config: { access: ['province-officer', 'administrator'] },
    schema: {
      tags: ['recommendation'],
      summary: 'Per unit: indicator, applications declared, awaiting review, in library, recommended; against the province-wide floor',
      params: callParams,
      response: { 200: unitFiguresView },
    },
  }, async (request) => {
    const call = await callOr404(request.params.callId);
    const units = await unitFigures(db, call);
    return { provinceFloor: call.provinceFloor, totalRecommended: units.reduce((sum, u) => sum + u.recommended, 0), units };
  });
};
