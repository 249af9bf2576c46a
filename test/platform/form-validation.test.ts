import { describe, expect, it } from 'vitest';
import { FormSchemaError, formFieldKeys, validateAgainstForm, type FormProblem } from '../../platform/form-validation.js';

const options = (...values: string[]) => values.map((value) => ({ label: value.toUpperCase(), value }));

/** A small form with one component for each rule the check knows. */
const form = {
  id: 'sample',
  type: 'default',
  schemaVersion: 19,
  components: [
    { id: 'title', type: 'text', text: '## 示例' },
    { id: 'name', type: 'textfield', key: 'name', validate: { required: true, minLength: 2, maxLength: 10 } },
    { id: 'code', type: 'textfield', key: 'code', validate: { pattern: '^[A-Z]{3}$', patternErrorMessage: '应为三个大写字母' } },
    { id: 'loose', type: 'textfield', key: 'loose', validate: { pattern: '[0-9]' } },
    { id: 'mail', type: 'textfield', key: 'mail', validate: { validationType: 'email' } },
    { id: 'amount', type: 'number', key: 'amount', decimalDigits: 2, validate: { min: 0, max: 100 } },
    { id: 'count', type: 'number', key: 'count', decimalDigits: 0, validate: { min: '=minimum' } },
    { id: 'agree', type: 'checkbox', key: 'agree', validate: { required: true } },
    { id: 'flag', type: 'checkbox', key: 'flag' },
    { id: 'colours', type: 'checklist', key: 'colours', values: options('red', 'blue'), validate: { required: true } },
    { id: 'size', type: 'select', key: 'size', values: options('s', 'm'), validate: { required: true } },
    { id: 'kind', type: 'radio', key: 'kind', values: options('a', 'b') },
    { id: 'fromData', type: 'select', key: 'fromData', valuesKey: 'choices' },
    { id: 'day', type: 'datetime', subtype: 'date', key: 'day', dateLabel: '日期', validate: { required: true } },
    { id: 'file', type: 'filepicker', key: 'file', validate: { required: true } },
    { id: 'files', type: 'filepicker', key: 'files', multiple: true },
    { id: 'proof', type: 'filepicker', key: 'proof', conditional: { hide: '=flag' }, validate: { required: true } },
    { id: 'reason', type: 'textarea', key: 'reason', conditional: { hide: '= not( flag )' }, validate: { required: true } },
    { id: 'other', type: 'textfield', key: 'other', conditional: { hide: '=kind = "a"' }, validate: { required: true } },
    { id: 'locked', type: 'textfield', key: 'locked', disabled: true, validate: { required: true } },
    { id: 'plain', type: 'group', label: '无路径分组', components: [{ id: 'inner', type: 'textfield', key: 'inner', validate: { required: true } }] },
    { id: 'address', type: 'group', path: 'address', components: [{ id: 'city', type: 'textfield', key: 'city', validate: { required: true } }] },
    {
      id: 'rows',
      type: 'dynamiclist',
      path: 'rows',
      isRepeating: true,
      properties: { minItems: '1', maxItems: '2' },
      components: [
        { id: 'label', type: 'textfield', key: 'label', validate: { required: true, maxLength: 5 } },
        { id: 'skip', type: 'checkbox', key: 'skip' },
        { id: 'note', type: 'textfield', key: 'note', conditional: { hide: '=skip' }, validate: { required: true } },
      ],
    },
  ],
};

const attachment = { id: '3f2b8c1e-9a4d-4e2f-8b1a-1c2d3e4f5a6b', fileName: '证明.pdf', sha256: 'a'.repeat(64) };

/** Data that passes every rule of the sample form; changes replace top-level values. */
function validData(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '示例',
    code: 'ABC',
    loose: 'x1y',
    mail: 'name@example.cn',
    amount: 12.5,
    count: 3,
    agree: true,
    flag: true,
    colours: ['red'],
    size: 's',
    kind: 'a',
    fromData: 'anything',
    day: '2024-02-29',
    file: attachment,
    files: [attachment, { ...attachment, fileName: '照片.png' }],
    reason: '原因',
    other: '其他',
    inner: '内容',
    address: { city: '石家庄' },
    rows: [{ label: '一', skip: false, note: '备注' }],
    ...changes,
  };
}

