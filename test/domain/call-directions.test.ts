import { describe, expect, it } from 'vitest';
import { applicationFormIds } from '../../domain/application-forms.js';
import { call2021 } from '../../domain/call.js';
import { callDirectionLabel, directionOptionProblems, directionProblem, directionsOfTemplate, isCappedAtOnePerUnit } from '../../domain/call-directions.js';
import { templateCodes } from '../../domain/directions.js';
import { componentByKey, readForm } from '../forms/form-files.js';

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

describe('the shipped application forms’ static direction options, held against a call', () => {
  const optionsOf = (template: (typeof templateCodes)[number]) => componentByKey(readForm(applicationFormIds[template]), 'direction').values ?? [];

  it.each(templateCodes)('%s offers exactly what the shipped call declares on it', (template) => {
    expect(directionOptionProblems(call2021, template, optionsOf(template))).toEqual([]);
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
