import { z } from 'zod';
import { templates, type TemplateCode } from '../../../domain/directions.js';
import { unitIds } from '../../../domain/units.js';

// What a person narrows the tasklist by; the same criteria are saved per account as named filters.

/** Due-date filters, relative to today in Beijing time so a saved filter keeps its meaning. */
export const dueFilters = ['overdue', 'today', 'week', 'none'] as const;

export const taskCriteria = z.strictObject({
  stage: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, '须为流程中的任务编号').optional(),
  unitId: z.enum(unitIds as [string, ...string[]], '没有这个推荐单位').optional(),
  template: z.enum(templates.map((t) => t.code) as [TemplateCode, ...TemplateCode[]], '没有这个申报类别').optional(),
  due: z.enum(dueFilters, '到期筛选须为已逾期、今日到期、7日内到期或无到期日').optional(),
  dueBefore: z.iso.date('须为日期，如 2021-12-20').optional(),
  assignee: z.enum(['mine', 'unassigned'], '办理人筛选须为我认领的或未认领').optional(),
});

export type TaskCriteria = z.infer<typeof taskCriteria>;

/** The facts of one task the criteria look at. */
export interface CriteriaFacts {
  stage: string;
  due: Date | null;
  assignee: string | null;
  unitId: string | null;
  template: string | null;
}

/** Whether a task meets every criterion given; `me` is the account's engine user id. */
export function matchesCriteria(facts: CriteriaFacts, criteria: TaskCriteria, now: Date, me: string): boolean {
  if (criteria.stage !== undefined && facts.stage !== criteria.stage) return false;
  if (criteria.unitId !== undefined && facts.unitId !== criteria.unitId) return false;
  if (criteria.template !== undefined && facts.template !== criteria.template) return false;
  if (criteria.assignee === 'mine' && facts.assignee !== me) return false;
  if (criteria.assignee === 'unassigned' && facts.assignee !== null) return false;
  if (criteria.dueBefore !== undefined && !(facts.due && facts.due < beijingDayEnd(new Date(`${criteria.dueBefore}T12:00:00+08:00`)))) return false;
  return criteria.due === undefined || matchesDue(facts.due, criteria.due, now);
}

// helpers

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function matchesDue(due: Date | null, filter: (typeof dueFilters)[number], now: Date): boolean {
  switch (filter) {
    case 'none':
      return due === null;
    case 'overdue':
      return due !== null && due < now;
    case 'today':
      return due !== null && due >= beijingDayStart(now) && due < beijingDayEnd(now);
    case 'week':
      return due !== null && due >= now && due < new Date(beijingDayEnd(now).getTime() + 6 * DAY);
  }
}

/** The start of the Beijing day (UTC+8, no daylight saving) that `at` falls in. */
function beijingDayStart(at: Date): Date {
  return new Date(Math.floor((at.getTime() + 8 * HOUR) / DAY) * DAY - 8 * HOUR);
}

function beijingDayEnd(at: Date): Date {
  return new Date(beijingDayStart(at).getTime() + DAY);
}
