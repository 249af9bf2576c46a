import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSharedFields } from '../../modeling/lint-application-forms.js';
import { repositoryRoot } from '../../scripts/generate-forms.js';
import { allComponents, type Component, type FormFile } from './form-files.js';

// Once an administrator edits one application form in the studio, the lint warns where its shared fields differ
// from the other two application forms': a shared field missing, another label, type, validation or options.

const names = ['application-mode', 'application-industry-platform', 'application-experience-center'];
const shipped = Object.fromEntries(names.map((name) => [name, readFileSync(path.join(repositoryRoot, 'forms', `${name}.form`), 'utf8')]));
const others = (name: string) => names.filter((other) => other !== name).map((other) => ({ id: other, content: shipped[other]! }));

/** The shipped form `name`, changed by `edit` on its parsed components. */
const edited = (name: string, edit: (form: FormFile, byKey: (key: string) => Component) => void) => {
  const form = JSON.parse(shipped[name]!) as FormFile;
  edit(form, (key) => allComponents(form.components).find((c) => c.key === key || c.path === key)!);
  return JSON.stringify(form, null, 2);
};
const removeKey = (list: Component[], key: string): Component[] =>
  list.filter((c) => c.key !== key).map((c) => (c.components ? { ...c, components: removeKey(c.components, key) } : c));
const both = '表单“行业（区域）级工业互联网平台类申报书”（application-industry-platform）、表单“工业互联网平台应用创新体验中心类申报书”（application-experience-center）';
const keep = '；三份申报表单的共用字段应保持一致';

describe('the shared fields of the application forms', () => {
  it.each(names)('are the same in the shipped %s as in the other two, whose own fields differ', (name) => {
    expect(lintSharedFields(shipped[name]!, others(name))).toEqual([]);
  });

  it.each<[string, (form: FormFile, byKey: (key: string) => Component) => void, { elementId: string; message: string }]>([
    ['a different label', (_f, byKey) => (byKey('contactName').label = '项目联系人'), {
      elementId: 'contactName',
      message: `共用字段“联系人”（contactName）的标签与${both}不同：本表单为 “项目联系人”，它们为 “联系人”${keep}`,
    }],
    ['a different date label', (_f, byKey) => (byKey('periodEnd').dateLabel = '竣工日期'), {
      elementId: 'periodEnd',
      message: `共用字段“建设期结束日期”（periodEnd）的标签与${both}不同：本表单为 “竣工日期”，它们为 “建设期结束日期”${keep}`,
    }],
    ['a different type', (_f, byKey) => (byKey('content').type = 'textfield'), {
      elementId: 'content',
      message: `共用字段“项目主要建设内容”（content）的类型（type）与${both}不同：本表单为 “textfield”，它们为 “textarea”${keep}`,
    }],
    ['a different validation', (_f, byKey) => (byKey('legalRepresentative').validate = { required: true, maxLength: 20 }), {
      elementId: 'legalRepresentative',
      message: `共用字段“法定代表人”（legalRepresentative）的校验规则（validate）与${both}不同：本表单为 {"maxLength":20,"required":true}，它们为 {"maxLength":50,"required":true}${keep}`,
    }],
    ['a validation no longer required', (_f, byKey) => delete byKey('registeredAddress').validate, {
      elementId: 'registeredAddress',
      message: `共用字段“注册地址”（registeredAddress）的校验规则（validate）与${both}不同：本表单为 （无），它们为 {"maxLength":200,"required":true}${keep}`,
    }],
    ['an option removed', (_f, byKey) => (byKey('enterpriseKind').values = byKey('enterpriseKind').values!.slice(0, 2)), {
      elementId: 'enterpriseKind',
      message: `共用字段“企业类型”（enterpriseKind）的选项（values）与${both}不同：本表单为 [{"label":"工业企业","value":"industrial"},{"label":"软件和信息服务业企业","value":"software-it"}]，它们为 [{"label":"工业企业","value":"industrial"},{"label":"软件和信息服务业企业","value":"software-it"},{"label":"其他","value":"other"}]${keep}`,
    }],
    ['direction choices read from other data than the call’s', (_f, byKey) => (byKey('direction').valuesKey = 'choices'), {
      elementId: 'direction',
      message: `共用字段“申报方向”（direction）的选项数据键（valuesKey）与${both}不同：本表单为 “choices”，它们为 “directionOptions”${keep}`,
    }],
    ['a shared field removed', (form) => (form.components = removeKey(form.components, 'contactEmail')), {
      elementId: 'application-mode',
      message: `共用字段“电子邮箱”（contactEmail）在本表单中缺失，而${both}中有${keep}`,
    }],
    ['a list item field relabelled', (_f, byKey) => (byKey('performanceTargets').components!.find((c) => c.key === 'unit')!.label = '计量单位'), {
      elementId: 'unit',
      message: `共用字段“单位”（performanceTargets.unit）的标签与${both}不同：本表单为 “计量单位”，它们为 “单位”${keep}`,
    }],
  ])('warns of %s in one form, once, at the field', (_case, edit, expected) => {
    // when: 模式应用类 is edited
    const problems = lintSharedFields(edited('application-mode', edit), others('application-mode'));
    // then
    expect(problems).toEqual([{ rule: 'shared-field', category: 'warn', ...expected }]);
  });

  it('names each other form with its own value when the other two differ from each other as well', () => {
    // given: the platform form's label was changed before
    const platform = edited('application-industry-platform', (_f, byKey) => (byKey('contactName').label = '平台联系人'));
    // when: the mode form's label is changed too
    const problems = lintSharedFields(edited('application-mode', (_f, byKey) => (byKey('contactName').label = '项目联系人')), [
      { id: 'application-industry-platform', content: platform },
      { id: 'application-experience-center', content: shipped['application-experience-center']! },
    ]);
    // then
    expect(problems.map((p) => p.message)).toEqual([
      `共用字段“联系人”（contactName）的标签与表单“行业（区域）级工业互联网平台类申报书”（application-industry-platform）不同：本表单为 “项目联系人”，该表单为 “平台联系人”${keep}`,
      `共用字段“联系人”（contactName）的标签与表单“工业互联网平台应用创新体验中心类申报书”（application-experience-center）不同：本表单为 “项目联系人”，该表单为 “联系人”${keep}`,
    ]);
  });

  it.each<[string, string, { id: string; content: string }[]]>([
    ['a field of its own added to one form', edited('application-mode', (form) => form.components.push({ id: 'postalCode', type: 'textfield', key: 'postalCode', label: '邮政编码' })), others('application-mode')],
    ['validation keys written in another order', edited('application-mode', (_f, byKey) => (byKey('contactName').validate = { maxLength: 50, required: true })), others('application-mode')],
    ['a form that is no application form', JSON.stringify({ id: 'correction', components: [{ id: 'contactName', type: 'textfield', key: 'contactName', label: '别的' }] }), others('correction')],
    ['a form that does not parse', '{"id": "application-mode", ', others('application-mode')],
    ['no other application form saved yet', edited('application-mode', (_f, byKey) => (byKey('contactName').label = '项目联系人')), []],
    ['other forms that do not parse or are no application forms', edited('application-mode', (_f, byKey) => (byKey('contactName').label = '项目联系人')), [
      { id: 'application-industry-platform', content: 'not json' },
      { id: 'correction', content: shipped['application-experience-center']! },
    ]],
  ])('does not warn of %s', (_case, content, compared) => {
    expect(lintSharedFields(content, compared)).toEqual([]);
  });
});
