// The tasklist as the API describes it (its schemas: web/server/schemas/tasks.ts), and dates as people read them.
import type { TaskCriteria, TaskDetail } from '../../server/schemas/tasks.js';

export type { Person, TaskAttachment, TaskCriteria, TaskDetail, TaskRow } from '../../server/schemas/tasks.js';

/** A rule outcome that does not block but that the reviewer must judge (e.g. the territorial principle). */
export type RuleWarning = TaskDetail['warnings'][number];

export const criteriaKeys = ['stage', 'unitId', 'template', 'due', 'dueBefore', 'assignee'] as const;

export const dueLabels: Record<NonNullable<TaskCriteria['due']>, string> = { overdue: '已逾期', today: '今日到期', week: '7日内到期', none: '无到期日' };

/** A date and time in Beijing time, as the province's people read it. */
export function beijingTime(time: Date | string): string {
  return new Date(time).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** A date in Beijing time. */
export function beijingDate(time: Date | string): string {
  return new Date(time).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
}

/** The query string of criteria (only the ones set). */
export function criteriaQuery(criteria: TaskCriteria): string {
  const entries = criteriaKeys.flatMap((key) => (criteria[key] ? [[key, String(criteria[key])]] : []));
  return new URLSearchParams(entries).toString();
}
