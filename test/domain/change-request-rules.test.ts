import { describe, expect, it } from 'vitest';
import {
  changeableFieldLabels, changeableFields, changeSummary, checkChangeRequest, cityPlatformRefusal, describeChanges, openItemRefusal,
  type ChangeKind, type ChangeTarget,
} from '../../domain/change-request-rules.js';
import { call2021 } from '../../domain/call.js';
import { exitReasonText, mayDecide } from '../../domain/project-exit.js';
import type { ProjectStatus } from '../../domain/project-status.js';
import { validApplication } from './valid-application.js';

const modeProject: ChangeTarget = { data: { ...validApplication(), content: '建设智能化产线' }, template: 'mode-application', call: call2021 };
const platformProject: ChangeTarget = { data: { ...validApplication({ direction: 'industry-platform' }), content: '建设行业平台' }, template: 'industry-platform', call: call2021 };
const cityPlatformProject = { ...platformProject, data: { ...platformProject.data, direction: 'city-platform' } };

describe('what a change request may ask', () => {
  it('offers the investment, the content with its direction, the schedule and the enterprise’s name, labelled as the forms label them', () => {
    expect(changeableFields).toEqual(['totalInvestment', 'completedInvestment', 'content', 'direction', 'periodStart', 'periodEnd', 'enterpriseName']);
    expect(changeableFieldLabels).toMatchObject({ totalInvestment: '项目总投资', content: '项目主要建设内容', periodEnd: '建设期结束日期', enterpriseName: '企业名称' });
  });

  it.each<[string, ChangeKind, Record<string, unknown>, Record<string, unknown>]>([
    ['a higher total investment', 'change', { totalInvestment: 1500 }, { totalInvestment: 1500 }],
    ['the investment completed so far', 'change', { completedInvestment: 800 }, { completedInvestment: 800 }],
    ['new content, trimmed', 'change', { content: '  建设智能化产线二期  ' }, { content: '建设智能化产线二期' }],
    ['a later end', 'change', { periodEnd: '2023-06-30' }, { periodEnd: '2023-06-30' }],
    ['a new start and end together', 'change', { periodStart: '2023-01-01', periodEnd: '2024-12-31' }, { periodStart: '2023-01-01', periodEnd: '2024-12-31' }],
    ['the enterprise’s new name', 'change', { enterpriseName: '石家庄示例智能装备有限公司' }, { enterpriseName: '石家庄示例智能装备有限公司' }],
    ['another direction on the same template', 'change', { direction: 'mode-digital-management' }, { direction: 'mode-digital-management' }],
    ['a lower total with the completed investment lowered too', 'change', { totalInvestment: 200, completedInvestment: 100 }, { totalInvestment: 200, completedInvestment: 100 }],
    ['a termination', 'terminate', {}, {}],
  ])('accepts %s', (_case, kind, changes, expected) => {
    expect(checkChangeRequest({ kind, changes }, modeProject)).toEqual({ ok: true, changes: expected });
  });

  it.each<[string, ChangeKind, Record<string, unknown>, [string, string][]]>([
    ['a change of nothing', 'change', {}, [['changes', '请至少填写一项要变更的内容']]],
    ['a termination that changes fields too', 'terminate', { totalInvestment: 1 }, [['changes', '申请终止项目时不能同时变更内容']]],
    ['another USCC', 'change', { uscc: '91130102MA0F3K7TXG' }, [['changes.uscc', '统一社会信用代码不能变更：实施企业只能是同一统一社会信用代码的企业（更名）']]],
    ['a field outside the four', 'change', { projectType: 'continued' }, [['changes.projectType', '“项目类型”不在可申请变更的范围内（可变更投资、建设内容、建设周期、实施企业名称）']]],
    ['a key no form has', 'change', { salary: 1 }, [['changes.salary', '该内容不在可申请变更的范围内（可变更投资、建设内容、建设周期、实施企业名称）']]],
    ['a negative investment', 'change', { totalInvestment: -1 }, [['changes.totalInvestment', '金额不能为负数']]],
    ['an investment as text', 'change', { totalInvestment: '1500' }, [['changes.totalInvestment', '请输入金额']]],
    ['an impossible date', 'change', { periodEnd: '2023-02-30' }, [['changes.periodEnd', '请输入有效日期']]],
    ['blank content', 'change', { content: '   ' }, [['changes.content', '不能为空']]],
    ['content over 5000 characters', 'change', { content: '建'.repeat(5001) }, [['changes.content', '不能超过5000个字']]],
    ['a name over 100 characters', 'change', { enterpriseName: '名'.repeat(101) }, [['changes.enterpriseName', '不能超过100个字']]],
    ['the value it has now', 'change', { totalInvestment: 1200, enterpriseName: ' 石家庄示例装备制造有限公司 ' }, [['changes.totalInvestment', '与当前内容相同，无需变更'], ['changes.enterpriseName', '与当前内容相同，无需变更']]],
    ['a total below the completed investment', 'change', { totalInvestment: 100 }, [['changes.totalInvestment', '已完成投资不能超过项目总投资']]],
    ['a completed investment above the total', 'change', { completedInvestment: 1300 }, [['changes.completedInvestment', '已完成投资不能超过项目总投资']]],
    ['an end before the start', 'change', { periodEnd: '2020-12-31' }, [['changes.periodEnd', '结束日期不能早于开始日期']]],
    ['a start after the end', 'change', { periodStart: '2023-01-01' }, [['changes.periodStart', '结束日期不能早于开始日期']]],
    ['a direction of another template', 'change', { direction: 'experience-center' }, [['changes.direction', '该申报方向不属于本申报书类别，请选择其他申报书类别']]],
    ['a direction the call lacks', 'change', { direction: 'space-mining' }, [['changes.direction', '本批次没有这个申报方向']]],
    ['a malformed direction', 'change', { direction: 'Space Mining' }, [['changes.direction', '请选择有效的申报方向']]],
    ['every problem at once', 'change', { uscc: 'x', totalInvestment: -1 }, [['changes.uscc', '统一社会信用代码不能变更：实施企业只能是同一统一社会信用代码的企业（更名）'], ['changes.totalInvestment', '金额不能为负数']]],
  ])('refuses %s', (_case, kind, changes, problems) => {
    const check = checkChangeRequest({ kind, changes }, modeProject);
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.problems.map((p) => [p.path.join('.'), p.message])).toEqual(problems);
  });

  it('refuses a retired direction, unless it is the one the project has', () => {
    const call = { ...call2021, directions: call2021.directions.map((d) => (d.code === 'mode-digital-management' ? { ...d, retired: true } : d)) };
    const check = checkChangeRequest({ kind: 'change', changes: { direction: 'mode-digital-management' } }, { ...modeProject, call });
    expect(check).toEqual({ ok: false, problems: [{ path: ['changes', 'direction'], message: '该申报方向已停用，请选择其他申报方向' }] });
  });
});

