import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Pool } from '../../../platform/database.js';
import type { EngineApi, EngineTask } from '../../../platform/engine-api.js';
import { validateAgainstForm } from '../../../platform/form-validation.js';
import { candidateGroupForUnit, isUnitId } from '../../../domain/units.js';
import { findApplicationByProcessInstance } from '../../../store/application-repository.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import { accountOf } from '../plugins/authentication.js';

const CITY_REVIEW = 'CityReview';
const taskParams = z.object({ taskId: z.string().regex(/^[0-9a-f-]{36}$/, '须为任务编号') });
const taskView = z.object({ taskId: z.string(), name: z.string().nullable(), created: z.string(), due: z.string().nullable(), applicationId: z.string(), applicationNumber: z.string().nullable() });
// What the process reads from the city's review; any field an administrator adds is checked by the form alone.
const cityReview = z.looseObject({
  cityDecision: z.enum(['pass', 'return', 'reject'], '请选择初审意见'),
  cityOpinion: z.string().trim().min(1, '请填写初审意见').max(1000),
  fieldComments: z.array(z.object({ field: z.string().max(64), comment: z.string().trim().min(1).max(200) })).max(50).optional(),
  creditCheckPassed: z.boolean().optional(),
});

/** The city reviewer's preliminary-review tasks (初审), limited to the reviewer's own unit. */
export const reviewTaskRoutes: FastifyPluginAsyncZod<{ db: Pool; engine: EngineApi }> = async (app, { db, engine }) => {
  async function ownTask(account: Account, taskId: string) {
    const task = await engine.task(taskId).catch(() => undefined);
    const application = task && (await findApplicationByProcessInstance(db, task.processInstanceId));
    if (!task || task.taskDefinitionKey !== CITY_REVIEW || !application || application.unitId !== account.unitId) throw new AppError('NOT_FOUND');
    return { task, application };
  }
  const summary = (task: EngineTask, application: { id: string; applicationNumber: string | null }) => ({
    taskId: task.id, name: task.name, created: task.created, due: task.due, applicationId: application.id, applicationNumber: application.applicationNumber,
  });

  app.get('/api/review-tasks', {
    config: { access: ['city-reviewer'] },
    schema: { tags: ['review'], summary: 'Open preliminary reviews of my unit', response: { 200: z.array(taskView) } },
  }, async (request) => {
    const unitId = accountOf(request).unitId!;
    if (!isUnitId(unitId)) return [];
    const tasks = await engine.tasks({ candidateGroup: candidateGroupForUnit(unitId), taskDefinitionKey: CITY_REVIEW });
    const rows = await Promise.all(tasks.map(async (task) => ({ task, application: await findApplicationByProcessInstance(db, task.processInstanceId) })));
    // The engine's group is derived from the unit; the application's own unit must agree as well.
    return rows.filter((row) => row.application?.unitId === unitId).map((row) => summary(row.task, row.application!));
  });

  app.get('/api/review-tasks/:taskId', {
    config: { access: ['city-reviewer'] },
    schema: { tags: ['review'], summary: 'One review task with its deployed form', params: taskParams, response: { 200: taskView.extend({ form: z.unknown() }) } },
  }, async (request) => {
    const { task, application } = await ownTask(accountOf(request), request.params.taskId);
    return { ...summary(task, application), form: await engine.deployedTaskForm(task.id) };
  });

  app.post('/api/review-tasks/:taskId/complete', {
    config: { access: ['city-reviewer'] },
    schema: { tags: ['review'], summary: 'Complete the preliminary review: pass, return for correction, or reject', params: taskParams, body: cityReview, response: { 204: z.null() } },
  }, async (request, reply) => {
    const { task } = await ownTask(accountOf(request), request.params.taskId);
    const problems = validateAgainstForm(await engine.deployedTaskForm(task.id), request.body);
    if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems.map((p) => ({ path: `body.${p.path}`, message: p.message })));
    await engine.completeTask(task.id, { fieldComments: [], ...request.body });
    return reply.status(204).send(null);
  });
};
