import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine-api.js';
import { AppError } from '../errors.js';
import { accountOf } from '../plugins/authentication.js';

// The walking skeleton: start an instance, see its user task with the deployed form, complete it, read its history.
// It proves the loop web server → engine → worker → user task → web server; the business processes replace it.

const PROCESS_KEY = 'skeleton';
// The skeleton's review task belongs to the province; administrators may try it too.
const access = ['province-officer', 'administrator'] as const;
const idParams = z.object({ id: z.string().regex(/^[0-9a-f-]{36}$/, 'must be an id issued by the engine') });
const taskSummary = z.object({ id: z.string(), name: z.string().nullable(), taskDefinitionKey: z.string(), created: z.string() });
const activity = z.object({ activityId: z.string(), activityName: z.string().nullable(), activityType: z.string(), startTime: z.string(), endTime: z.string().nullable() });

export const skeletonRoutes: FastifyPluginAsyncZod<{ engine: EngineApi; db: Queryable }> = async (app, { engine, db }) => {
  app.post('/api/skeleton/instances', {
    config: { access },
    schema: {
      tags: ['skeleton'],
      summary: 'Start a skeleton instance',
      body: z.object({ applicant: z.string().trim().min(1).max(100) }),
      response: { 201: z.object({ processInstanceId: z.string(), businessKey: z.string() }) },
    },
  }, async (request, reply) => {
    const businessKey = `skeleton-${randomUUID()}`;
    const instance = await engine.startProcess(PROCESS_KEY, businessKey, { applicant: request.body.applicant });
    await db.query('INSERT INTO audit_log (actor, action, subject, detail) VALUES ($1, $2, $3, $4)', [
      accountOf(request).username, 'skeleton.started', businessKey, { processInstanceId: instance.id },
    ]);
    return reply.status(201).send({ processInstanceId: instance.id, businessKey });
  });

  app.get('/api/skeleton/instances/:id', {
    config: { access },
    schema: {
      tags: ['skeleton'],
      summary: 'State, open tasks and history of a skeleton instance',
      params: idParams,
      response: { 200: z.object({ state: z.string(), openTasks: z.array(taskSummary), activities: z.array(activity) }) },
    },
  }, async (request) => {
    const instance = await engine.historicProcessInstance(request.params.id);
    if (!instance.businessKey?.startsWith(`${PROCESS_KEY}-`)) throw new AppError('NOT_FOUND');
    const [tasks, activities] = await Promise.all([engine.tasks({ processInstanceId: instance.id }), engine.historicActivities(instance.id)]);
    return { state: instance.state, openTasks: tasks, activities };
  });

  app.get('/api/skeleton/tasks/:id', {
    config: { access },
    schema: {
      tags: ['skeleton'],
      summary: 'A skeleton user task with its deployed form-js schema and data',
      params: idParams,
      response: { 200: z.object({ id: z.string(), name: z.string().nullable(), form: z.unknown(), data: z.record(z.string(), z.unknown()) }) },
    },
  }, async (request) => {
    const task = await skeletonTask(engine, request.params.id);
    const [form, data] = await Promise.all([engine.deployedTaskForm(task.id), engine.taskVariables(task.id)]);
    return { id: task.id, name: task.name, form, data };
  });

  app.post('/api/skeleton/tasks/:id/complete', {
    config: { access },
    schema: {
      tags: ['skeleton'],
      summary: 'Complete the review task with the form data',
      params: idParams,
      body: z.object({ decision: z.enum(['approve', 'return']), comment: z.string().max(500).default('') }),
      response: { 204: z.null() },
    },
  }, async (request, reply) => {
    const task = await skeletonTask(engine, request.params.id);
    await engine.completeTask(task.id, request.body);
    return reply.status(204).send(null);
  });
};

async function skeletonTask(engine: EngineApi, id: string) {
  const task = await engine.task(id);
  if (!task.processDefinitionId.startsWith(`${PROCESS_KEY}:`)) throw new AppError('NOT_FOUND');
  return task;
}