const byPath = (problems: FormProblem[]) => [...problems].sort((a, b) => a.path.localeCompare(b.path) || a.message.localeCompare(b.message));

describe('validateAgainstForm', () => {
  it('accepts data that meets every rule', () => {
    // given
    const data = validData();
    // when
    const problems = validateAgainstForm(form, data);
    // then
    expect(problems).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, FormProblem[]]>([
    // required: '', null, undefined and an empty selection are missing
    ['an empty required text', { name: '' }, [{ path: 'name', message: '不能为空' }]],
    ['a null required select', { size: null }, [{ path: 'size', message: '不能为空' }]],
    ['a missing required date', { day: undefined }, [{ path: 'day', message: '不能为空' }]],
    ['an empty required checklist', { colours: [] }, [{ path: 'colours', message: '不能为空' }]],
    ['an unchecked required checkbox', { agree: false }, [{ path: 'agree', message: '请勾选此项' }]],
    ['a missing required checkbox', { agree: undefined }, [{ path: 'agree', message: '请勾选此项' }]],
    // lengths count the trimmed text
    ['a text shorter than minLength once trimmed', { name: '  a  ' }, [{ path: 'name', message: '不能少于2个字' }]],
    ['a text longer than maxLength', { name: '一二三四五六七八九十一' }, [{ path: 'name', message: '不能超过10个字' }]],
    // patterns are used as written, like form-js: anchored only by their own ^…$
    ['a text that misses an anchored pattern', { code: 'XABCX' }, [{ path: 'code', message: '应为三个大写字母' }]],
    ['a text without any match of an unanchored pattern', { loose: 'abc' }, [{ path: 'loose', message: '格式不正确' }]],
    ['an invalid email for validationType email', { mail: 'name@' }, [{ path: 'mail', message: '电子邮箱格式不正确' }]],
    // numbers
    ['a number below min', { amount: -1 }, [{ path: 'amount', message: '不能小于0' }]],
    ['a number above max', { amount: 100.01 }, [{ path: 'amount', message: '不能大于100' }]],
    ['too many decimal digits', { amount: 1.234 }, [{ path: 'amount', message: '最多保留2位小数' }]],
    ['a fraction where an integer is expected', { count: 1.5 }, [{ path: 'count', message: '应为整数' }]],
    ['a tiny number in exponent notation', { amount: 1e-7 }, [{ path: 'amount', message: '最多保留2位小数' }]],
    ['a number sent as a string', { amount: '12' }, [{ path: 'amount', message: '应为数字' }]],
    ['a number that is not finite', { amount: Number.NaN }, [{ path: 'amount', message: '应为数字' }]],
    // type sanity
    ['a number in a text field', { name: 12 }, [{ path: 'name', message: '应为文本' }]],
    ['a string in a checkbox', { agree: 'true' }, [{ path: 'agree', message: '应为是或否' }]],
    ['a checklist that is not a list', { colours: 'red' }, [{ path: 'colours', message: '应为列表' }]],
    ['a checklist value that is no option', { colours: ['red', 'green'] }, [{ path: 'colours', message: '不是有效选项' }]],
    ['a checklist value chosen twice', { colours: ['red', 'red'] }, [{ path: 'colours', message: '选项不能重复' }]],
    ['a select value that is no option', { size: 'xl' }, [{ path: 'size', message: '不是有效选项' }]],
    ['a radio value that is no option', { kind: 'c' }, [{ path: 'kind', message: '不是有效选项' }]],
    ['an object where options come from data', { fromData: { value: 1 } }, [{ path: 'fromData', message: '不是有效选项' }]],
    ['a date that does not exist', { day: '2023-02-29' }, [{ path: 'day', message: '应为有效日期（年-月-日）' }]],
    ['a date in another format', { day: '2024/02/29' }, [{ path: 'day', message: '应为有效日期（年-月-日）' }]],
    // attachment references
    ['a missing required attachment', { file: null }, [{ path: 'file', message: '不能为空' }]],
    ['an attachment without a valid id', { file: { ...attachment, id: 'x' } }, [{ path: 'file', message: '附件引用无效' }]],
    ['an attachment without a digest', { file: { id: attachment.id, fileName: 'a.pdf' } }, [{ path: 'file', message: '附件引用无效' }]],
    ['a browser file key instead of a reference', { file: 'files::abc' }, [{ path: 'file', message: '附件引用无效' }]],
    ['a list in a single file picker', { file: [attachment] }, [{ path: 'file', message: '附件引用无效' }]],
    ['a single reference in a multiple file picker', { files: attachment }, [{ path: 'files', message: '附件引用无效' }]],
    // conditions: `=flag` hides when true, `=not(flag)` when false; other expressions are validated
    ['a field shown when its `=flag` is false', { flag: false, reason: undefined }, [{ path: 'proof', message: '不能为空' }]],
    ['a field shown when its `=not(flag)` is true', { reason: '' }, [{ path: 'reason', message: '不能为空' }]],
    ['a condition variable that is no boolean', { flag: 'yes' }, [{ path: 'flag', message: '应为是或否' }, { path: 'proof', message: '不能为空' }]],
    ['a field hidden by another expression', { other: '' }, [{ path: 'other', message: '不能为空' }]],
    // groups
    ['a missing field in a group without path', { inner: '' }, [{ path: 'inner', message: '不能为空' }]],
    ['a missing field in a group with path', { address: {} }, [{ path: 'address.city', message: '不能为空' }]],
    ['a group path that is no object', { address: '石家庄' }, [{ path: 'address', message: '格式不正确' }, { path: 'address.city', message: '不能为空' }]],
    // dynamic lists
    ['fewer items than minItems', { rows: [] }, [{ path: 'rows', message: '至少填写1项' }]],
    ['a missing list counts as empty', { rows: undefined }, [{ path: 'rows', message: '至少填写1项' }]],
    ['more items than maxItems', { rows: [{ label: '一', skip: true }, { label: '二', skip: true }, { label: '三', skip: true }] }, [{ path: 'rows', message: '最多填写2项' }]],
    ['a list that is no list', { rows: { label: '一' } }, [{ path: 'rows', message: '应为列表' }]],
    ['an item that is no object', { rows: ['一'] }, [{ path: 'rows.0', message: '格式不正确' }]],
    ['a bad field in the second item', { rows: [{ label: '一', skip: true }, { label: '一二三四五六', skip: true }] }, [{ path: 'rows.1.label', message: '不能超过5个字' }]],
    ['an item field shown because its item says so', { rows: [{ label: '一', skip: false }] }, [{ path: 'rows.0.note', message: '不能为空' }]],
    // unknown keys, at every level
    ['a key the form does not define', { extra: 1 }, [{ path: 'extra', message: '表单中没有此字段' }]],
    ['an unknown key inside a group path', { address: { city: '石家庄', street: '和平西路' } }, [{ path: 'address.street', message: '表单中没有此字段' }]],
    ['an unknown key inside an item', { rows: [{ label: '一', skip: true, extra: '' }] }, [{ path: 'rows.0.extra', message: '表单中没有此字段' }]],
  ])('reports %s', (_case, changes, expected) => {
    // given
    const data = validData(changes);
    // when
    const problems = validateAgainstForm(form, data);
    // then
    expect(byPath(problems)).toEqual(byPath(expected));
  });

  it.each<[string, Record<string, unknown>]>([
    ['a field hidden by `=flag`', { flag: true, proof: undefined }],
    ['a field hidden by `=not(flag)`', { flag: false, reason: undefined, proof: attachment }],
    ['a hidden field with a bad value', { flag: true, proof: 'not an attachment' }],
    ['an item field hidden by its own item', { rows: [{ label: '一', skip: true }] }],
    ['a disabled field, which form-js does not submit', { locked: undefined }],
    ['an optional field left empty', { code: '', loose: '', mail: '', amount: null, kind: null, files: [] }],
    ['a rule given as a FEEL expression, left to the browser', { count: -5 }],
    ['a pattern matched anywhere when it is not anchored', { loose: '第1项' }],
    ['a number with the allowed decimal digits at the bound', { amount: 100 }],
    ['a leap day', { day: '2024-02-29' }],
  ])('does not report %s', (_case, changes) => {
    // when
    const problems = validateAgainstForm(form, validData(changes));
    // then
    expect(problems).toEqual([]);
  });

  it('checks a field disabled or hidden by what the server cannot evaluate, as if it were shown', () => {
    // given: form-js also accepts `disabled` as an expression and `hide` as a boolean
    const undecided = {
      components: [
        { id: 'a', type: 'textfield', key: 'a', disabled: '=locked', validate: { required: true } },
        { id: 'b', type: 'textfield', key: 'b', conditional: { hide: true }, validate: { required: true } },
      ],
    };
    // when / then
    expect(byPath(validateAgainstForm(undecided, {}))).toEqual([{ path: 'a', message: '不能为空' }, { path: 'b', message: '不能为空' }]);
  });

  it('accepts a numeric string when the number field serialises to string', () => {
    // given
    const stringForm = { components: [{ id: 'n', type: 'number', key: 'n', serializeToString: true, validate: { max: 10 } }] };
    // when / then
    expect(validateAgainstForm(stringForm, { n: '9.5' })).toEqual([]);
    expect(validateAgainstForm(stringForm, { n: '11' })).toEqual([{ path: 'n', message: '不能大于10' }]);
    expect(validateAgainstForm(stringForm, { n: 9 })).toEqual([{ path: 'n', message: '应为数字' }]);
  });

  it('checks time and date-time subtypes in the formats form-js writes', () => {
    // given
    const timeForm = {
      components: [
        { id: 't', type: 'datetime', subtype: 'time', key: 't' },
        { id: 'dt', type: 'datetime', subtype: 'datetime', key: 'dt' },
      ],
    };
    // when / then
    expect(validateAgainstForm(timeForm, { t: '09:30', dt: '2024-02-29T09:30+08:00' })).toEqual([]);
    expect(byPath(validateAgainstForm(timeForm, { t: '25:00', dt: '2024-02-30T09:30Z' }))).toEqual([
      { path: 'dt', message: '应为有效日期时间' },
      { path: 't', message: '应为有效时间（时:分）' },
    ]);
  });

  it.each<[string, unknown, RegExp]>([
    ['no object at all', null, /Invalid form-js schema/],
    ['no components', { id: 'x' }, /components/],
    ['a component without id', { components: [{ type: 'textfield', key: 'a' }] }, /components\.0\.id/],
    ['a keyed field without key', { components: [{ id: 'a', type: 'textfield' }] }, /"a" \(textfield\) has no key/],
    ['a dynamic list without path', { components: [{ id: 'l', type: 'dynamiclist', components: [] }] }, /has no path/],
    ['a component type the server does not know', { components: [{ id: 'c', type: 'signature', key: 'c' }] }, /cannot check/],
    ['an id used twice', { components: [{ id: 'a', type: 'text' }, { id: 'a', type: 'separator' }] }, /used twice/],
    ['a key used twice', { components: [{ id: 'a', type: 'textfield', key: 'k' }, { id: 'b', type: 'number', key: 'k' }] }, /another field/],
    ['a key inside another field', { components: [{ id: 'a', type: 'textfield', key: 'k' }, { id: 'b', type: 'textfield', key: 'k.x' }] }, /inside the value/],
    ['a pattern that does not compile', { components: [{ id: 'a', type: 'textfield', key: 'a', validate: { pattern: '[' } }] }, /regular expression/],
    ['a minimum that is neither a number nor an expression', { components: [{ id: 'a', type: 'number', key: 'a', validate: { min: '10' } }] }, /components\.0\.validate\.min/],
    ['a negative length in a list item', { components: [{ id: 'l', type: 'dynamiclist', path: 'l', components: [{ id: 'a', type: 'textfield', key: 'a', validate: { maxLength: -1 } }] }] }, /components\.0\.components\.0\.validate\.maxLength/],
    ['a minItems that is no whole number', { components: [{ id: 'l', type: 'dynamiclist', path: 'l', properties: { minItems: 'one' } }] }, /minItems/],
  ])('refuses a malformed form: %s', (_case, malformed, message) => {
    // when
    const run = () => validateAgainstForm(malformed, {});
    // then
    expect(run).toThrow(FormSchemaError);
    expect(run).toThrow(message);
  });
});

describe('formFieldKeys', () => {
  it('lists every key, with group paths and list items', () => {
    // when
    const keys = formFieldKeys(form);
    // then
    expect(keys).toEqual([
      'name', 'code', 'loose', 'mail', 'amount', 'count', 'agree', 'flag', 'colours', 'size', 'kind', 'fromData', 'day',
      'file', 'files', 'proof', 'reason', 'other', 'locked', 'inner', 'address.city',
      'rows', 'rows[].label', 'rows[].skip', 'rows[].note',
    ]);
  });
});
