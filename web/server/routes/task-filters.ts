import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import { deleteTaskFilter, listSavedTaskFilters, MAX_SAVED_FILTERS, saveTaskFilter } from '../../../store/saved-task-filter-repository.js';
import { AppError } from '../errors.js';
import { accountOf } from '../plugins/authentication.js';
import { noContent } from '../schemas/common.js';
import { filterParams, newFilter, savedFilter, savedFilters } from '../schemas/task-filters.js';
import { taskCriteria } from '../schemas/tasks.js';

// Each person's named tasklist filters. A stored filter whose criteria no longer parse (a stage renamed, a rule
// tightened) is left out rather than failing the list.

const handlers = ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership', 'expert'] as const;

export const taskFilterRoutes: FastifyPluginAsyncZod<{ db: Pool; clock: Clock }> = async (app, { db, clock }) => {
  app.get('/api/task-filters', {
    config: { access: handlers },
    schema: { tags: ['tasks'], summary: 'My saved tasklist filters', response: { 200: savedFilters } },
  }, async (request) => {
    const saved = await listSavedTaskFilters(db, accountOf(request).id);
    return saved.flatMap((filter) => {
      const criteria = taskCriteria.safeParse(filter.criteria);
      return criteria.success ? [{ id: filter.id, name: filter.name, criteria: criteria.data }] : [];
    });
  });

  app.post('/api/task-filters', {
    config: { access: handlers },
    schema: {
      tags: ['tasks'],
      summary: 'Save the current criteria under a name (the same name replaces)',
      body: newFilter,
      response: { 201: savedFilter },
    },
  }, async (request, reply) => {
    const saved = await saveTaskFilter(db, { accountId: accountOf(request).id, ...request.body, at: clock.now() });
    if (!saved) throw new AppError('CONFLICT', `最多保存 ${MAX_SAVED_FILTERS} 个筛选，请先删除不再使用的筛选。`);
    return reply.status(201).send({ id: saved.id, name: saved.name, criteria: taskCriteria.parse(saved.criteria) });
  });

  app.delete('/api/task-filters/:id', {
    config: { access: handlers },
    schema: { tags: ['tasks'], summary: 'Delete one of my saved filters', params: filterParams, response: { 204: noContent } },
  }, async (request, reply) => {
    if (!(await deleteTaskFilter(db, accountOf(request).id, request.params.id))) throw new AppError('NOT_FOUND', '没有找到该筛选，它可能已被删除。请刷新页面。');
    return reply.status(204).send(null);
  });
};
