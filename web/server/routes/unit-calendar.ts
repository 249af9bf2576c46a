import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Queryable } from '../../../platform/database.js';
import { enterpriseDeadlineFor } from '../../../domain/call.js';
import { findCall, findUnitDeadline, setUnitDeadline } from '../../../store/call-repository.js';
import { AppError } from '../errors.js';
import { accountOf } from '../plugins/authentication.js';
import { callParams } from '../schemas/common.js';
import { unitDeadline, unitDeadlineChange } from '../schemas/unit-calendar.js';

/** The enterprise deadline a city sets for its own enterprises (各市组织申报企业), within the call's calendar. */
export const unitCalendarRoutes: FastifyPluginAsyncZod<{ db: Queryable }> = async (app, { db }) => {
  app.get('/api/calls/:callId/my-unit/deadline', {
    config: { access: ['city-reviewer'] },
    schema: { tags: ['calls'], summary: 'My unit’s enterprise deadline in a call', params: callParams, response: { 200: unitDeadline } },
  }, async (request) => {
    const unitId = accountOf(request).unitId!;
    const call = await findCall(db, request.params.callId);
    if (!call) throw new AppError('NOT_FOUND');
    const own = await findUnitDeadline(db, call.id, unitId);
    return { callId: call.id, unitId, enterpriseDeadline: enterpriseDeadlineFor(call, own), setByUnit: own !== undefined };
  });

  app.put('/api/calls/:callId/my-unit/deadline', {
    config: { access: ['city-reviewer'] },
    schema: {
      tags: ['calls'],
      summary: 'Set my unit’s enterprise deadline: after the call opens, no later than the units’ own deadline',
      params: callParams,
      body: unitDeadlineChange,
      response: { 200: unitDeadline },
    },
  }, async (request) => {
    const unitId = accountOf(request).unitId!;
    const call = await findCall(db, request.params.callId);
    if (!call) throw new AppError('NOT_FOUND');
    const deadline = new Date(request.body.enterpriseDeadline);
    if (deadline <= call.opensAt || deadline > call.cityDeadline) {
      throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'body.enterpriseDeadline', message: '须晚于申报开始时间，且不晚于各市报送省厅的截止时间' }]);
    }
    await setUnitDeadline(db, call.id, unitId, deadline);
    return { callId: call.id, unitId, enterpriseDeadline: deadline, setByUnit: true };
  });
};
