import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import { unitNameOf } from '../../../domain/units.js';
import { beijingTime } from '../dashboard/dashboard-exports.js';
import { libraryListing } from '../library/library-list.js';
import { libraryPdf } from '../library/library-pdf.js';
import { libraryWorkbook } from '../library/library-workbook.js';
import { accountOf } from '../plugins/authentication.js';
import { libraryFilters, libraryList, unitProjectFilters } from '../schemas/library.js';

// 省级重点项目库: the province's list of the library's projects, filtered by call, unit, direction, category and
// status, and as Excel and PDF; a city reviewer's list of its own unit's projects (本单位入库项目) and its Excel.

/** The province's roles see the whole library (LIFECYCLE.md, "Roles in these stages"). */
const provinceRoles = ['province-officer', 'division-head', 'finance', 'leadership'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const libraryRoutes: FastifyPluginAsyncZod<{ db: Pool; clock: Clock }> = async (app, { db, clock }) => {
  const attachment = (contentType: string, fileName: string) => ({ 'content-type': contentType, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` });

  app.get('/api/library', {
    config: { access: provinceRoles },
    schema: { tags: ['library'], summary: 'The provincial library’s projects by call, unit, direction, category (template) and statuses, in project-number order', querystring: libraryFilters, response: { 200: libraryList } },
  }, async (request) => {
    const { total, rows, directions } = await libraryListing(db, request.query);
    return { total, rows, directions };
  });

  app.get('/api/library.xlsx', {
    config: { access: provinceRoles },
    schema: { tags: ['library'], summary: 'The filtered library list as Excel, one row per project', querystring: libraryFilters },
  }, async (request, reply) => {
    const now = clock.now();
    const { rows, applied } = await libraryListing(db, request.query);
    return reply.headers(attachment(XLSX, `省级重点项目库名单-${beijingTime(now).slice(0, 10)}.xlsx`))
      .send(await libraryWorkbook({ sheetName: '省级重点项目库', rows, applied, generatedAt: now }));
  });

  app.get('/api/library.pdf', {
    config: { access: provinceRoles },
    schema: { tags: ['library'], summary: 'The filtered library list as a PDF (省级重点项目库名单) with its filters and the time it was made', querystring: libraryFilters },
  }, async (request, reply) => {
    const now = clock.now();
    const { rows, applied } = await libraryListing(db, request.query);
    return reply.headers(attachment('application/pdf', `省级重点项目库名单-${beijingTime(now).slice(0, 10)}.pdf`)).send(await libraryPdf(rows, applied, now));
  });

  app.get('/api/my-unit/projects', {
    config: { access: ['city-reviewer'] },
    schema: { tags: ['library'], summary: 'My unit’s projects in the provincial library, with the province’s filters but the unit fixed', querystring: unitProjectFilters, response: { 200: libraryList } },
  }, async (request) => {
    const { total, rows, directions } = await libraryListing(db, { ...request.query, unitId: accountOf(request).unitId! });
    return { total, rows, directions };
  });

  app.get('/api/my-unit/projects.xlsx', {
    config: { access: ['city-reviewer'] },
    schema: { tags: ['library'], summary: 'My unit’s filtered projects as Excel', querystring: unitProjectFilters },
  }, async (request, reply) => {
    const now = clock.now();
    const unitId = accountOf(request).unitId!;
    const { rows, applied } = await libraryListing(db, { ...request.query, unitId });
    return reply.headers(attachment(XLSX, `${unitNameOf(unitId)}入库项目-${beijingTime(now).slice(0, 10)}.xlsx`))
      .send(await libraryWorkbook({ sheetName: `${unitNameOf(unitId)}入库项目`, rows, applied, generatedAt: now }));
  });
};
