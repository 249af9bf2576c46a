import { z } from 'zod';
import { sharedFieldLabels } from './application-shared-fields.js';
import { maxAmountWanYuan } from './application.js';
import type { Call } from './call.js';
import { callDirectionLabel, directionProblem, isCappedAtOnePerUnit } from './call-directions.js';
import { directionCodePattern, type TemplateCode } from './directions.js';
import { isInLibrary, projectStatuses, type ProjectStatus } from './project-status.js';

// 变更申请 after admission (LIFECYCLE.md stage 4a): 原则上不允许变更. The enterprise may ask to change the
// investment, the content, the schedule or the implementing enterprise's name (same USCC), or to terminate; the
// city-platform rule refuses by itself a change into or out of the direction capped at one per unit, whose cap was
// counted at recommendation.

/** What a request asks: a change of some fields, or the termination of the project. */
export const changeKinds = ['change', 'terminate'] as const;
export type ChangeKind = (typeof changeKinds)[number];
export const changeKindLabels: Readonly<Record<ChangeKind, string>> = { change: '变更', terminate: '终止' };

/** Where a request stands, as migration 029 records it. */
export const changeRequestStatuses = {
  checking: '规则校验中',
  'unit-review': '待推荐单位意见',
  'province-review': '待省厅审批',
  approved: '已批准',
  refused: '未批准',
  'refused-by-rule': '按规则不予变更',
} as const;
export type ChangeRequestStatus = keyof typeof changeRequestStatuses;
export const changeRequestStatusCodes = Object.keys(changeRequestStatuses) as [ChangeRequestStatus, ...ChangeRequestStatus[]];
/** Statuses of a request still being handled: at most one per project. */
export const openChangeRequestStatuses: readonly ChangeRequestStatus[] = ['checking', 'unit-review', 'province-review'];

/**
 * The fields an enterprise may ask to change, by what LIFECYCLE.md names: the investment, the content (with its
 * direction, within the application's template), the schedule, and the enterprise's name (its USCC stays).
 */
export const changeableFieldGroups = {
  investment: ['totalInvestment', 'completedInvestment'],
  content: ['content', 'direction'],
  schedule: ['periodStart', 'periodEnd'],
  enterprise: ['enterpriseName'],
} as const;
export type ChangeableField = (typeof changeableFieldGroups)[keyof typeof changeableFieldGroups][number];
export const changeableFields: readonly ChangeableField[] = Object.values(changeableFieldGroups).flat();

/** The Chinese label of each changeable field, as the application forms show it. */
export const changeableFieldLabels: Readonly<Record<ChangeableField, string>> = Object.fromEntries(
  changeableFields.map((field) => [field, sharedFieldLabels[field]]),
) as Record<ChangeableField, string>;

const amount = z.number({ error: '请输入金额' }).min(0, '金额不能为负数').max(maxAmountWanYuan, `金额不能超过${maxAmountWanYuan}万元`);
const isoDate = z.iso.date({ error: '请输入有效日期' });
const text = (max: number) => z.string({ error: '请填写内容' }).trim().min(1, '不能为空').max(max, `不能超过${max}个字`);

/** The new values a change asks for, each as the application forms validate it. */
const changeValues = z.object({
  totalInvestment: amount.optional(),
  completedInvestment: amount.optional(),
  content: text(5000).optional(),
  direction: z.string({ error: '请选择有效的申报方向' }).regex(directionCodePattern, '请选择有效的申报方向').optional(),
  periodStart: isoDate.optional(),
  periodEnd: isoDate.optional(),
  enterpriseName: text(100).optional(),
});
export type ChangeValues = z.infer<typeof changeValues>;

/** A problem of a request: where (`changes.totalInvestment`) and what, in Chinese. */
export interface ChangeProblem {
  path: string[];
  message: string;
}

/** The project a request is checked against: its current version, template, and its call's directions. */
export interface ChangeTarget {
  data: Record<string, unknown>;
  template: TemplateCode;
  call: Pick<Call, 'directions' | 'directionTemplates'>;
}

/**
 * Checks what a request asks against the project's current version: a termination changes no field; a change names
 * at least one changeable field, each valid and different from now, and the result stays consistent (investment
 * completed within the total, the end not before the start). Returns the parsed changes, or every problem at once.
 */
export function checkChangeRequest(
  request: { kind: ChangeKind; changes: Record<string, unknown> },
  target: ChangeTarget,
): { ok: true; changes: ChangeValues } | { ok: false; problems: ChangeProblem[] } {
  const keys = Object.keys(request.changes);
  if (request.kind === 'terminate') {
    return keys.length ? { ok: false, problems: [{ path: ['changes'], message: '申请终止项目时不能同时变更内容' }] } : { ok: true, changes: {} };
  }
  if (!keys.length) return { ok: false, problems: [{ path: ['changes'], message: '请至少填写一项要变更的内容' }] };
  const problems: ChangeProblem[] = keys.filter((key) => !(changeableFields as readonly string[]).includes(key)).map((key) => ({ path: ['changes', key], message: notChangeable(key) }));
  const parsed = changeValues.safeParse(request.changes);
  if (!parsed.success) problems.push(...parsed.error.issues.filter((issue) => issue.path.length > 0).map((issue) => ({ path: ['changes', ...issue.path.map(String)], message: issue.message })));
  if (problems.length || !parsed.success) return { ok: false, problems };
  const changes = parsed.data;
  for (const field of Object.keys(changes) as ChangeableField[]) {
    if (sameValue(changes[field], target.data[field])) problems.push({ path: ['changes', field], message: '与当前内容相同，无需变更' });
  }
  if (changes.direction !== undefined) {
    const problem = directionProblem(target.call, target.template, changes.direction, stringOf(target.data.direction));
    if (problem) problems.push({ path: ['changes', 'direction'], message: problem });
  }
  problems.push(...consistencyProblems(changes, target.data));
  return problems.length ? { ok: false, problems } : { ok: true, changes };
}

