// The parts of a form-js schema (@bpmn-io/form-js 1.x) the server-side check reads. Parsing is loose: properties
// this check does not use pass through untouched, so a form saved by a newer modeler still parses.
import { z } from 'zod';

/** A deployed form that cannot be checked against; a deployment problem, never the applicant's. */
export class FormSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormSchemaError';
  }
}

// min, max, minLength and maxLength may be FEEL expressions in form-js; those are left to the browser.
const feelExpression = z.string().startsWith('=');

const validateRules = z.looseObject({
  required: z.boolean().optional(),
  minLength: z.union([z.number().int().min(0), feelExpression]).optional(),
  maxLength: z.union([z.number().int().min(0), feelExpression]).optional(),
  pattern: z
    .string()
    .refine((pattern) => compiles(pattern), 'is not a valid regular expression')
    .optional(),
  patternErrorMessage: z.string().optional(),
  min: z.union([z.number(), feelExpression]).optional(),
  max: z.union([z.number(), feelExpression]).optional(),
  validationType: z.string().optional(),
});

/** The `validate` rules of a field. */
export type ValidateRules = z.infer<typeof validateRules>;

const optionValue = z.union([z.string(), z.number(), z.boolean()]);

/** One component of a form-js schema, as far as the check reads it. */
export interface FormComponent {
  id: string;
  type: string;
  key?: string | undefined;
  path?: string | undefined;
  label?: string | undefined;
  validate?: ValidateRules | undefined;
  values?: { value: string | number | boolean; label?: string | undefined }[] | undefined;
  valuesKey?: string | undefined;
  valuesExpression?: string | undefined;
  conditional?: { hide?: string | undefined } | undefined;
  disabled?: boolean | undefined;
  subtype?: string | undefined;
  decimalDigits?: number | undefined;
  serializeToString?: boolean | undefined;
  multiple?: boolean | string | undefined;
  properties?: Record<string, string> | undefined;
  components?: FormComponent[] | undefined;
}

const formComponent: z.ZodType<FormComponent> = z.lazy(() =>
  z.looseObject({
    id: z.string().min(1),
    type: z.string().min(1),
    key: z.string().min(1).optional(),
    path: z.string().optional(),
    label: z.string().optional(),
    validate: validateRules.optional(),
    values: z.array(z.looseObject({ value: optionValue, label: z.string().optional() })).optional(),
    valuesKey: z.string().optional(),
    valuesExpression: z.string().optional(),
    conditional: z.looseObject({ hide: z.string().optional() }).optional(),
    disabled: z.boolean().optional(),
    subtype: z.string().optional(),
    decimalDigits: z.number().int().min(0).optional(),
    serializeToString: z.boolean().optional(),
    multiple: z.union([z.boolean(), z.string()]).optional(),
    properties: z.record(z.string(), z.string()).optional(),
    components: z.array(formComponent).optional(),
  }),
);

const formSchema = z.looseObject({ components: z.array(formComponent) });

/** A parsed form-js schema. */
export type FormSchema = z.infer<typeof formSchema>;

/** Parses a form-js schema loosely; a malformed one throws a FormSchemaError naming the first problems. */
export function parseFormSchema(form: unknown): FormSchema {
  const result = formSchema.safeParse(form);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new FormSchemaError(`Invalid form-js schema: ${problems}`);
}

// helpers

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/**
 * The labels of the options of the first select, radio or checklist keyed `key` inside the component at `path`
 * (e.g. `['fieldComments']`, `'field'`): how a form shows each value it offers.
 */
export function optionLabels(form: unknown, path: readonly string[], key: string): Map<string, string> {
  const labels = new Map<string, string>();
  const find = (components: readonly FormComponent[], rest: readonly string[]): FormComponent | undefined => {
    for (const component of components) {
      const name = component.path ?? component.key;
      if (rest.length && name === rest[0]) {
        const found = find(component.components ?? [], rest.slice(1));
        if (found) return found;
      }
      if (!rest.length && component.key === key && component.values) return component;
      // groups without a path do not add to the data's path
      if (!component.path && !component.key && component.components) {
        const found = find(component.components, rest);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (const option of find(parseFormSchema(form).components, path)?.values ?? []) labels.set(String(option.value), option.label ?? String(option.value));
  return labels;
}
