import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import { findCall } from '../../../store/call-repository.js';
import { AppError } from '../errors.js';
import { accountOf } from '../plugins/authentication.js';
import { callBatches } from '../province-batches/call-batches.js';
import { unitBatchReview } from '../province-batches/unit-batch-review.js';
import { callParams } from '../schemas/common.js';
import { provinceBatchParams, receivedBatchDetail, receivedBatches } from '../schemas/province-batches.js';

// 形式审查 by batch: what the province officer starts from — every unit's batch of a call, and one submitted batch's
// check with its projects and their open FormalReview tasks (LIFECYCLE.md stage 4a). Reads only.

/** The province's roles see every batch (LIFECYCLE.md, "Roles in these stages"). */
const provinceRoles = ['province-officer', 'division-head', 'finance', 'leadership'] as const;

export const provinceBatchRoutes: FastifyPluginAsyncZod<{ db: Pool; engine: EngineApi; clock: Clock }> = async (app, deps) => {
  const callOr404 = async (callId: string) => {
    const call = await findCall(deps.db, callId);
    if (!call) throw new AppError('NOT_FOUND', '没有找到这个申报批次，请从批次列表中重新选择。');
    return call;
  };

  app.get('/api/province/calls/:callId/batches', {
    config: { access: provinceRoles },
    schema: {
      tags: ['province-batches'],
      summary: 'Every unit of the call with its batch: state, submission, sealed scan, match with its recommendations, projects per status',
      params: callParams,
      response: { 200: receivedBatches },
    },
  }, async (request) => callBatches(deps.db, await callOr404(request.params.callId)));

  app.get('/api/province/calls/:callId/batches/:unitId', {
    config: { access: provinceRoles },
    schema: {
      tags: ['province-batches'],
      summary: 'One unit’s submitted batch: its check (scan, 推荐表, entries against the recommendations) and its projects with their open FormalReview tasks; 409 while not submitted',
      params: provinceBatchParams,
      response: { 200: receivedBatchDetail },
    },
  }, async (request) => unitBatchReview(deps, accountOf(request), await callOr404(request.params.callId), request.params.unitId));
};
