import { z } from 'zod';
import { directionCode } from '../../../domain/directions.js';
import { relationshipKinds } from '../../../domain/expert-conflicts.js';
import { unitIds } from '../../../domain/units.js';
import { timestamp } from './common.js';

// 专家库 (routes/experts.ts): the pool's list and its filters, an expert's entry as the officer writes it (new or
// edited, its declared relationships with it), and an import's counts. The entry's shape is checked here; what needs
// the pool (known directions, USCC check characters, phone numbers, duplicates, accounts) in experts/expert-entry.ts.

const kindCodes = relationshipKinds.map((k) => k.kind) as [(typeof relationshipKinds)[number]['kind'], ...(typeof relationshipKinds)[number]['kind'][]];

/** The expert of a path. */
export const expertParams = z.object({ expertId: z.uuid({ error: '专家编号格式不正确' }) });

/** The list's filters (also the export's). */
export const expertFilters = z.object({
  /** A direction the expert reviews. */
  field: directionCode.optional(),
  unitId: z.enum(unitIds, { error: '没有这个地区' }).optional(),
  active: z.enum(['true', 'false'], { error: '须为 true 或 false' }).transform((value) => value === 'true').optional(),
  /** Part of the name, the organisation or the phone. */
  q: z.string().trim().max(50, '查询内容最多 50 个字').optional(),
});

const text = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`);
const optionalText = (label: string, max: number) =>
  z.string({ error: `${label}须为文本` }).trim().max(max, `${label}最多 ${max} 个字`).nullish().transform((value) => value || null);
const isoDate = (label: string) => z.iso.date({ error: `${label}须为日期（如 2024-03-01）` }).nullish().transform((value) => value ?? null);

/** A relationship an expert declares with an enterprise, as the officer writes it. */
export const relationshipEntry = z.object({
  enterpriseName: text('企业名称', 100),
  enterpriseUscc: text('企业统一社会信用代码', 40),
  kind: z.enum(kindCodes, { error: '请选择关系类型' }),
  since: isoDate('起始日期'),
  until: isoDate('终止日期'),
  note: optionalText('说明', 500),
});

/** An expert's entry: a new one, or the whole of an edited one (its relationships replace the earlier ones). */
export const expertEntry = z.object({
  name: text('姓名', 50),
  organisation: text('工作单位', 100),
  organisationUscc: optionalText('工作单位统一社会信用代码', 40),
  homeUnitId: z.enum(unitIds, { error: '请选择所属地区' }),
  fields: z.array(directionCode, { error: '请选择评审领域' }).min(1, '请至少选择一个评审领域').max(50, '评审领域最多 50 个'),
  title: text('职称', 50),
  phone: text('联系电话', 40),
  email: z.string({ error: '请填写电子邮箱' }).trim().max(254, '电子邮箱最多 254 个字符').pipe(z.email({ error: '请填写有效的电子邮箱' })),
  active: z.boolean({ error: '状态须为是或否' }).default(true),
  /** The user name of the expert's sign-in account (role 评审专家), if they have one. */
  accountUsername: optionalText('登录账号', 64),
  relationships: z.array(relationshipEntry, { error: '关联关系须为列表' }).max(100, '关联关系最多 100 条').default([]),
});

const relationshipView = z.object({
  enterpriseName: z.string(),
  enterpriseUscc: z.string(),
  kind: z.enum(kindCodes),
  since: z.string().nullable(),
  until: z.string().nullable(),
  note: z.string().nullable(),
});

/** An expert as the pool's page shows it. */
export const expertView = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  organisationUscc: z.string().nullable(),
  homeUnitId: z.string(),
  homeUnitName: z.string(),
  fields: z.array(z.string()),
  title: z.string(),
  phone: z.string(),
  email: z.string(),
  active: z.boolean(),
  accountUsername: z.string().nullable(),
  relationships: z.array(relationshipView),
  createdBy: z.string(),
  createdAt: timestamp,
  updatedBy: z.string(),
  updatedAt: timestamp,
});

/** The pool's experts matching the filters, by name, with the directions the field filter and the dialog offer. */
export const expertList = z.object({
  total: z.number(),
  experts: z.array(expertView),
  directions: z.array(z.object({ code: z.string(), label: z.string() })),
});

/** What an import did: experts created, changed, and listed but left as they were. */
export const expertImportResult = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  relationships: z.number(),
});

export type ExpertFilters = z.infer<typeof expertFilters>;
export type ExpertEntryInput = z.input<typeof expertEntry>;
export type ExpertEntryBody = z.output<typeof expertEntry>;
export type RelationshipEntryBody = z.output<typeof relationshipEntry>;
export type ExpertView = z.infer<typeof expertView>;
export type ExpertList = z.infer<typeof expertList>;
export type ExpertImportResult = z.infer<typeof expertImportResult>;
