import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  allComponents, FormSchemaError, formSchema, inputFields, isInputField, labelOf, mapComponents, optionLabel, optionLabels, parseFormSchema,
  placedComponents, staticOptions, type FormComponent,
} from '../../modeling/form-schema.js';

const formsDir = fileURLToPath(new URL('../../forms/', import.meta.url));
const shippedForms = readdirSync(formsDir).filter((name) => name.endsWith('.form')).sort();

/** A form with a group, a group with a path, a dynamic list and a table, nested. */
const form = {
  id: 'sample',
  type: 'default',
  components: [
    { id: 'title', type: 'text', text: '## 示例' },
    { id: 'name', type: 'textfield', key: 'name', label: '名称', validate: { required: true, minLength: '=minimum' } },
    { id: 'day', type: 'datetime', subtype: 'date', key: 'day', dateLabel: '日期' },
    { id: 'plain', type: 'group', label: '分组', components: [{ id: 'size', type: 'select', key: 'size', values: [{ value: 's', label: '小' }, { value: 'm' }] }] },
    { id: 'address', type: 'group', path: 'address', components: [{ id: 'city', type: 'textfield', key: 'city', conditional: { hide: '=remote' } }] },
    {
      id: 'rows', type: 'dynamiclist', path: 'rows', label: '明细',
      components: [{ id: 'label', type: 'textfield', key: 'label' }, { id: 'table', type: 'table', dataSource: '=rows' }],
    },
  ],
};

describe('parseFormSchema', () => {
  it.each(shippedForms)('parses forms/%s and keeps every property as it is', (name) => {
    // given
    const json: unknown = JSON.parse(readFileSync(path.join(formsDir, name), 'utf8'));
    // when / then
    expect(parseFormSchema(json)).toEqual(json);
  });

  it('keeps component types and properties it does not know', () => {
    // given: a component of a future form-js and a property of a newer modeler
    const future = { id: 'f', components: [{ id: 's', type: 'signature', key: 'sign', penColour: 'blue', layout: { row: 'r1' } }] };
    // when / then
    expect(parseFormSchema(future).components[0]).toEqual({ id: 's', type: 'signature', key: 'sign', penColour: 'blue', layout: { row: 'r1' } });
  });

  it('accepts what form-js accepts: FEEL rules, expression flags, components without ids', () => {
    // given
    const loose = { components: [{ type: 'number', key: 'n', disabled: '=locked', multiple: '=many', validate: { min: '=lower', validationType: null }, conditional: { hide: true } }] };
    // when / then
    expect(formSchema.safeParse(loose).success).toBe(true);
  });

  it.each<[string, unknown, RegExp]>([
    ['no object at all', null, /Invalid form-js schema: \(root\)/],
    ['no components', { id: 'x' }, /components/],
    ['a component without type', { components: [{ id: 'a' }] }, /components\.0\.type/],
    ['a key that is no text', { components: [{ id: 'a', type: 'textfield', key: 7 }] }, /components\.0\.key/],
    ['a nested child that is no object', { components: [{ id: 'g', type: 'group', components: ['x'] }] }, /components\.0\.components\.0/],
    ['a type other than "default"', { type: 'other', components: [] }, /type/],
  ])('refuses a malformed form: %s', (_case, malformed, message) => {
    // when
    const run = () => parseFormSchema(malformed);
    // then
    expect(run).toThrow(FormSchemaError);
    expect(run).toThrow(message);
  });
});

describe('walking the components', () => {
  const components = parseFormSchema(form).components;

  it('visits every component depth first, each before its children', () => {
    expect(allComponents(components).map((c) => c.id)).toEqual(['title', 'name', 'day', 'plain', 'size', 'address', 'city', 'rows', 'label', 'table']);
  });

  it('places each component at the data path it writes: group and list paths prefixed, list items without index', () => {
    // when
    const placed = placedComponents(components).map(({ component, binding, container }) => [component.id, binding, container]);
    // then
    expect(placed).toEqual([
      ['title', undefined, undefined],
      ['name', 'name', undefined],
      ['day', 'day', undefined],
      ['plain', undefined, undefined],
      ['size', 'size', undefined],
      ['address', undefined, 'address'],
      ['city', 'address.city', undefined],
      ['rows', undefined, 'rows'],
      ['label', 'rows.label', undefined],
      ['table', undefined, undefined],
    ]);
  });

  it('tells input fields from containers and presentation, and names the path each writes', () => {
    expect(allComponents(components).filter(isInputField).map((c) => c.id)).toEqual(['name', 'day', 'size', 'city', 'label']);
    expect(inputFields(components).map(({ component, binding }) => [component.id, binding])).toEqual([
      ['name', 'name'], ['day', 'day'], ['size', 'size'], ['city', 'address.city'], ['label', 'rows.label'],
    ]);
  });

  it('copies the components with a change applied to each, nested ones included, and leaves the original alone', () => {
    // when
    const marked = mapComponents(components, (c) => (c.key === 'city' || c.key === 'name' ? { ...c, readonly: true } : c));
    // then
    const readonly = (list: FormComponent[]) => allComponents(list).filter((c) => c.readonly === true).map((c) => c.id);
    expect(readonly(marked)).toEqual(['name', 'city']);
    expect(readonly(components)).toEqual([]);
    expect(allComponents(marked).map((c) => c.id)).toEqual(allComponents(components).map((c) => c.id));
  });
});

describe('labels and options', () => {
  const byId = (id: string) => allComponents(parseFormSchema(form).components).find((c) => c.id === id)!;

  it.each<[string, string | undefined]>([
    ['name', '名称'],
    ['day', '日期'],
    ['title', undefined],
  ])('labels %s as %s', (id, label) => {
    expect(labelOf(byId(id))).toBe(label);
  });

  it('shows an option by its label, else by its value', () => {
    expect([optionLabel(byId('size'), 's'), optionLabel(byId('size'), 'm'), optionLabel(byId('size'), 'x')]).toEqual(['小', 'm', 'x']);
  });

  it('has static options only when they do not come from data or an expression', () => {
    // given
    const fromData: FormComponent = { type: 'select', key: 'k', valuesKey: 'choices', values: [{ value: 'a' }] };
    // when / then
    expect(staticOptions(byId('size'))?.map((o) => o.value)).toEqual(['s', 'm']);
    expect(staticOptions(fromData)).toBeUndefined();
  });

  it('finds the option labels of a keyed choice through groups and paths', () => {
    // given: the shipped city review form's field comments
    const review: unknown = JSON.parse(readFileSync(path.join(formsDir, 'city-preliminary-review.form'), 'utf8'));
    // when
    const labels = optionLabels(review, ['fieldComments'], 'field');
    // then
    expect(labels.size).toBeGreaterThan(0);
    expect(optionLabels(form, [], 'size')).toEqual(new Map([['s', '小'], ['m', 'm']]));
    expect(optionLabels(form, ['rows'], 'size')).toEqual(new Map());
  });
});
