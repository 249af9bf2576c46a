import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import { findApplication } from '../../../store/application-repository.js';
import { applicationTrail as trailOf } from '../audit/application-trail.js';
import { auditWorkbook } from '../audit/audit-sheet.js';
import { auditExportRows, auditPageOf } from '../audit/audit-views.js';
import { beijingTime } from '../dashboard/dashboard-exports.js';
import { visibleTo } from '../applications/scope.js';
import { accountOf } from '../plugins/authentication.js';
import { applicationParams } from '../schemas/applications.js';
import { applicationTrail, auditFilters, auditPage, auditQuery } from '../schemas/audit.js';

// 操作日志: the audit log for the province and administrators, filtered and paged, and as Excel; and each
// application's own trail (办理记录) for whoever may see the application.

const viewers = ['province-officer', 'administrator'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Pool; clock: Clock }> = async (app, { db, clock }) => {
  app.get('/api/audit', {
    config: { access: viewers },
    schema: {
      tags: ['audit'],
      summary: 'The audit log, newest first: filtered by call, unit, actor (user name or its beginning), application (id or number), actions and time; paged',
      querystring: auditQuery,
      response: { 200: auditPage },
    },
  }, async (request) => {
    const { page, pageSize, ...filters } = request.query;
    return auditPageOf(db, filters, page, pageSize);
  });

  app.get('/api/audit.xlsx', {
    config: { access: viewers },
    schema: { tags: ['audit'], summary: 'The filtered audit log as Excel, up to 10,000 rows (a last row says when cut)', querystring: auditFilters },
  }, async (request, reply) => {
    const { rows, total } = await auditExportRows(db, request.query);
    const fileName = `操作日志-${beijingTime(clock.now()).slice(0, 10)}.xlsx`;
    return reply
      .headers({ 'content-type': XLSX, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` })
      .send(await auditWorkbook(rows, total));
  });

  app.get('/api/applications/:id/trail', {
    config: { access: ['applicant', 'city-reviewer', 'province-officer', 'administrator'] },
    schema: {
      tags: ['applications'],
      summary: 'The application’s trail (办理记录): its statuses and the audited actions on it, oldest first; an applicant sees other actors by role only',
      params: applicationParams,
      response: { 200: applicationTrail },
    },
  }, async (request) => {
    const account = accountOf(request);
    return trailOf(db, account, visibleTo(account, await findApplication(db, request.params.id)));
  });
};
