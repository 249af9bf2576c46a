import { sharedFieldLabels } from '../../../domain/application-shared-fields.js';
import { display, type DataOptions } from '../../../documents/form-values.js';
import { submissionHash } from '../../../documents/receipt.js';
import { isInputField, labelOf, parseFormSchema, type FormComponent } from '../../../modeling/form-schema.js';
import type { VersionField } from '../schemas/projects.js';

// The project page's side-by-side view: every field of the application's form, in the form's order, with its value
// now and as admitted as a person reads it (option labels, 是/否, file names), and whether the two differ. A key the
// data holds but the form does not (an older form's field) follows, under its shared label or its key.

/** A field of the form: where its value sits in the data, its label and group, and how its value reads. */
export interface FormField {
  key: string;
  path: readonly string[];
  label: string;
  section: string;
  read(value: unknown): string;
}

/** The fields of a form, in its order; none for a form that does not parse (the fallback names keys by label). */
export function formFields(form: unknown, dataOptions: DataOptions = {}): FormField[] {
  try {
    return fieldsOf(parseFormSchema(form).components, [], '', dataOptions);
  } catch {
    return [];
  }
}

/** The rows of the side-by-side view; `snapshot` null before admission. */
export function versionFields(fields: readonly FormField[], current: Record<string, unknown>, snapshot: Record<string, unknown> | null): VersionField[] {
  const rows: VersionField[] = fields.map((field) => row(field, valueAt(current, field.path), snapshot && valueAt(snapshot, field.path), !!snapshot));
  const covered = new Set(fields.map((field) => field.path[0]));
  const others = [...new Set([...Object.keys(current), ...Object.keys(snapshot ?? {})])].filter((key) => !covered.has(key));
  for (const key of others) rows.push(row(looseField(key), current[key], snapshot?.[key], !!snapshot));
  return rows;
}

/** A field by its key, for a change request's fields: the form's, else a loose one. */
export function fieldByKey(fields: readonly FormField[], key: string): FormField {
  return fields.find((field) => field.key === key) ?? looseField(key);
}

// helpers

function row(field: FormField, current: unknown, snapshot: unknown, admitted: boolean): VersionField {
  return {
    key: field.key, label: field.label, section: field.section, current: field.read(current),
    snapshot: admitted ? field.read(snapshot) : null,
    changed: admitted && submissionHash(current ?? null) !== submissionHash(snapshot ?? null),
  };
}

function fieldsOf(components: readonly FormComponent[], prefix: readonly string[], section: string, dataOptions: DataOptions): FormField[] {
  return components.flatMap((component): FormField[] => {
    if (component.type === 'group') {
      const path = component.path ? [...prefix, ...component.path.split('.')] : prefix;
      return fieldsOf(component.components ?? [], path, component.label ?? section, dataOptions);
    }
    if (component.type === 'dynamiclist' && component.path) {
      const columns = (component.components ?? []).filter((child) => child.key && isInputField(child));
      const path = [...prefix, ...component.path.split('.')];
      return [{ key: path.join('.'), path, label: labelOf(component) ?? component.path, section, read: (value) => listText(columns, value, dataOptions) }];
    }
    if (component.key && isInputField(component)) {
      const path = [...prefix, ...component.key.split('.')];
      return [{ key: path.join('.'), path, label: labelOf(component) ?? component.key, section, read: (value) => display(component, value, dataOptions) }];
    }
    return [];
  });
}

/** A list's items, one a line: 指标名称：产能利用率；现状值：60… */
function listText(columns: readonly FormComponent[], value: unknown, dataOptions: DataOptions): string {
  if (!Array.isArray(value)) return '';
  return value
    .map((item: unknown, index) => {
      const entry = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
      return `${index + 1}. ${columns.map((column) => `${labelOf(column) ?? column.key}：${display(column, entry[column.key!], dataOptions)}`).join('；')}`;
    })
    .join('\n');
}

function looseField(key: string): FormField {
  return { key, path: [key], label: (sharedFieldLabels as Record<string, string>)[key] ?? key, section: '', read: looseText };
}

/** A value without its form: files by name, lists one a line, 是/否. */
function looseText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map((item) => (item && typeof item === 'object' && 'fileName' in item ? String(item.fileName) : looseText(item))).join('、');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function valueAt(data: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = data;
  for (const segment of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  return value;
}
