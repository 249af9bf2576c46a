import { isInputField, labelOf, parseFormSchema, staticOptions, type FormComponent, type FormOption } from '../modeling/form-schema.js';
import type { Block } from './document-model.js';

// Turns a form-js schema and its data into document blocks: every keyed field with its label and its value as a
// person reads it, so a field an administrator adds to the form appears in the documents with no code change.

/** The options of fields whose options come from data (form-js `valuesKey`), by that key: e.g. the call's directions. */
export type DataOptions = Readonly<Record<string, readonly FormOption[]>>;

/**
 * The blocks of a form's data: one field table per group (with the group's label as heading), lists as tables.
 * Throws a FormSchemaError when the form is malformed.
 */
export function formBlocks(form: unknown, data: Record<string, unknown>, omit: ReadonlySet<string> = new Set(), dataOptions: DataOptions = {}): Block[] {
  return blocksOf(parseFormSchema(form).components, data, omit, dataOptions);
}

function blocksOf(components: readonly FormComponent[], data: Record<string, unknown>, omit: ReadonlySet<string>, dataOptions: DataOptions): Block[] {
  const blocks: Block[] = [];
  let rows: [string, string][] = [];
  const flush = () => {
    if (rows.length) blocks.push({ type: 'fields', rows });
    rows = [];
  };
  for (const component of components) {
    if (component.type === 'group') {
      flush();
      const inner = blocksOf(component.components ?? [], data, omit, dataOptions);
      const heading = component.label ?? '';
      // A list that is the group's only content often repeats the group's label: say it once.
      const first = inner[0];
      if (first?.type === 'paragraph' && first.text === heading) inner.shift();
      if (inner.length) blocks.push({ type: 'heading', text: heading }, ...inner);
    } else if (component.type === 'dynamiclist' && component.path) {
      flush();
      const items = Array.isArray(data[component.path]) ? (data[component.path] as Record<string, unknown>[]) : [];
      const columns = (component.components ?? []).filter((c) => c.key);
      if (component.label) blocks.push({ type: 'paragraph', text: component.label });
      blocks.push({ type: 'table', columns: columns.map(columnLabel), rows: items.map((item) => columns.map((c) => display(c, item[c.key!], dataOptions))) });
    } else if (component.key && isInputField(component) && !omit.has(component.key)) {
      rows.push([columnLabel(component), display(component, data[component.key], dataOptions)]);
    }
  }
  flush();
  return blocks;
}

function columnLabel(component: FormComponent): string {
  return labelOf(component) ?? component.key ?? '';
}

/**
 * A value as a person reads it: option labels for choices (the form's own, or those `dataOptions` gives its
 * `valuesKey`), 是/否 for checkboxes, file names for attachments.
 */
export function display(component: FormComponent, value: unknown, dataOptions: DataOptions = {}): string {
  if (value === undefined || value === null || value === '') return '';
  const options = staticOptions(component) ?? (component.valuesKey !== undefined ? dataOptions[component.valuesKey] : undefined) ?? [];
  const label = (v: unknown) => options.find((option) => option.value === v)?.label ?? String(v);
  switch (component.type) {
    case 'checkbox':
      return value === true ? '是' : '否';
    case 'select':
    case 'radio':
      return label(value);
    case 'checklist':
    case 'taglist':
      return Array.isArray(value) ? value.map(label).join('、') : label(value);
    case 'filepicker':
      return (Array.isArray(value) ? value : [value]).map((file) => String((file as { fileName?: unknown }).fileName ?? '')).join('、');
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
