import { dueFilters, type DueFilter, type TaskCriteria } from '../schemas/tasks.js';

// Whether a task meets the criteria a person narrows the tasklist by (their schema: schemas/tasks.ts).

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

function matchesDue(due: Date | null, filter: DueFilter, now: Date): boolean {
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
