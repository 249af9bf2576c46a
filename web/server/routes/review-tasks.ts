import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine-api.js';
import { AppError } from '../errors.js';
import { accountOf } from '../plugins/authentication.js';
import { completeTask, deployedFormOrNull } from '../tasks/complete-task.js';
import { cityReview } from '../tasks/completions/city-review.js';
import { scopedTask, tasksOf, type ScopedTask } from '../tasks/scope.js';

// The narrow preliminary-review API (初审 only) that scripts and tests drive; the tasklist (/api/tasks) is the
// general one, and both share its scope, claim and completion rules.

const CITY_REVIEW = 'CityReview';
const taskParams = z.object({ taskId: z.string().regex(/^[0-9a-f-]{36}$/, '须为任务编号') });
const taskView = z.object({ taskId: z.string(), name: z.string().nullable(), created: z.string(), due: z.string().nullable(), applicationId: z.string(), applicationNumber: z.string().nullable() });

/** The city reviewer's preliminary-review tasks (初审), limited to the reviewer's own unit. */
export const reviewTaskRoutes: FastifyPluginAsyncZod<{ db: Pool; engine: EngineApi; clock: Clock }> = async (app, deps) => {
  const summary = ({ task, subject }: ScopedTask) => ({
    taskId: task.id, name: task.name, created: task.created, due: task.due,
    applicationId: subject.kind === 'application' ? subject.application.id : '', applicationNumber: subject.kind === 'application' ? subject.application.applicationNumber : null,
  });

  app.get('/api/review-tasks', {
    config: { access: ['city-reviewer'] },
    schema: { tags: ['review'], summary: 'Open preliminary reviews of my unit', response: { 200: z.array(taskView) } },
  }, async (request) => (await tasksOf(deps, accountOf(request))).filter((t) => t.task.taskDefinitionKey === CITY_REVIEW && t.subject.kind === 'application').map(summary));

  app.get('/api/review-tasks/:taskId', {
    config: { access: ['city-reviewer'] },
    schema: { tags: ['review'], summary: 'One review task with its deployed form', params: taskParams, response: { 200: taskView.extend({ form: z.unknown() }) } },
  }, async (request) => {
    const scoped = await scopedTask(deps, accountOf(request), request.params.taskId);
    if (scoped.task.taskDefinitionKey !== CITY_REVIEW || scoped.subject.kind !== 'application') throw new AppError('NOT_FOUND');
    return { ...summary(scoped), form: await deployedFormOrNull(deps, scoped.task.id) };
  });

  app.post('/api/review-tasks/:taskId/complete', {
    config: { access: ['city-reviewer'] },
    schema: { tags: ['review'], summary: 'Complete the preliminary review: pass, return for correction, or reject', params: taskParams, body: cityReview, response: { 204: z.null() } },
  }, async (request, reply) => {
    await completeTask(deps, accountOf(request), request.params.taskId, request.body, CITY_REVIEW);
    return reply.status(204).send(null);
  });
};
