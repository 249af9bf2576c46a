import { z } from 'zod';
import { seatTaskInfo, sessionTaskInfo } from './review-sessions.js';
import { unitIds } from '../../../domain/units.js';
import { applicationStatus, templateCode } from './applications.js';
import { formData } from './common.js';

// The tasklist of reviewers, officers and experts (routes/tasks.ts) and what it is narrowed by, which
// routes/task-filters.ts saves. Engine times are ISO strings here, as the engine's REST answers give them.

/** Due-date filters, relative to today in Beijing time so a saved filter keeps its meaning. */
export const dueFilters = ['overdue', 'today', 'week', 'none'] as const;

/** What a person narrows the tasklist by; the same criteria are saved per account as named filters. */
export const taskCriteria = z.strictObject({
  stage: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, '须为流程中的任务编号').optional(),
  unitId: z.enum(unitIds, '没有这个推荐单位').optional(),
  template: templateCode.optional(),
  due: z.enum(dueFilters, '到期筛选须为已逾期、今日到期、7日内到期或无到期日').optional(),
  dueBefore: z.iso.date('须为日期，如 2021-12-20').optional(),
  assignee: z.enum(['mine', 'unassigned'], '办理人筛选须为我认领的或未认领').optional(),
});

export const taskParams = z.object({ taskId: z.string().regex(/^[0-9a-f-]{36}$/, '须为任务编号') });

export const person = z.object({ username: z.string(), displayName: z.string() });

/** What a task is about, in brief: an application, a unit's batch, or nothing of ours. */
export const taskSubject = z.object({
  kind: z.enum(['application', 'batch', 'none']),
  title: z.string(),
  applicationId: z.string().nullable(),
  applicationNumber: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  projectName: z.string().nullable(),
  template: templateCode.nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  /** How many of the application's latest rule outcomes are warnings for the reviewer (0 for a batch). */
  warningCount: z.number().int(),
});

/** A task as the tasklist shows it: dates as ISO strings, people by name, its subject in brief. */
export const taskRow = z.object({
  taskId: z.string(),
  name: z.string().nullable(),
  stage: z.string(),
  stageLabel: z.string(),
  created: z.string(),
  due: z.string().nullable(),
  followUp: z.string().nullable(),
  assignee: person.nullable(),
  subject: taskSubject,
});

export const taskList = z.object({ tasks: z.array(taskRow), stages: z.array(z.object({ key: z.string(), label: z.string() })) });

export const taskAttachment = z.object({ id: z.string(), fileName: z.string(), mediaType: z.string(), label: z.string(), previewable: z.boolean() });

/** A task's page: the task, its deployed form with the variables it shows, its subject and every file of it. */
export const taskDetail = taskRow.extend({
  form: z.unknown(),
  formData: z.record(z.string(), z.unknown()),
  submitLabel: z.string(),
  application: z.object({ id: z.string(), applicationNumber: z.string().nullable(), template: templateCode, status: applicationStatus, data: formData }).nullable(),
  batch: z.object({ callId: z.string(), callTitle: z.string(), unitName: z.string(), renderedAt: z.string().nullable() }).nullable(),
  attachments: z.array(taskAttachment),
  /** The warnings of the application's latest rule check (Chinese reasons): the reviewer must judge them. */
  warnings: z.array(z.object({ ruleId: z.string(), reason: z.string(), field: z.string().nullable() })),
  /** A campaign task of a review session: done on the session's page. */
  reviewSession: sessionTaskInfo.nullable(),
  /** An expert's seat task: what the expert may see of the project, the rubric, the panel for the consensus. */
  reviewSeat: seatTaskInfo.nullable(),
});

const dateOrNull = z.iso.datetime({ offset: true, error: '须为带时区的日期时间' }).nullable().optional();
/** The due and follow-up dates to set: null clears, an absent one stays. */
export const taskDates = z.object({ due: dateOrNull, followUp: dateOrNull });

export const taskComment = z.object({ id: z.string(), author: person.nullable(), time: z.string(), message: z.string() });
export const taskComments = z.array(taskComment);
export const newComment = z.object({ message: z.string().trim().min(1, '请填写意见内容').max(1000, '意见不能超过 1000 字') });

/** The data a task is completed with: its form's keys. */
export const taskCompletion = z.record(z.string().max(64), z.unknown());

export const taskDiagram = z.object({ xml: z.string(), activeActivityIds: z.array(z.string()), completedActivityIds: z.array(z.string()) });

export const taskHistory = z.object({
  statusEvents: z.array(z.object({ status: applicationStatus, at: z.string(), actor: z.string(), reason: z.string().nullable() })),
  steps: z.array(z.object({
    activityId: z.string(), name: z.string().nullable(), type: z.string(), startTime: z.string(), endTime: z.string().nullable(), canceled: z.boolean(), assignee: person.nullable(),
  })),
});

export type TaskCriteria = z.infer<typeof taskCriteria>;
export type DueFilter = (typeof dueFilters)[number];
export type Person = z.infer<typeof person>;
export type TaskRow = z.infer<typeof taskRow>;
export type TaskList = z.infer<typeof taskList>;
export type TaskAttachment = z.infer<typeof taskAttachment>;
export type TaskDetail = z.infer<typeof taskDetail>;
export type TaskComment = z.infer<typeof taskComment>;
export type TaskDiagram = z.infer<typeof taskDiagram>;
export type TaskHistory = z.infer<typeof taskHistory>;
