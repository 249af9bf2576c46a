import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withTransaction, type Pool } from '../../../platform/database.js';
import { specialDayProblems } from '../../../domain/special-days.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { listSpecialDays, replaceSpecialDays } from '../../../store/working-day-repository.js';
import { AppError } from '../errors.js';
import { accountOf } from '../plugins/authentication.js';
import { workingDaysParams, workingDaysQuery, workingDaysReplacement, workingDaysYear, type WorkingDaysYear } from '../schemas/working-days.js';

// The working-day calendar (工作日历): the statutory holidays and make-up workdays (调休) of a year, which every window
// counted in working days reads (the correction and sealed-scans due dates). The province keeps it each year.

export const workingDayRoutes: FastifyPluginAsyncZod<{ db: Pool }> = async (app, { db }) => {
  async function yearOf(year: number): Promise<WorkingDaysYear> {
    const days = await listSpecialDays(db, year);
    return { year, days, unchecked: days.filter((day) => !day.checked).length };
  }

  app.get('/api/working-days', {
    config: { access: ['province-officer', 'administrator'] },
    schema: { tags: ['calendar'], summary: 'A year’s special days: statutory holidays on weekdays and make-up workdays (调休) on weekends, with those still to be checked', querystring: workingDaysQuery, response: { 200: workingDaysYear } },
  }, async (request) => yearOf(request.query.year));

  app.put('/api/working-days/:year', {
    config: { access: ['province-officer'] },
    schema: {
      tags: ['calendar'],
      summary: 'Replace a year’s special days at once (rows left out are removed), in one transaction, audited; a day outside the year, a duplicate, a holiday on a weekend or a workday on a weekday refuses the whole list, naming each row',
      params: workingDaysParams,
      body: workingDaysReplacement,
      response: { 200: workingDaysYear },
    },
  }, async (request) => {
    const { year } = request.params;
    const { days } = request.body;
    const problems = specialDayProblems(year, days);
    if (problems.length) {
      throw new AppError('VALIDATION_FAILED', `工作日历有 ${problems.length} 处问题，未保存任何修改：${problems.map((p) => p.message).join('；')}`,
        problems.map((p) => ({ path: `body.days.${p.index}.${p.field}`, message: p.message })));
    }
    const actor = accountOf(request).username;
    await withTransaction(db, async (client) => {
      const before = await listSpecialDays(client, year);
      await replaceSpecialDays(client, year, days, actor);
      await insertAuditEntry(client, {
        actor, action: 'working-days.replaced', subject: `working-days:${year}`,
        detail: { before: before.map(({ date, kind, name, checked }) => ({ date, kind, name, checked })), after: days },
      });
    });
    return yearOf(year);
  });
};
