// The application forms from their fragments (forms/fragments/): the layout names the shared fragments and the slots
// each template fills; expanding them gives the three .form files, and the shared fragments alone give the fields
// every application form shares (domain/application-shared-fields.ts). Pure: the caller reads and writes files.
import { z } from 'zod';
import { allComponents, formSchema, labelOf, placedComponents } from '../modeling/form-schema.js';

/** A reference inside a fragment: `{"$fragment": "enterprise"}` (a shared fragment) or `{"$slot": "title"}` (a template's part). */
type Reference = { $fragment: string } | { $slot: string };

/** The fragment files, parsed: the layout, the shared fragments by name, the templates by code. */
export interface Fragments {
  layout: unknown;
  shared: Readonly<Record<string, unknown>>;
  templates: Readonly<Record<string, unknown>>;
}

/** A shared field: its data path and the label the forms show. */
export interface SharedField {
  path: string;
  label: string;
  /** Properties each template's fragment sets itself (a `$slot` in the shared fragment), such as a field's options. */
  templateOwned: string[];
}

// The fragment files' own shapes. Forms are checked with modeling/form-schema.ts, but its output is not written:
// zod puts known keys first, and the files keep the fragments' key order.
const layoutShape = z.object({ header: z.record(z.string(), z.unknown()), components: z.array(z.unknown()) });
const templateShape = z.object({ id: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/), slots: z.record(z.string(), z.unknown()) });

/** The .form file of each template, by file name (`<form id>.form`), in the order of the template codes. */
export function applicationForms(fragments: Fragments): Map<string, string> {
  const layout = layoutShape.parse(fragments.layout);
  const files = new Map<string, string>();
  for (const code of Object.keys(fragments.templates).sort()) {
    const template = templateShape.parse(fragments.templates[code]);
    const used = new Set<string>();
    const resolve = (reference: Reference): unknown => {
      if ('$fragment' in reference) return required(fragments.shared, reference.$fragment, `no fragment ${reference.$fragment}`);
      used.add(reference.$slot);
      return required(template.slots, reference.$slot, `template ${code} does not fill slot ${reference.$slot}`);
    };
    const form = { id: template.id, ...layout.header, components: expand(layout.components, resolve) };
    const unused = Object.keys(template.slots).filter((slot) => !used.has(slot));
    if (unused.length) throw new Error(`template ${code}: no slot ${unused.join(', ')} in the layout`);
    const checked = formSchema.safeParse(form);
    if (!checked.success) throw new Error(`template ${code}: not a form-js schema: ${z.prettifyError(checked.error)}`);
    const ids = allComponents(checked.data.components).map((c) => c.id);
    if (ids.includes(undefined)) throw new Error(`template ${code}: a component without id (ids keep deployed forms and stored data matching)`);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    if (repeated.length) throw new Error(`template ${code}: component ids repeated: ${repeated.join(', ')}`);
    files.set(`${template.id}.form`, `${JSON.stringify(form, null, 2)}\n`);
  }
  return files;
}

/** The fields the shared fragments define (every application form has them), in form order, list items as `list.field`. */
export function sharedFields(fragments: Fragments): SharedField[] {
  const layout = layoutShape.parse(fragments.layout);
  // Slots stay out: in a component list they are left out, as a property value they make it template-owned.
  const components = expand(layout.components, (reference) => ('$fragment' in reference ? required(fragments.shared, reference.$fragment, `no fragment ${reference.$fragment}`) : reference));
  const owned = new Map<unknown, string[]>();
  takeSlots(components, owned);
  const checked = formSchema.safeParse({ components });
  if (!checked.success) throw new Error(`shared fragments: not form-js components: ${z.prettifyError(checked.error)}`);
  const fields = placedComponents(checked.data.components).flatMap(({ component, binding, container }) => {
    const path = binding ?? container;
    if (path === undefined) return [];
    const label = labelOf(component);
    if (label === undefined) throw new Error(`shared field ${path} has no label`);
    return [{ path, label, templateOwned: owned.get(component.id) ?? [] }];
  });
  const paths = fields.map((field) => field.path);
  const repeated = paths.filter((path, index) => paths.indexOf(path) !== index);
  if (repeated.length) throw new Error(`shared fields repeated: ${repeated.join(', ')}`);
  return fields;
}

/** domain/application-shared-fields.ts: the shared fields' labels and template-owned properties, as TypeScript. */
export function sharedFieldsModule(fields: readonly SharedField[]): string {
  const labels = fields.map((field) => `  ${property(field.path)}: ${quote(field.label)},`);
  const owned = fields.filter((field) => field.templateOwned.length).map((field) => `  ${property(field.path)}: [${field.templateOwned.map(quote).join(', ')}],`);
  return [
    '// Generated by scripts/generate-forms.ts from forms/fragments/ — do not edit: change the fragments and run',
    '// `sh scripts/node.sh npx tsx scripts/generate-forms.ts`.',
    '',
    '/** The fields every application form shares (list items as `list.field`), each with the label the forms show. */',
    'export const sharedFieldLabels = {',
    ...labels,
    '} as const;',
    '',
    '/** The properties of shared fields that each template\'s form sets itself (its own options). */',
    'export const templateOwnedProperties: Readonly<Record<string, readonly string[]>> = {',
    ...owned,
    '};',
    '',
  ].join('\n');
}

// helpers

function isReference(value: unknown): value is Reference {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === '$fragment' || keys[0] === '$slot') && typeof Object.values(value)[0] === 'string';
}

// A reference in a list is replaced by the items it stands for (a list's items, or one value); elsewhere by its value.
function expand(node: unknown, resolve: (reference: Reference) => unknown): unknown {
  if (Array.isArray(node)) {
    return node.flatMap((item) => {
      if (!isReference(item)) return [expand(item, resolve)];
      const resolved = resolve(item);
      if (resolved === item) return [];
      return Array.isArray(resolved) ? resolved.map((entry) => expand(entry, resolve)) : [expand(resolved, resolve)];
    });
  }
  if (isReference(node)) {
    const resolved = resolve(node);
    return resolved === node ? node : expand(resolved, resolve);
  }
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, expand(value, resolve)]));
  return node;
}

function required(values: Readonly<Record<string, unknown>>, name: string, message: string): unknown {
  if (!Object.hasOwn(values, name)) throw new Error(message);
  return values[name];
}

// Removes the property-value slots left in the expanded JSON, noting each one's property by its object's id.
function takeSlots(node: unknown, owned: Map<unknown, string[]>): void {
  if (Array.isArray(node)) {
    for (const item of node) takeSlots(item, owned);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const object = node as Record<string, unknown>;
  for (const [property, value] of Object.entries(object)) {
    if (!isReference(value)) takeSlots(value, owned);
    else {
      owned.set(object.id, [...(owned.get(object.id) ?? []), property]);
      delete object[property];
    }
  }
}

function property(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quote(name);
}

function quote(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'`;
}
