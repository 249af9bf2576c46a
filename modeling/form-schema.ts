// The one reading of a form-js schema (a `.form` file, @bpmn-io/form-js 1.x) that every part of the project uses:
// the server's check of submissions, the documents, the studio's lint and model keys, the task pages' context and
// the browser's deployed forms. Parsing follows form-js's own JSON schema (vendored in ./form-json-schema/) for
// the properties read here and is loose about the rest: unknown component types and properties pass through
// untouched, so a form saved by a newer modeler still parses. Pure functions only: the browser loads this too.
import { z } from 'zod';

/** A form that does not parse as a form-js schema; for a deployed form a deployment problem, never a user's. */
export class FormSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormSchemaError';
  }
}

// Rules that form-js also accepts as FEEL expressions (strings starting with "=") are typed number | string.
const validateRules = z.looseObject({
  required: z.boolean().optional(),
  minLength: z.union([z.number().int(), z.string()]).optional(),
  maxLength: z.union([z.number().int(), z.string()]).optional(),
  pattern: z.string().optional(),
  patternErrorMessage: z.string().optional(),
  min: z.union([z.number(), z.string()]).optional(),
  max: z.union([z.number(), z.string()]).optional(),
  validationType: z.string().nullable().optional(),
});

/** The `validate` rules of a field. */
export type ValidateRules = z.infer<typeof validateRules>;

const formOption = z.looseObject({ value: z.union([z.string(), z.number(), z.boolean()]), label: z.string().optional() });

/** One static option of a select, radio, checklist or taglist. */
export type FormOption = z.infer<typeof formOption>;

/** One component of a form-js schema: the properties the project reads, typed; any other kept as it is. */
export interface FormComponent {
  type: string;
  id?: string | undefined;
  key?: string | undefined;
  path?: string | undefined;
  label?: string | undefined;
  /** form-js datetime fields carry their label here. */
  dateLabel?: string | undefined;
  text?: string | undefined;
  readonly?: boolean | string | undefined;
  disabled?: boolean | string | undefined;
  validate?: ValidateRules | undefined;
  values?: FormOption[] | undefined;
  valuesKey?: string | undefined;
  valuesExpression?: string | undefined;
  conditional?: { hide?: string | boolean | undefined; [property: string]: unknown } | undefined;
  subtype?: string | undefined;
  decimalDigits?: number | undefined;
  serializeToString?: boolean | undefined;
  multiple?: boolean | string | undefined;
  /** Custom properties (the modeler writes strings). */
  properties?: Record<string, unknown> | undefined;
  components?: FormComponent[] | undefined;
  [property: string]: unknown;
}

/** One component of a form-js schema, its children included. */
export const formComponentSchema: z.ZodType<FormComponent> = z.lazy(() =>
  z.looseObject({
    type: z.string().min(1),
    id: z.string().optional(),
    key: z.string().optional(),
    path: z.string().optional(),
    label: z.string().optional(),
    dateLabel: z.string().optional(),
    text: z.string().optional(),
    readonly: z.union([z.boolean(), z.string()]).optional(),
    disabled: z.union([z.boolean(), z.string()]).optional(),
    validate: validateRules.optional(),
    values: z.array(formOption).optional(),
    valuesKey: z.string().optional(),
    valuesExpression: z.string().optional(),
    conditional: z.looseObject({ hide: z.union([z.string(), z.boolean()]).optional() }).optional(),
    subtype: z.string().optional(),
    decimalDigits: z.number().int().min(0).optional(),
    serializeToString: z.boolean().optional(),
    multiple: z.union([z.boolean(), z.string()]).optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
    components: z.array(formComponentSchema).optional(),
  }),
);

/** A form-js schema: its header and its components. */
export const formSchema = z.looseObject({
  id: z.string().optional(),
  type: z.literal('default').optional(),
  schemaVersion: z.number().int().optional(),
  executionPlatform: z.string().optional(),
  executionPlatformVersion: z.string().optional(),
  components: z.array(formComponentSchema),
});

/** A parsed form-js schema. */
export type FormSchema = z.infer<typeof formSchema>;

