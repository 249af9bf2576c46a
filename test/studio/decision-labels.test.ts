import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HIT_POLICIES } from 'dmn-js-decision-table/lib/features/hit-policy/HitPolicies.js';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { codedValuesOf } from '../../web/client/src/studio/decision/coded-values.js';
import { dmnJsLabels } from '../../web/client/src/studio/decision/dmn-js-labels.js';
import { smallDecision } from './fixtures.js';

// What the decision editor shows an administrator instead of dmn-js's English and the tables' coded values.

const shippedDecision = (name: string) => readFile(path.join(projectRoot, 'processes', name), 'utf8');

describe('the hit policies in the decision editor', () => {
  it.each(HIT_POLICIES.map((entry) => ({ ...entry })))("translates dmn-js's $label and its explanation", (entry) => {
    expect(dmnJsLabels[entry.label]).toMatch(/^[\u4e00-\u9fff]/);
    expect(dmnJsLabels[entry.explanation]).toMatch(/^[\u4e00-\u9fff]/);
  });

  it.each([
    ['Unique', '唯一'], ['First', '首条命中'], ['Priority', '优先级'], ['Any', '任一'], ['Collect', '汇总'],
    ['Collect (Min)', '汇总（最小值）'], ['Rule order', '规则顺序'], ['Output order', '输出顺序'],
  ])('names %s %s', (label, chinese) => {
    expect(dmnJsLabels[label]).toBe(chinese);
  });
});

describe('the coded values beside a decision table', () => {
  it('explains the two-stage codes of the minimum stage table in the order the table uses them', async () => {
    expect(codedValuesOf(await shippedDecision('minimum-integration-stage.dmn'))).toEqual([
      { code: 'starting', meanings: ['起步建设（两化融合阶段）'] },
      { code: 'single-coverage', meanings: ['单项覆盖（两化融合阶段）'] },
      { code: 'integration', meanings: ['集成提升（两化融合阶段）'] },
      { code: 'innovation', meanings: ['创新突破（两化融合阶段）'] },
    ]);
  });

  it('explains every priority qualification the priority table tests', async () => {
    const values = codedValuesOf(await shippedDecision('application-priority.dmn'));
    expect(values.map((value) => value.code)).toEqual(['it-pilot', 'it-award', 'management-system', 'specialized-sme', 'epidemic-supplies']);
    expect(values[0]).toEqual({ code: 'it-pilot', meanings: ['列入国家和省信息化类试点示范（优先条件）'] });
  });

  it('gives a code every list it belongs to, and ignores attributes and codes no list knows', () => {
    // given: an entry comparing a direction that is also a template, an unknown code, and an id that looks like a code
    const xml = smallDecision('d', { output: '"industry-platform"' }).replace(/<inputEntry id="[^"]*">\s*<text>[^<]*<\/text>/, '<inputEntry id="innovation"><text>"nobody-knows", &quot;130100&quot;</text>');
    // when
    const values = codedValuesOf(xml);
    // then
    expect(values).toEqual([
      { code: '130100', meanings: ['石家庄市（申报单位）'] },
      { code: 'industry-platform', meanings: ['行业（区域）级工业互联网平台（申报方向）', '行业（区域）级工业互联网平台类（申报书类别）'] },
    ]);
  });
});