/**
 * The city-platform rule: why a change is refused by itself when it turns the project into, or out of, the
 * direction the call caps at one per unit (the cap was counted at recommendation); undefined when it does not.
 */
export function cityPlatformRefusal(
  call: Pick<Call, 'directions' | 'directionCappedAtOnePerUnit'>,
  currentDirection: unknown,
  request: { kind: ChangeKind; changes: Record<string, unknown> },
): string | undefined {
  const next = request.changes.direction;
  if (request.kind !== 'change' || typeof next !== 'string' || call.directionCappedAtOnePerUnit === null) return undefined;
  const before = isCappedAtOnePerUnit(call, stringOf(currentDirection));
  if (before === isCappedAtOnePerUnit(call, next)) return undefined;
  const label = callDirectionLabel(call, call.directionCappedAtOnePerUnit);
  const what = before ? `变更后项目将不再属于“${label}”` : `变更后项目将属于“${label}”`;
  return `${what}。该方向每个推荐单位限推1个，名额已在推荐时核定，按规定不予变更。`;
}

/** Why a project cannot take a new request or proposal now; undefined when it can. */
export function openItemRefusal(
  project: { status: ProjectStatus },
  open: { changeRequest: boolean; exitProposal: boolean },
  what: '变更申请' | '退库',
): string | undefined {
  if (!isInLibrary(project.status)) return `项目当前状态为“${projectStatuses[project.status]}”，不在省级重点项目库中，不能提出${what}。`;
  if (open.changeRequest) return '本项目有一项变更申请正在办理，办结后才能再提出变更申请或退库。';
  if (open.exitProposal) return '本项目有一项退库申请正在审批，办结后才能再提出变更申请或退库。';
  return undefined;
}

/** One changed field as people read it: its label, the value now and the value asked for. */
export interface DescribedChange {
  field: ChangeableField;
  label: string;
  before: string;
  after: string;
}

/** The fields a request changes, in the order of the groups, each with its value now and asked for. */
export function describeChanges(changes: Record<string, unknown>, current: Record<string, unknown>, call: Pick<Call, 'directions'>): DescribedChange[] {
  return changeableFields
    .filter((field) => changes[field] !== undefined)
    .map((field) => ({ field, label: changeableFieldLabels[field], before: shown(field, current[field], call), after: shown(field, changes[field], call) }));
}

/** A request in one text, as forms and notices show it: what it asks, line by line. */
export function changeSummary(kind: ChangeKind, changes: Record<string, unknown>, current: Record<string, unknown>, call: Pick<Call, 'directions'>): string {
  if (kind === 'terminate') return '申请终止项目（退库）';
  return describeChanges(changes, current, call).map((c) => `${c.label}：${c.before} → ${c.after}`).join('\n');
}

// helpers

function notChangeable(key: string): string {
  if (key === 'uscc') return '统一社会信用代码不能变更：实施企业只能是同一统一社会信用代码的企业（更名）';
  const label = (sharedFieldLabels as Record<string, string>)[key];
  return `${label ? `“${label}”` : '该内容'}不在可申请变更的范围内（可变更投资、建设内容、建设周期、实施企业名称）`;
}

function consistencyProblems(changes: ChangeValues, data: Record<string, unknown>): ChangeProblem[] {
  const merged = { ...data, ...changes };
  const problems: ChangeProblem[] = [];
  const [total, completed] = [merged.totalInvestment, merged.completedInvestment];
  if (typeof total === 'number' && typeof completed === 'number' && completed > total) {
    problems.push({ path: ['changes', changes.completedInvestment !== undefined ? 'completedInvestment' : 'totalInvestment'], message: '已完成投资不能超过项目总投资' });
  }
  const [start, end] = [merged.periodStart, merged.periodEnd];
  // ISO dates compare correctly as strings.
  if (typeof start === 'string' && typeof end === 'string' && end < start) {
    problems.push({ path: ['changes', changes.periodEnd !== undefined ? 'periodEnd' : 'periodStart'], message: '结束日期不能早于开始日期' });
  }
  return problems;
}

function sameValue(next: unknown, now: unknown): boolean {
  return typeof next === 'string' && typeof now === 'string' ? next.trim() === now.trim() : next === now;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function shown(field: ChangeableField, value: unknown, call: Pick<Call, 'directions'>): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (field === 'direction' && typeof value === 'string') return callDirectionLabel(call, value);
  if (field === 'totalInvestment' || field === 'completedInvestment') return `${String(value)}万元`;
  return String(value);
}
