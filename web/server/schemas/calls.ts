import { z } from 'zod';
import { timestamp } from './common.js';

// The calls pages (routes/calls.ts): a call's state, the next year's call from a previous one, and what the
// province edits — guide, calendar, contacts, link and file downloads, publishing and closing.

export const callState = z.enum(['draft', 'published', 'closed']);

const dateTime = (label: string) => z.iso.datetime({ offset: true, error: `请输入${label}（带时区的日期时间）` });

/** POST /api/calls: the next year's call, copied from a previous one. */
export const newCallFrom = z.object({
  fromCallId: z.string({ error: '请选择作为模板的申报批次' }).min(1, '请选择作为模板的申报批次').max(40),
  year: z.number({ error: '请填写年度' }).int('年度须为整数').min(2000, '年度须在 2000–2100 之间').max(2100, '年度须在 2000–2100 之间').optional(),
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, '批次编号只能包含小写字母、数字和连字符，最长 40 个字符').optional(),
});

export const callScheduleChange = z.object({
  opensAt: dateTime('申报开始时间'),
  enterpriseDeadline: dateTime('企业申报截止时间'),
  cityDeadline: dateTime('各市报送截止时间'),
  correctionDays: z.number({ error: '请填写补正天数' }).int('补正天数须为整数').min(1, '补正天数须在 1–90 之间').max(90, '补正天数须在 1–90 之间'),
  maxCorrectionRounds: z.number({ error: '请填写补正轮次' }).int('补正轮次须为整数').min(0, '补正轮次须在 0–10 之间').max(10, '补正轮次须在 0–10 之间'),
  sealDueDays: z.number({ error: '请填写盖章上传天数' }).int('盖章上传天数须为整数').min(1, '盖章上传天数须在 1–90 之间').max(90, '盖章上传天数须在 1–90 之间'),
  returnAnswerDays: z.number({ error: '请填写退回答复天数' }).int('退回答复天数须为整数').min(1, '退回答复天数（工作日）须在 1–30 之间').max(30, '退回答复天数（工作日）须在 1–30 之间'),
});

export const callGuideChange = z.object({
  title: z.string().trim().min(1, '请填写批次名称').max(200, '批次名称不超过200字'),
  guide: z.string().max(20_000, '申报指南不超过20000字'),
});

const contact = z.object({
  role: z.string().trim().min(1, '请填写联系事项').max(100),
  name: z.string().trim().min(1, '请填写联系人').max(100),
  phone: z.string().trim().min(1, '请填写电话').max(50),
  email: z.string().trim().max(100).optional(),
  address: z.string().trim().max(200).optional(),
});
export const callContactsChange = z.object({ contacts: z.array(contact).max(20, '联系人不超过20个') });

const link = z.object({ title: z.string().trim().min(1, '请填写下载标题').max(200), url: z.url({ protocol: /^https?$/, error: '请填写以 http:// 或 https:// 开头的网址' }) });
export const callLinksChange = z.object({ links: z.array(link).max(50) });

export const callDownloadParams = z.object({ callId: z.string().max(40), fileId: z.uuid('须为下载文件编号') });
export const callDownloadView = z.object({ id: z.string(), title: z.string(), fileName: z.string(), sizeBytes: z.number(), url: z.string() });
export const callDownloadTitle = z.string().trim().min(1, '请填写下载标题').max(200, '下载标题不超过200字');

export const callClosing = z.object({ reason: z.string().trim().min(1, '请填写关闭原因').max(500, '关闭原因不超过500字') });

/** GET /api/calls/:callId/settings: everything the call's page edits. */
export const callSettings = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  guide: z.string(),
  state: callState,
  publishedAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  createdBy: z.string().nullable(),
  opensAt: timestamp,
  enterpriseDeadline: timestamp,
  cityDeadline: timestamp,
  correctionDays: z.number(),
  maxCorrectionRounds: z.number(),
  sealDueDays: z.number(),
  /** The working days a unit has to answer the province's return at formal review. */
  returnAnswerDays: z.number(),
  contacts: z.array(contact.extend({ role: z.string(), name: z.string(), phone: z.string() })),
  links: z.array(z.object({ title: z.string(), url: z.string() })),
  files: z.array(callDownloadView),
  /** After a change: what it does not change (correction, seal and return-answer days apply to windows opened afterwards). */
  notes: z.array(z.string()),
});

export type CallState = z.infer<typeof callState>;
export type NewCallFrom = z.infer<typeof newCallFrom>;
export type CallScheduleChange = z.infer<typeof callScheduleChange>;
export type CallGuideChange = z.infer<typeof callGuideChange>;
export type CallContactsChange = z.infer<typeof callContactsChange>;
export type CallLinksChange = z.infer<typeof callLinksChange>;
export type CallSettings = z.infer<typeof callSettings>;
