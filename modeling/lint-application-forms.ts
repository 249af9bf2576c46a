// The three application forms share most of their fields (forms/fragments/ is their one source). Once an
// administrator edits one in the studio, this check warns where its shared fields now differ from the other
// application forms': a shared field missing, or another label, type, validation or options.
import { applicationFormIds } from '../domain/application-forms.js';
import { sharedFieldLabels, templateOwnedProperties } from '../domain/application-shared-fields.js';
import { templates, type TemplateCode } from '../domain/directions.js';
import { formSchema, labelOf, placedComponents, type FormComponent } from './form-schema.js';
import type { Problem } from './problem.js';

/** A saved form: its id (the model key) and its JSON text. */
export interface FormText {
  id: string;
  content: string;
}

/** Whether a form id is one of the application forms. */
export function isApplicationForm(id: string): boolean {
  return Object.values(applicationFormIds).includes(id);
}

/**
 * Warnings (rule `shared-field`) where the shared fields of an application form differ from those of the other
 * application forms in `others` (forms of other ids and unreadable texts are passed over). Not an application
 * form, or not readable: no warning (the form's own lint reports what is wrong with it).
 */
export function lintSharedFields(content: string, others: readonly FormText[]): Problem[] {
  const edited = fieldsOf(content);
  if (!edited || !isApplicationForm(edited.id)) return [];
  const compared = others
    .filter((other) => other.id !== edited.id && isApplicationForm(other.id))
    .flatMap((other) => {
      const fields = fieldsOf(other.content);
      return fields && fields.id === other.id ? [fields] : [];
    });
  const problems: Problem[] = [];
  for (const path of Object.keys(sharedFieldLabels) as SharedPath[]) {
    const name = `共用字段“${sharedFieldLabels[path]}”（${path}）`;
    const own = edited.fields.get(path);
    const having = compared.filter((other) => other.fields.has(path));
    if (!own) {
      if (having.length) problems.push(warn(edited.id, `${name}在本表单中缺失，而${formNames(having)}中有；三份申报表单的共用字段应保持一致`));
      continue;
    }
    for (const aspect of aspects) {
      if (templateOwnedProperties[path]?.includes(aspect.property)) continue;
      const mine = aspect.read(own);
      const differing = new Map<string, Readable[]>();
      for (const other of having) {
        const theirs = aspect.read(other.fields.get(path)!);
        if (theirs !== mine) differing.set(theirs, [...(differing.get(theirs) ?? []), other]);
      }
      for (const [theirs, forms] of differing) {
        problems.push(warn(own.id ?? edited.id, `${name}的${aspect.name}与${formNames(forms)}不同：本表单为 ${mine}，${forms.length > 1 ? '它们' : '该表单'}为 ${theirs}；三份申报表单的共用字段应保持一致`));
      }
    }
  }
  return problems;
}

// helpers

type SharedPath = keyof typeof sharedFieldLabels;

interface Readable {
  id: string;
  fields: Map<string, FormComponent>;
}

// What two copies of a shared field must agree on, each written as the message shows it.
const aspects: readonly { property: string; name: string; read: (c: FormComponent) => string }[] = [
  { property: 'label', name: '标签', read: (c) => shown(labelOf(c)) },
  { property: 'type', name: '类型（type）', read: (c) => shown(c.type) },
  { property: 'validate', name: '校验规则（validate）', read: (c) => shown(c.validate) },
  { property: 'values', name: '选项（values）', read: (c) => shown(c.values) },
  { property: 'valuesKey', name: '选项数据键（valuesKey）', read: (c) => shown(c.valuesKey) },
];

function fieldsOf(content: string): Readable | undefined {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return undefined;
  }
  const parsed = formSchema.safeParse(json);
  if (!parsed.success || !parsed.data.id) return undefined;
  const fields = new Map<string, FormComponent>();
  for (const { component, binding, container } of placedComponents(parsed.data.components)) {
    const path = binding ?? container;
    if (path !== undefined && !fields.has(path)) fields.set(path, component);
  }
  return { id: parsed.data.id, fields };
}

// JSON with sorted object keys: the order an editor writes a validation's keys in is no difference.
function shown(value: unknown): string {
  if (value === undefined) return '（无）';
  if (typeof value === 'string') return `“${value}”`;
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
  return value;
}

function formNames(forms: readonly Readable[]): string {
  return forms.map((form) => `表单“${templateLabel(form.id)}”（${form.id}）`).join('、');
}

function templateLabel(formId: string): string {
  const code = (Object.keys(applicationFormIds) as TemplateCode[]).find((template) => applicationFormIds[template] === formId);
  return `${templates.find((template) => template.code === code)?.label ?? formId}申报书`;
}

function warn(elementId: string, message: string): Problem {
  return { rule: 'shared-field', elementId, message, category: 'warn' };
}
