import '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import { listExperts } from '../../../store/expert-repository.js';
import { beijingTime } from '../dashboard/dashboard-exports.js';
import { AppError } from '../errors.js';
import { directionCatalogue } from '../experts/expert-directions.js';
import { importExperts } from '../experts/expert-import.js';
import { changeExpert, createExpert, viewOf } from '../experts/expert-pool.js';
import { expertWorkbook } from '../experts/expert-workbook.js';
import { accountOf } from '../plugins/authentication.js';
import { expertEntry, expertFilters, expertImportResult, expertList, expertParams, expertView, type ExpertFilters } from '../schemas/experts.js';

// 专家库 (LIFECYCLE.md stage 4b): the province officer keeps the pool — experts with their fields, home unit and
// declared relationships — one at a time or as an Excel file in the export's layout; the division head reads it.

const readers = ['province-officer', 'division-head'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const expertRoutes: FastifyPluginAsyncZod<{ db: Pool; clock: Clock }> = async (app, { db, clock }) => {
  const listed = async (filters: ExpertFilters) => {
    const { unitId, ...rest } = filters;
    return (await listExperts(db, { ...rest, ...(unitId ? { homeUnitId: unitId } : {}) })).map(viewOf);
  };

  app.get('/api/experts', {
    config: { access: readers },
    schema: { tags: ['experts'], summary: 'The pool’s experts by field (direction), home unit, state and name, with the directions the pool knows', querystring: expertFilters, response: { 200: expertList } },
  }, async (request) => {
    const experts = await listed(request.query);
    return { total: experts.length, experts, directions: await directionCatalogue(db) };
  });

  app.post('/api/experts', {
    config: { access: ['province-officer'] },
    schema: {
      tags: ['experts'],
      summary: 'Add an expert with the relationships they declare; a person already in the pool (same name and organisation, or same phone) is refused',
      body: expertEntry, response: { 201: expertView },
    },
  }, async (request, reply) => reply.status(201).send(await createExpert(db, accountOf(request).username, request.body)));

  app.put('/api/experts/:expertId', {
    config: { access: ['province-officer'] },
    schema: {
      tags: ['experts'],
      summary: 'Replace an expert’s entry and relationships (deactivate: active false), audited; the same duplicate rules as adding',
      params: expertParams, body: expertEntry, response: { 200: expertView },
    },
  }, async (request) => changeExpert(db, accountOf(request).username, request.params.expertId, request.body));

  app.get('/api/experts.xlsx', {
    config: { access: readers },
    schema: { tags: ['experts'], summary: 'The (filtered) pool as Excel: one row per expert, their relationships on a second sheet; the import’s layout', querystring: expertFilters },
  }, async (request, reply) => {
    const now = clock.now();
    const book = await expertWorkbook(await listed(request.query), await directionCatalogue(db), now);
    const fileName = `专家库-${beijingTime(now).slice(0, 10)}.xlsx`;
    return reply.headers({ 'content-type': XLSX, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` }).send(book);
  });

  app.post('/api/experts/import', {
    config: { access: ['province-officer'] },
    schema: {
      tags: ['experts'],
      summary: 'Import a pool workbook (multipart: file) in the export’s layout: every row is checked first; any problem refuses the whole file listing each by sheet, row and column, else all rows are created or updated in one transaction',
      response: { 200: expertImportResult },
    },
  }, async (request) => {
    const part = request.isMultipart() ? await request.file({ limits: { files: 1 } }) : undefined;
    if (!part) throw new AppError('VALIDATION_FAILED', '请选择要导入的专家库文件（.xlsx）。', [{ path: 'file', message: '缺少文件' }]);
    return importExperts(db, accountOf(request).username, await part.toBuffer(), part.filename);
  });
};
