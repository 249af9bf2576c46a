import { z } from 'zod';
import { timestamp } from './common.js';

// The province's dashboards: the funnel of a call's applications, overdue and near-due tasks, open incidents
// (routes/dashboard.ts). Per-unit figures are in recommendations.ts.

export const dueQuery = z.object({ withinDays: z.coerce.number().int().min(1, '至少 1 天').max(30, '最多 30 天').default(3) });
export const incidentParams = z.object({ incidentId: z.string().regex(/^[0-9A-Za-z-]{1,64}$/, '须为流程异常编号') });

export const funnelView = z.object({
  total: z.number(),
  steps: z.array(z.object({ status: z.string(), label: z.string(), count: z.number() })),
});

/** What an engine task or incident is about, as the dashboards show it: call, unit, application. */
export const subjectFields = {
  applicationId: z.string().nullable(),
  applicationNumber: z.string().nullable(),
  projectName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  callId: z.string().nullable(),
  callTitle: z.string().nullable(),
};

export const dueTaskView = z.object({
  taskId: z.string(),
  name: z.string().nullable(),
  processInstanceId: z.string(),
  assignee: z.string().nullable(),
  created: timestamp,
  due: timestamp,
  ...subjectFields,
});
const dueList = z.object({ total: z.number(), tasks: z.array(dueTaskView) });

export const dueTasksView = z.object({ now: timestamp, nearDueUntil: timestamp, overdue: dueList, nearDue: dueList });

export const incidentView = z.object({
  incidentId: z.string(),
  incidentType: z.string(),
  at: timestamp,
  processInstanceId: z.string().nullable(),
  processName: z.string().nullable(),
  activityId: z.string().nullable(),
  activityName: z.string().nullable(),
  /** The incident's message: the worker's error message, or the job's exception message. */
  message: z.string().nullable(),
  details: z.string().nullable(),
  topicName: z.string().nullable(),
  retryable: z.boolean(),
  ...subjectFields,
});
export const incidentsView = z.object({ total: z.number(), incidents: z.array(incidentView) });

export type Funnel = z.infer<typeof funnelView>;
export type SubjectView = z.infer<z.ZodObject<typeof subjectFields>>;
export type DueTask = z.infer<typeof dueTaskView>;
export type DueTasks = z.infer<typeof dueTasksView>;
export type IncidentView = z.infer<typeof incidentView>;
export type Incidents = z.infer<typeof incidentsView>;
