import { describe, expect, it } from 'vitest';
import { call2021 } from '../../domain/call.js';
import {
  callDirectionLabel, directionOptionProblems, directionOptionsFor, directionProblem, directionsOfTemplate, isCappedAtOnePerUnit,
} from '../../domain/call-directions.js';
import { templateCodes } from '../../domain/directions.js';

// A year that renames a direction, adds one on 附件2, moves the enterprise platform to 附件3 and drops safety production.
const call2031 = {
  ...call2021,
  directions: [
    ...call2021.directions.filter((d) => d.code !== 'safety-production').map((d) => (d.code === 'green-manufacturing' ? { ...d, label: '绿色低碳制造' } : d)),
    { code: 'data-element', label: '数据要素应用' },
  ],
  directionTemplates: {
    ...Object.fromEntries(Object.entries(call2021.directionTemplates).filter(([code]) => code !== 'safety-production')),
    'enterprise-platform': 'industry-platform' as const,
    'data-element': 'mode-application' as const,
  },
  directionCappedAtOnePerUnit: null,
};

describe('a call’s directions decide', () => {
  it.each([
    ['mode-application', 'data-element', undefined],
    ['industry-platform', 'enterprise-platform', undefined],
    ['mode-application', 'enterprise-platform', '该申报方向不属于本申报书类别，请选择其他申报书类别'],
    ['mode-application', 'safety-production', '本批次没有这个申报方向'],
    ['mode-application', 'toString', '本批次没有这个申报方向'],
  ] as const)('on %s, %s: %s', (template, direction, problem) => {
    expect(directionProblem(call2031, template, direction)).toBe(problem);
  });

  it('what each template offers, in the call’s order', () => {
    expect(directionsOfTemplate(call2031, 'industry-platform').map((d) => d.code)).toEqual(['enterprise-platform', 'industry-platform', 'city-platform']);
    expect(directionsOfTemplate(call2031, 'mode-application').map((d) => d.code)).toContain('data-element');
  });

  it('the label, as the call names it', () => {
    expect(callDirectionLabel(call2031, 'green-manufacturing')).toBe('绿色低碳制造');
    expect(callDirectionLabel(call2021, 'green-manufacturing')).toBe('绿色制造');
  });

  it('which direction is capped at one per unit, if any', () => {
    expect(isCappedAtOnePerUnit(call2021, 'city-platform')).toBe(true);
    expect(isCappedAtOnePerUnit(call2021, 'industry-platform')).toBe(false);
    expect(isCappedAtOnePerUnit(call2031, 'city-platform')).toBe(false);
    expect(isCappedAtOnePerUnit({ directionCappedAtOnePerUnit: 'data-element' }, 'data-element')).toBe(true);
  });
});

describe('retired directions', () => {
  const retiring = { ...call2021, directions: call2021.directions.map((d) => (d.code === 'safety-production' ? { ...d, retired: true } : d)) };

  it('are refused on a new submission, and kept by an application that declared one', () => {
    expect(directionProblem(retiring, 'mode-application', 'safety-production')).toBe('该申报方向已停用，请选择其他申报方向');
    expect(directionProblem(retiring, 'mode-application', 'safety-production', 'safety-production')).toBeUndefined();
    expect(directionProblem(retiring, 'mode-application', 'safety-production', 'green-manufacturing')).toBe('该申报方向已停用，请选择其他申报方向');
  });

  it('are not offered to a new application, but shown to one that declares it', () => {
    const offered = (declared?: string) => directionOptionsFor(retiring, 'mode-application', declared).map((o) => o.value);
    expect(offered()).not.toContain('safety-production');
    expect(offered()).toContain('green-manufacturing');
    expect(offered('safety-production')).toContain('safety-production');
    expect(directionOptionsFor(call2031, 'mode-application')).toContainEqual({ value: 'data-element', label: '数据要素应用' });
    expect(directionOptionsFor(call2031, 'experience-center')).toEqual([{ value: 'experience-center', label: '工业互联网平台应用创新体验中心' }]);
  });

  it('keep their label', () => {
    expect(callDirectionLabel(retiring, 'safety-production')).toBe('安全生产');
  });
});

describe('static direction options of a form of an older release, held against a call', () => {
  // The options the shipped forms listed before they took them from the call: the 2021 call's on each template.
  const optionsOf = (template: (typeof templateCodes)[number]) => directionsOfTemplate(call2021, template).map((d) => ({ value: d.code, label: d.label }));

  it.each(templateCodes)('%s offers exactly what the shipped call declares on it', (template) => {
    expect(directionOptionProblems(call2021, template, optionsOf(template))).toEqual([]);
  });

  it('need not offer a retired direction', () => {
    const retiring = { ...call2021, directions: call2021.directions.map((d) => (d.code === 'safety-production' ? { ...d, retired: true } : d)) };
    expect(directionOptionProblems(retiring, 'mode-application', optionsOf('mode-application').filter((o) => o.value !== 'safety-production'))).toEqual([]);
  });

  it('names every difference with a call that changed its directions', () => {
    expect(directionOptionProblems(call2031, 'mode-application', optionsOf('mode-application'))).toEqual([
      '表单的申报方向选项 enterprise-platform 不是本批次该类别的申报方向',
      '表单的申报方向选项 green-manufacturing 名为“绿色制造”，本批次为“绿色低碳制造”',
      '表单的申报方向选项 safety-production 不是本批次该类别的申报方向',
      '表单缺少本批次的申报方向 data-element（数据要素应用）',
    ]);
  });
});
