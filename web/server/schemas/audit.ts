import { z } from 'zod';
import { parseApplicationNumber } from '../../../domain/application-number.js';
import { isUnitId } from '../../../domain/units.js';
import { timestamp } from './common.js';

// 操作日志 (routes/audit.ts): the audit page's filters and rows for the province and administrators, its Excel
// export, and an application's own trail (办理记录).

const actionCode = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,63}$/, '须为操作代码，如 call.created');
const isoTime = z.iso.datetime({ offset: true, error: '须为带时区的 ISO 时间，如 2021-12-20T09:00:00+08:00' }).transform((iso) => new Date(iso));

/** The audit page's filters (also the Excel export's); an action may be given several times or comma-separated. */
export const auditFilters = z.object({
  callId: z.string().min(1, '批次编号不能为空').max(40, '批次编号过长').optional(),
  unitId: z.string().refine(isUnitId, '没有这个单位').optional(),
  /** A user name, exact or its beginning. */
  actor: z.string().regex(/^[a-z0-9._-]{1,64}$/, '须为用户名或其开头（小写字母、数字、点、下划线、连字符）').optional(),
  /** The application's id, or its readable number (2021-130100-0007). */
  applicationId: z.string().trim().refine((value) => z.uuid().safeParse(value).success || parseApplicationNumber(value) !== undefined, '须为申报编号（如 2021-130100-0007）').optional(),
  action: z.union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((code) => code.trim()).filter(Boolean))
    .pipe(z.array(actionCode).max(60, '最多选择 60 种操作'))
    .optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
});

/** The filters with one page of the list. */
export const auditQuery = auditFilters.extend({
  page: z.coerce.number({ error: '页码须为数字' }).int('页码须为整数').min(1, '页码从 1 开始').max(100_000, '页码过大').default(1),
  pageSize: z.coerce.number({ error: '每页条数须为数字' }).int('每页条数须为整数').min(1, '每页至少 1 条').max(200, '每页最多 200 条').default(50),
});

/** One entry of the audit log as the page shows it. */
export const auditRow = z.object({
  id: z.string(),
  at: timestamp,
  actor: z.string(),
  /** The actor's account's display name; null for the system's own actors. */
  actorName: z.string().nullable(),
  actorRole: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  subject: z.string(),
  callId: z.string().nullable(),
  callTitle: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  applicationId: z.string().nullable(),
  applicationNumber: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

/** One page of entries, newest first, and how many match in all. */
export const auditPage = z.object({ rows: z.array(auditRow), total: z.number(), page: z.number(), pageSize: z.number() });

/** One event of an application's trail: a recorded status, or an audited action on it. */
export const trailEvent = z.object({
  at: timestamp,
  kind: z.enum(['status', 'action']),
  /** The status or the action code. */
  code: z.string(),
  label: z.string(),
  /** Who: to an applicant, other actors only by role and unit (石家庄市工信局审核人). */
  actor: z.string(),
  reason: z.string().nullable(),
  /** The action's recorded details; never shown to an applicant. */
  detail: z.record(z.string(), z.unknown()).nullable(),
});

/** An application's trail (办理记录), oldest first. */
export const applicationTrail = z.object({ events: z.array(trailEvent) });

export type AuditFilters = z.infer<typeof auditFilters>;
export type AuditRowView = z.infer<typeof auditRow>;
export type AuditPage = z.infer<typeof auditPage>;
export type TrailEvent = z.infer<typeof trailEvent>;
