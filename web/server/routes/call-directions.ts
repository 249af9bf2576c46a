import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withTransaction, type Pool } from '../../../platform/database.js';
import { directionEditProblems, vocabularyOf } from '../../../domain/call-direction-edits.js';
import type { Call } from '../../../domain/call.js';
import { templateForDirection } from '../../../domain/directions.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { directionUsage, lockCall, replaceCallDirections } from '../../../store/call-direction-repository.js';
import { findCall } from '../../../store/call-repository.js';
import { AppError } from '../errors.js';
import { accountOf } from '../plugins/authentication.js';
import { callDirectionsReplacement, callDirectionsView, type CallDirectionsView } from '../schemas/call-directions.js';
import { callParams } from '../schemas/common.js';

// A call's directions and their templates (申报方向与申报书类别), edited by the province without code: add, rename,
// retire, choose each one's template (附件2–4) and the direction capped at one per unit. The application forms'
// direction choices, the submission check, the documents and the exports read them from the call.

export const callDirectionRoutes: FastifyPluginAsyncZod<{ db: Pool }> = async (app, { db }) => {
  const callOr404 = async (callId: string) => {
    const call = await findCall(db, callId);
    if (!call) throw new AppError('NOT_FOUND', '没有找到这个申报批次，请从批次列表中重新选择。');
    return call;
  };

  async function viewOf(call: Call): Promise<CallDirectionsView> {
    const usage = await directionUsage(db, call.id);
    return {
      callId: call.id,
      callTitle: call.title,
      directions: call.directions.map((direction) => ({
        code: direction.code,
        label: direction.label,
        subtypeOf: direction.subtypeOf ?? null,
        template: templateForDirection(direction.code, call.directionTemplates)!,
        retired: direction.retired === true,
        applications: usage.get(direction.code) ?? 0,
      })),
      cappedDirection: call.directionCappedAtOnePerUnit,
    };
  }

  app.get('/api/calls/:callId/directions', {
    config: { access: ['province-officer'] },
    schema: { tags: ['calls'], summary: 'The call’s directions, each with its template (附件2–4), parent, retired flag and applications, and the direction capped at one per unit', params: callParams, response: { 200: callDirectionsView } },
  }, async (request) => viewOf(await callOr404(request.params.callId)));

  app.put('/api/calls/:callId/directions', {
    config: { access: ['province-officer'] },
    schema: {
      tags: ['calls'],
      summary: 'Replace the call’s directions at once: any problem (a duplicate name or code, no template, removing a direction applications declare) refuses all of it, naming the row; audited',
      params: callParams,
      body: callDirectionsReplacement,
      response: { 200: callDirectionsView },
    },
  }, async (request) => {
    const actor = accountOf(request).username;
    await withTransaction(db, async (client) => {
      if (!(await lockCall(client, request.params.callId))) throw new AppError('NOT_FOUND', '没有找到这个申报批次，请从批次列表中重新选择。');
      const call = (await findCall(client, request.params.callId))!;
      const problems = directionEditProblems(call, request.body, await directionUsage(client, call.id));
      if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems.map((p) => ({ path: `body.${p.path}`, message: p.message })));
      const vocabulary = vocabularyOf(request.body, () => `d-${randomBytes(4).toString('hex')}`);
      await replaceCallDirections(client, call, vocabulary);
      await insertAuditEntry(client, {
        actor, action: 'call.directions.replaced', subject: `call:${call.id}`, callId: call.id,
        detail: {
          before: { directions: call.directions, directionTemplates: call.directionTemplates, directionCappedAtOnePerUnit: call.directionCappedAtOnePerUnit },
          after: vocabulary,
        },
      });
    });
    return viewOf(await callOr404(request.params.callId));
  });
};
