import { describe, expect, it } from 'vitest';
import { applicationFields } from '../../domain/application.js';
import { formFieldKeys, validateAgainstForm } from '../../platform/form-validation.js';
import { allComponents, componentByKey, expectedHeader, installedSchemaVersion, readForm, type Component } from './form-files.js';

const attachment = { id: '3f2b8c1e-9a4d-4e2f-8b1a-1c2d3e4f5a6b', fileName: '补充材料.pdf', sha256: 'b'.repeat(64) };
const applicationFormNames = ['application-mode', 'application-industry-platform', 'application-experience-center'];

describe.each(['correction', 'city-preliminary-review'])('forms/%s.form', (name) => {
  const form = readForm(name);

  it('carries its id, the common header and unique component ids', () => {
    // given
    const ids = allComponents(form.components).map((component) => component.id);
    // then
    expect(form).toMatchObject({ id: name, ...expectedHeader, schemaVersion: installedSchemaVersion() });
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('forms/correction.form', () => {
  const form = readForm('correction');
  const applicationKeys = new Set(applicationFormNames.flatMap((formName) => formFieldKeys(readForm(formName))));

  it('shows the request as text and replaces only fields of the application forms', () => {
    // given
    const keys = formFieldKeys(form).filter((key) => key !== 'correctionResponse');
    // then
    expect(allComponents(form.components).some((component) => component.type === 'text' && String(component.text).includes('{{correctionRequest}}'))).toBe(true);
    expect(keys.filter((key) => !applicationKeys.has(key))).toEqual([]);
  });

  it('takes a replaced field as every application form defines it: type, accepted files, multiplicity and validation (only its label and condition are its own)', () => {
    // given
    const rules = (component: Component) => ({ type: component.type, accept: component.accept, multiple: component.multiple, validate: component.validate });
    const replaced = allComponents(form.components).filter((component) => component.key && component.key !== 'correctionResponse');
    // then
    for (const formName of applicationFormNames) {
      const application = readForm(formName);
      expect(replaced.map((component) => [component.key, rules(component)])).toEqual(replaced.map((component) => [component.key, rules(componentByKey(application, component.key!))]));
    }
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an answer alone', { correctionResponse: '已补充统计部门证明。' }, []],
    ['an answer with replacements', { correctionResponse: '已补充。', localStatsProof: attachment, otherAttachments: [attachment], filingNumber: '2021-130102-39-03-000123' }, []],
    ['no answer', { localStatsProof: attachment }, ['correctionResponse']],
    ['a blank answer', { correctionResponse: '  ' }, ['correctionResponse']],
    ['an answer over 2000 characters', { correctionResponse: '答'.repeat(2001) }, ['correctionResponse']],
    ['a replacement that is no attachment', { correctionResponse: '已补充。', selfAssessmentReport: 'report.pdf' }, ['selfAssessmentReport']],
    ['a field the form does not offer', { correctionResponse: '已补充。', enterpriseName: '改名' }, ['enterpriseName']],
  ])('checks %s', (_case, data, paths) => {
    // when
    const problems = validateAgainstForm(form, data);
    // then
    expect(problems.map((problem) => problem.path)).toEqual(paths);
  });
});

describe('forms/city-preliminary-review.form', () => {
  const form = readForm('city-preliminary-review');

  it('offers the three decisions', () => {
    expect(componentByKey(form, 'cityDecision').values).toEqual([
      { value: 'pass', label: '通过（纳入市级重点项目库）' },
      { value: 'return', label: '退回修改' },
      { value: 'reject', label: '不予推荐' },
    ]);
  });

  it('lets field comments name exactly the fields of the application forms, all of the domain fields included', () => {
    // given
    const offered = (componentByKey(form, 'field').values ?? []).map((option) => option.value);
    const applicationKeys = new Set(applicationFormNames.flatMap((formName) => formFieldKeys(readForm(formName))));
    // then
    expect(new Set(offered).size).toBe(offered.length);
    expect(offered.filter((key) => !applicationKeys.has(key))).toEqual([]);
    expect(Object.keys(applicationFields.shape).filter((key) => !offered.includes(key))).toEqual([]);
    expect([...applicationKeys].filter((key) => !key.includes('[]') && key !== 'commitment' && !offered.includes(key))).toEqual([]);
  });

  it('names the group and the firm that prepared the materials among the fields, with the application forms’ labels', () => {
    // given
    const offered = componentByKey(form, 'field').values ?? [];
    const application = readForm('application-mode');
    // then
    for (const key of ['enterpriseGroup', 'enterpriseGroupUscc', 'preparedBy', 'preparedByUscc']) {
      expect(offered.find((option) => option.value === key)?.label).toBe(componentByKey(application, key).label);
    }
  });

  const opinion = { cityOpinion: '材料齐全，符合申报条件。', creditCheckPassed: true };
  it.each<[string, Record<string, unknown>, string[]]>([
    ['a pass', { cityDecision: 'pass', ...opinion }, []],
    ['a return with field comments', { cityDecision: 'return', ...opinion, fieldComments: [{ field: 'localStatsProof', comment: '请上传统计部门证明。' }] }, []],
    ['a rejection after a failed credit check', { cityDecision: 'reject', cityOpinion: '存在安全生产不良记录。', creditCheckPassed: false }, []],
    ['no decision', { ...opinion }, ['cityDecision']],
    ['an unknown decision', { cityDecision: 'defer', ...opinion }, ['cityDecision']],
    ['no opinion', { cityDecision: 'pass', cityOpinion: '', creditCheckPassed: true }, ['cityOpinion']],
    ['an opinion over 1000 characters', { cityDecision: 'pass', cityOpinion: '意'.repeat(1001) }, ['cityOpinion']],
    ['a comment on a field no application has', { cityDecision: 'return', ...opinion, fieldComments: [{ field: 'salary', comment: '请修改' }] }, ['fieldComments.0.field']],
    ['a comment without text', { cityDecision: 'return', ...opinion, fieldComments: [{ field: 'uscc', comment: '' }] }, ['fieldComments.0.comment']],
    ['a comment over 200 characters', { cityDecision: 'return', ...opinion, fieldComments: [{ field: 'uscc', comment: '改'.repeat(201) }] }, ['fieldComments.0.comment']],
  ])('checks %s', (_case, data, paths) => {
    // when
    const problems = validateAgainstForm(form, data);
    // then
    expect(problems.map((problem) => problem.path)).toEqual(paths);
  });
});

describe('forms/formal-review.form', () => {
  it('lets the province comment on the same fields as the city, with the same labels', () => {
    // given
    const formal = readForm('formal-review');
    const city = readForm('city-preliminary-review');
    // then
    expect(componentByKey(formal, 'fieldComments').components?.find((component) => component.key === 'field')?.values).toEqual(componentByKey(city, 'field').values);
  });
});
