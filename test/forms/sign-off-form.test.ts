import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintForm } from '../../modeling/lint-form.js';
import { formFieldKeys, validateAgainstForm } from '../../platform/form-validation.js';
import { componentByKey, expectedHeader, installedSchemaVersion, readForm } from './form-files.js';

// forms/sign-off.form: the generic second sign-off (审核签字) an administrator links in the studio's 关联表单 to an
// added approval step, e.g. 分管领导审核 after 市级初审; its two fields become the task's process variables.

describe('forms/sign-off.form', () => {
  const form = readForm('sign-off');

  it('carries its id and the common header, and the studio’s lint finds nothing', () => {
    expect(form).toMatchObject({ id: 'sign-off', ...expectedHeader, schemaVersion: installedSchemaVersion() });
    expect(lintForm(readFileSync(new URL('../../forms/sign-off.form', import.meta.url), 'utf8'))).toEqual([]);
  });

  it('asks for 审核意见 (同意 or 不同意) and a written 意见, both required', () => {
    expect(formFieldKeys(form)).toEqual(['signOffDecision', 'signOffOpinion']);
    expect(componentByKey(form, 'signOffDecision')).toMatchObject({
      type: 'radio', label: '审核意见', values: [{ label: '同意', value: 'approve' }, { label: '不同意', value: 'disapprove' }], validate: { required: true },
    });
    expect(componentByKey(form, 'signOffOpinion')).toMatchObject({ type: 'textarea', label: '意见', validate: { required: true } });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an approval with an opinion', { signOffDecision: 'approve', signOffOpinion: '同意纳入市级重点项目库。' }, []],
    ['a disapproval with an opinion', { signOffDecision: 'disapprove', signOffOpinion: '材料不充分。' }, []],
    ['no decision', { signOffOpinion: '同意。' }, ['signOffDecision']],
    ['a decision it does not offer', { signOffDecision: 'maybe', signOffOpinion: '再议。' }, ['signOffDecision']],
    ['no opinion', { signOffDecision: 'approve' }, ['signOffOpinion']],
    ['an opinion over 1000 characters', { signOffDecision: 'approve', signOffOpinion: '意'.repeat(1001) }, ['signOffOpinion']],
    ['a field it does not have', { signOffDecision: 'approve', signOffOpinion: '同意。', cityDecision: 'reject' }, ['cityDecision']],
  ])('checks %s', (_case, data, paths) => {
    expect(validateAgainstForm(form, data).map((problem) => problem.path)).toEqual(paths);
  });
});
