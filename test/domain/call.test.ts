import { describe, expect, it } from 'vitest';
import { call2021, callSchema, demoCall, enterpriseDeadlineFor } from '../../domain/call.js';
import { defaultNoticeTexts } from '../../domain/applicant-notice.js';
import { defaultDirectionTemplates, directions } from '../../domain/directions.js';

describe('the calls', () => {
  it('keeps the 2021 notice’s calendar: published 2021-11-29, units report by 2021-12-20 (Beijing time)', () => {
    expect(callSchema.parse(call2021)).toEqual(call2021);
    expect(call2021.opensAt.toISOString()).toBe('2021-11-28T16:00:00.000Z');
    expect(call2021.cityDeadline.toISOString()).toBe('2021-12-20T15:59:59.000Z');
    expect(call2021.enterpriseDeadline < call2021.cityDeadline).toBe(true);
    expect(call2021.directions).toEqual(directions);
    expect(call2021.directionTemplates).toEqual(defaultDirectionTemplates);
    expect(call2021.directionCappedAtOnePerUnit).toBe('city-platform');
    expect(call2021.noticeTexts).toEqual(defaultNoticeTexts);
    expect(call2021.contacts[0]).toMatchObject({ name: '裴进峰', phone: '0311-87908721', email: 'ronghechu@126.com' });
  });

  it('opens the demo call around “now”, whenever now is', () => {
    const now = new Date('2031-06-15T08:00:00Z');
    const demo = demoCall(now);
    expect(callSchema.parse(demo)).toEqual(demo);
    expect(demo.year).toBe(2031);
    expect(demo.opensAt < now && now < demo.enterpriseDeadline).toBe(true);
    expect(demo.enterpriseDeadline < demo.cityDeadline).toBe(true);
  });

  it('uses the deadline a unit set for its enterprises, else the call’s', () => {
    const unitDeadline = new Date('2021-12-10T15:59:59Z');
    expect(enterpriseDeadlineFor(call2021, unitDeadline)).toBe(unitDeadline);
    expect(enterpriseDeadlineFor(call2021, undefined)).toBe(call2021.enterpriseDeadline);
  });
});

describe('a call’s vocabulary', () => {
  const issuesOf = (changes: Partial<typeof call2021>) => {
    const result = callSchema.safeParse({ ...call2021, ...changes });
    return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  };

  it('takes a year’s own directions, labels and table', () => {
    // given: a year that adds a direction on 附件2 and renames one
    const added = [...call2021.directions.map((d) => (d.code === 'green-manufacturing' ? { ...d, label: '绿色低碳制造' } : d)), { code: 'data-element', label: '数据要素应用' }];
    // when / then
    expect(issuesOf({ directions: added, directionTemplates: { ...call2021.directionTemplates, 'data-element': 'mode-application' } })).toEqual([]);
  });

  it.each([
    ['a direction twice', { directions: [...call2021.directions, { code: 'safety-production', label: '安全' }] }, 'directions.14.code'],
    ['a direction without a template', { directions: [...call2021.directions, { code: 'data-element', label: '数据要素应用' }] }, 'directionTemplates.data-element'],
    ['a template row of no direction', { directionTemplates: { ...call2021.directionTemplates, 'retired-direction': 'mode-application' as const } }, 'directionTemplates.retired-direction'],
    ['a sub-type of a direction the call lacks', { directions: call2021.directions.map((d) => (d.code === 'city-platform' ? { ...d, subtypeOf: 'province-platform' } : d)) }, 'directions.4.subtypeOf'],
    ['a capped direction the call lacks', { directionCappedAtOnePerUnit: 'province-platform' }, 'directionCappedAtOnePerUnit'],
    ['a template this system does not ship', { directionTemplates: { ...call2021.directionTemplates, 'safety-production': 'safety' as never } }, 'directionTemplates.safety-production'],
    ['a direction code of another shape', { directions: [...call2021.directions, { code: 'Safety Production', label: '安全' }] }, 'directions.14.code'],
    ['no direction at all', { directions: [], directionTemplates: {}, directionCappedAtOnePerUnit: null }, 'directions'],
  ])('refuses %s', (_case, changes, path) => {
    expect(issuesOf(changes as Partial<typeof call2021>).map((issue) => issue.path)).toContain(path);
  });

  it('may cap no direction', () => {
    expect(issuesOf({ directionCappedAtOnePerUnit: null })).toEqual([]);
  });

  it('refuses a notice text with a placeholder it does not know', () => {
    expect(issuesOf({ noticeTexts: { ...call2021.noticeTexts, body: '项目{project}已更新' } })).toEqual([
      { path: 'noticeTexts.body', message: '不认识的占位符：{project}；可用：{applicationNumber}、{projectName}、{status}' },
    ]);
  });
});