describe('the city-platform rule', () => {
  const change = (changes: Record<string, unknown>) => ({ kind: 'change' as const, changes });

  it.each<[string, ChangeTarget, Record<string, unknown>, string | undefined]>([
    ['an industry platform turned into the city platform', platformProject, { direction: 'city-platform' }, '变更后项目将属于“市级工业互联网综合平台”。该方向每个推荐单位限推1个，名额已在推荐时核定，按规定不予变更。'],
    ['the city platform turned into an industry platform', cityPlatformProject, { direction: 'industry-platform' }, '变更后项目将不再属于“市级工业互联网综合平台”。该方向每个推荐单位限推1个，名额已在推荐时核定，按规定不予变更。'],
    ['the city platform’s investment', cityPlatformProject, { totalInvestment: 2000 }, undefined],
    ['an industry platform turned into an enterprise platform', platformProject, { direction: 'enterprise-platform' }, undefined],
    ['a mode project’s direction', modeProject, { direction: 'mode-digital-management' }, undefined],
  ])('judges %s', (_case, project, changes, refusal) => {
    expect(cityPlatformRefusal(call2021, project.data.direction, change(changes))).toBe(refusal);
  });

  it('never refuses a termination, and names the capped direction as the call names it, or refuses nothing in a call without one', () => {
    expect(cityPlatformRefusal(call2021, 'city-platform', { kind: 'terminate', changes: {} })).toBeUndefined();
    const renamed = { ...call2021, directions: call2021.directions.map((d) => (d.code === 'city-platform' ? { ...d, label: '市级综合平台' } : d)) };
    expect(cityPlatformRefusal(renamed, 'industry-platform', change({ direction: 'city-platform' }))).toMatch(/^变更后项目将属于“市级综合平台”/);
    expect(cityPlatformRefusal({ ...call2021, directionCappedAtOnePerUnit: null }, 'industry-platform', change({ direction: 'city-platform' }))).toBeUndefined();
  });
});

describe('one open item per project in the library', () => {
  const none = { changeRequest: false, exitProposal: false };
  it.each<[ProjectStatus, typeof none, string | undefined]>([
    ['admitted', none, undefined],
    ['pilot', none, undefined],
    ['received', none, '项目当前状态为“待形式审查”，不在省级重点项目库中，不能提出变更申请。'],
    ['exited', none, '项目当前状态为“退库”，不在省级重点项目库中，不能提出变更申请。'],
    ['admitted', { changeRequest: true, exitProposal: false }, '本项目有一项变更申请正在办理，办结后才能再提出变更申请或退库。'],
    ['admitted', { changeRequest: false, exitProposal: true }, '本项目有一项退库申请正在审批，办结后才能再提出变更申请或退库。'],
  ])('%s with %o: %s', (status, open, refusal) => {
    expect(openItemRefusal({ status }, open, '变更申请')).toBe(refusal);
  });
});

describe('a request as people read it', () => {
  it('lists each changed field with its value now and asked for, directions by label and amounts in 万元', () => {
    const changes = { enterpriseName: '新名称有限公司', direction: 'mode-digital-management', totalInvestment: 1500 };
    expect(describeChanges(changes, modeProject.data, call2021)).toEqual([
      { field: 'totalInvestment', label: '项目总投资', before: '1200万元', after: '1500万元' },
      { field: 'direction', label: '申报方向', before: '智能化制造', after: '数字化管理' },
      { field: 'enterpriseName', label: '企业名称', before: '石家庄示例装备制造有限公司', after: '新名称有限公司' },
    ]);
    expect(changeSummary('change', changes, modeProject.data, call2021)).toBe('项目总投资：1200万元 → 1500万元\n申报方向：智能化制造 → 数字化管理\n企业名称：石家庄示例装备制造有限公司 → 新名称有限公司');
    expect(changeSummary('terminate', {}, modeProject.data, call2021)).toBe('申请终止项目（退库）');
  });
});

describe('exit proposals', () => {
  it('let nobody decide what they proposed, and record the ground with the reason', () => {
    expect(mayDecide('divisionhead.a', 'divisionhead.a')).toBe(false);
    expect(mayDecide('provinceofficer.a', 'divisionhead.b')).toBe(true);
    expect(exitReasonText('fraud', '虚报投资额')).toBe('弄虚作假：虚报投资额');
  });
});
