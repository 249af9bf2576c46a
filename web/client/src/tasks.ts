// The tasklist as the API describes it (web/server/tasks/views.ts, task-detail.ts), and dates as people read them.

export interface Person {
  username: string;
  displayName: string;
}

export interface TaskRow {
  taskId: string;
  name: string | null;
  stage: string;
  stageLabel: string;
  created: string;
  due: string | null;
  followUp: string | null;
  assignee: Person | null;
  subject: {
    kind: 'application' | 'batch' | 'none';
    title: string;
    applicationId: string | null;
    applicationNumber: string | null;
    enterpriseName: string | null;
    projectName: string | null;
    template: string | null;
    unitId: string | null;
    unitName: string | null;
    /** Warnings of the application's latest rule check, for the reviewer to judge. */
    warningCount: number;
  };
}

export interface TaskAttachment {
  id: string;
  fileName: string;
  mediaType: string;
  label: string;
  previewable: boolean;
}

export interface TaskDetail extends TaskRow {
  form: object | null;
  formData: Record<string, unknown>;
  submitLabel: string;
  application: { id: string; applicationNumber: string | null; template: string; status: string; data: Record<string, unknown> } | null;
  batch: { callId: string; callTitle: string; unitName: string; renderedAt: string | null } | null;
  attachments: TaskAttachment[];
  warnings: RuleWarning[];
}

/** A rule outcome that does not block but that the reviewer must judge (e.g. the territorial principle). */
export interface RuleWarning {
  ruleId: string;
  reason: string;
  field: string | null;
}

/** What the tasklist is narrowed by; the same object is saved as a named filter. */
export interface TaskCriteria {
  stage?: string;
  unitId?: string;
  template?: string;
  due?: 'overdue' | 'today' | 'week' | 'none';
  dueBefore?: string;
  assignee?: 'mine' | 'unassigned';
}

export const criteriaKeys = ['stage', 'unitId', 'template', 'due', 'dueBefore', 'assignee'] as const;

export const dueLabels: Record<NonNullable<TaskCriteria['due']>, string> = { overdue: '已逾期', today: '今日到期', week: '7日内到期', none: '无到期日' };

/** A date and time in Beijing time, as the province's people read it. */
export function beijingTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** A date in Beijing time. */
export function beijingDate(iso: string): string {
  return new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
}

/** The query string of criteria (only the ones set). */
export function criteriaQuery(criteria: TaskCriteria): string {
  const entries = criteriaKeys.flatMap((key) => (criteria[key] ? [[key, String(criteria[key])]] : []));
  return new URLSearchParams(entries).toString();
}