/** Parses a form-js schema; a malformed one throws a FormSchemaError naming the first problems. */
export function parseFormSchema(form: unknown): FormSchema {
  const result = formSchema.safeParse(form);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new FormSchemaError(`Invalid form-js schema: ${problems}`);
}

/** The component types that hold a value under their `key` (form-js's input fields). */
export const inputTypes: ReadonlySet<string> = new Set([
  'textfield', 'textarea', 'number', 'checkbox', 'checklist', 'taglist', 'radio', 'select', 'datetime', 'filepicker',
  'expression',
]);

/** The component types that show something but hold no value. */
export const presentationTypes: ReadonlySet<string> = new Set([
  'text', 'html', 'image', 'iframe', 'separator', 'spacer', 'button', 'table', 'documentPreview',
]);

/** Whether a component is an input field: one whose value the form submits under its key. */
export function isInputField(component: FormComponent): boolean {
  return inputTypes.has(component.type);
}

/** Every component, depth first, each before its children: groups, dynamic lists and their contents included. */
export function allComponents(components: readonly FormComponent[]): FormComponent[] {
  return components.flatMap((component) => [component, ...allComponents(component.components ?? [])]);
}

/** A copy of the components with `change` applied to each, children (changed first) included. */
export function mapComponents(components: readonly FormComponent[], change: (component: FormComponent) => FormComponent): FormComponent[] {
  return components.map((component) =>
    change(component.components ? { ...component, components: mapComponents(component.components, change) } : component),
  );
}

/** A component with the data paths it writes. Paths use dots, list items without an index (`targets.indicator`). */
export interface PlacedComponent {
  component: FormComponent;
  /** The path of the value a keyed component writes. */
  binding?: string | undefined;
  /** The path a group or dynamic list with a `path` opens for its children. */
  container?: string | undefined;
}

/** Every component, depth first, with the data paths it writes (groups' and lists' paths prefixed). */
export function placedComponents(components: readonly FormComponent[], prefix = ''): PlacedComponent[] {
  return components.flatMap((component) => {
    const container = component.path ? `${prefix}${component.path}` : undefined;
    const placed: PlacedComponent = { component, binding: component.key ? `${prefix}${component.key}` : undefined, container };
    return [placed, ...placedComponents(component.components ?? [], container ? `${container}.` : prefix)];
  });
}

/** The input fields, depth first, each with the data path its value is written to. */
export function inputFields(components: readonly FormComponent[]): (PlacedComponent & { binding: string })[] {
  return placedComponents(components).filter((placed): placed is PlacedComponent & { binding: string } => isInputField(placed.component) && placed.binding !== undefined);
}

/** The label a person sees on a component, if it has one. */
export function labelOf(component: FormComponent): string | undefined {
  return component.label ?? component.dateLabel;
}

/** A component's own options; undefined when its options come from data (`valuesKey`) or an expression. */
export function staticOptions(component: FormComponent): FormOption[] | undefined {
  if (component.valuesKey !== undefined || component.valuesExpression !== undefined) return undefined;
  return component.values;
}

/** How a component shows one of its option values: the option's label, else the value itself. */
export function optionLabel(component: FormComponent, value: unknown): string {
  return component.values?.find((option) => option.value === value)?.label ?? String(value);
}

/**
 * The labels of the options of the first select, radio or checklist keyed `key` inside the component at `path`
 * (e.g. `['fieldComments']`, `'field'`): how a form shows each value it offers. Throws a FormSchemaError when the
 * form is malformed.
 */
export function optionLabels(form: unknown, path: readonly string[], key: string): Map<string, string> {
  const found = findKeyed(parseFormSchema(form).components, path, key);
  return new Map((found?.values ?? []).map((option) => [String(option.value), option.label ?? String(option.value)]));
}

// helpers

function findKeyed(components: readonly FormComponent[], path: readonly string[], key: string): FormComponent | undefined {
  for (const component of components) {
    const name = component.path ?? component.key;
    if (path.length && name === path[0]) {
      const found = findKeyed(component.components ?? [], path.slice(1), key);
      if (found) return found;
    }
    if (!path.length && component.key === key && component.values) return component;
    // Groups without a path do not add to the data's path.
    if (!component.path && !component.key && component.components) {
      const found = findKeyed(component.components, path, key);
      if (found) return found;
    }
  }
  return undefined;
}
