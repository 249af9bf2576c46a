import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import { accountOf } from '../plugins/authentication.js';
import { claim, unclaim } from '../tasks/assignment.js';
import { completeTask } from '../tasks/complete-task.js';
import { matchesCriteria } from '../tasks/criteria.js';
import { engineUserOf, tasksOf } from '../tasks/scope.js';
import { stages } from '../tasks/stages.js';
import { addComment, commentsOf } from '../tasks/task-comments.js';
import { setTaskDates } from '../tasks/task-dates.js';
import { taskDetailOf } from '../tasks/task-detail.js';
import { diagramOf, historyOf } from '../tasks/task-process.js';
import { taskRows } from '../tasks/views.js';
import { noContent } from '../schemas/common.js';
import {
  newComment, taskComment, taskComments, taskCompletion, taskCriteria, taskDates, taskDetail, taskDiagram, taskHistory, taskList, taskParams,
} from '../schemas/tasks.js';

// The tasklist of reviewers, officers and experts: the tasks of one's groups (a city reviewer's only for its own
// unit; an expert's only those assigned to it), and on each task claiming, dates, comments, the diagram, the
// history and completion. Every route with a task id answers 404 for a task outside the caller's scope.

const handlers = ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership', 'expert'] as const;
// Experts are assigned by name, with conflicts of interest avoided: they neither claim nor release nor re-plan.
const groupMembers = ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership'] as const;

export const taskRoutes: FastifyPluginAsyncZod<{ db: Pool; engine: EngineApi; clock: Clock }> = async (app, deps) => {
  app.get('/api/tasks', {
    config: { access: handlers },
    schema: {
      tags: ['tasks'],
      summary: 'My open tasks, narrowed by stage, unit, category, due date and assignee; with the stages I may filter by',
      querystring: taskCriteria,
      response: { 200: taskList },
    },
  }, async (request) => {
    const account = accountOf(request);
    const rows = await taskRows(deps.db, await tasksOf(deps, account));
    const now = deps.clock.now();
    const shown = rows.filter((row) => matchesCriteria(
      { stage: row.stage, due: row.due ? new Date(row.due) : null, assignee: row.assignee?.username ?? null, unitId: row.subject.unitId, template: row.subject.template },
      request.query, now, engineUserOf(account),
    ));
    const offered = new Map(stages.filter((s) => s.role === account.role).map((s) => [s.key, s.label]));
    for (const row of rows) if (!offered.has(row.stage)) offered.set(row.stage, row.stageLabel);
    return { tasks: shown, stages: [...offered].map(([key, label]) => ({ key, label })) };
  });

  app.get('/api/tasks/:taskId', {
    config: { access: handlers },
    schema: { tags: ['tasks'], summary: 'One task: its deployed form, the application or batch it is about, and their files', params: taskParams, response: { 200: taskDetail } },
  }, async (request) => taskDetailOf(deps, accountOf(request), request.params.taskId));

  app.post('/api/tasks/:taskId/claim', {
    config: { access: groupMembers },
    schema: { tags: ['tasks'], summary: 'Claim a task of my group; refused when someone else claimed it', params: taskParams, response: { 204: noContent } },
  }, async (request, reply) => {
    await claim(deps, accountOf(request), request.params.taskId);
    return reply.status(204).send(null);
  });

  app.post('/api/tasks/:taskId/unclaim', {
    config: { access: groupMembers },
    schema: { tags: ['tasks'], summary: 'Release a claimed task back to its group', params: taskParams, response: { 204: noContent } },
  }, async (request, reply) => {
    await unclaim(deps, accountOf(request), request.params.taskId);
    return reply.status(204).send(null);
  });

  app.put('/api/tasks/:taskId/dates', {
    config: { access: groupMembers },
    schema: {
      tags: ['tasks'],
      summary: 'Set the due and/or follow-up date (null clears; an absent one stays)',
      params: taskParams,
      body: taskDates,
      response: { 204: noContent },
    },
  }, async (request, reply) => {
    await setTaskDates(deps, accountOf(request), request.params.taskId, request.body);
    return reply.status(204).send(null);
  });

  app.get('/api/tasks/:taskId/comments', {
    config: { access: handlers },
    schema: { tags: ['tasks'], summary: 'The task’s comments with author and time, oldest first', params: taskParams, response: { 200: taskComments } },
  }, async (request) => commentsOf(deps, accountOf(request), request.params.taskId));

  app.post('/api/tasks/:taskId/comments', {
    config: { access: handlers },
    schema: {
      tags: ['tasks'],
      summary: 'Add a comment to the task (kept by the engine as a task comment)',
      params: taskParams,
      body: newComment,
      response: { 201: taskComment },
    },
  }, async (request, reply) => reply.status(201).send(await addComment(deps, accountOf(request), request.params.taskId, request.body.message)));

  app.get('/api/tasks/:taskId/diagram', {
    config: { access: handlers },
    schema: { tags: ['tasks'], summary: 'The BPMN of the task’s process definition, with the open and finished activities', params: taskParams, response: { 200: taskDiagram } },
  }, async (request) => diagramOf(deps, accountOf(request), request.params.taskId));

  app.get('/api/tasks/:taskId/history', {
    config: { access: handlers },
    schema: { tags: ['tasks'], summary: 'The application’s statuses and the engine’s record of every step', params: taskParams, response: { 200: taskHistory } },
  }, async (request) => historyOf(deps, accountOf(request), request.params.taskId));

  app.post('/api/tasks/:taskId/complete', {
    config: { access: handlers },
    schema: {
      tags: ['tasks'],
      summary: 'Complete the task with its form’s data, checked against the deployed form and the stage’s own rules',
      params: taskParams,
      body: taskCompletion,
      response: { 204: noContent },
    },
  }, async (request, reply) => {
    await completeTask(deps, accountOf(request), request.params.taskId, request.body);
    return reply.status(204).send(null);
  });
};
