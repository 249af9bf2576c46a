// form-js validates only in the browser, so the server checks each submission against the deployed form's own
// rules. What is checked: presence (`validate.required`), lengths, patterns, ranges and decimal digits, the type a
// component can produce, the options of selects, radios and checklists with static `values`, attachment
// references in file pickers, the item count of dynamic lists (custom properties `minItems`/`maxItems`, which
// form-js itself ignores), and keys the form does not define. Not checked: rules written as FEEL expressions,
// `increment`, `disallowPassedDates`, and options loaded from data or expressions (any scalar is accepted).
// Hide conditions: only `=fieldKey` and `=not(fieldKey)` are understood (see ./form-validation/conditions.ts);
// a field hidden by one is skipped, a field with any other expression is validated as if visible. Disabled fields
// are skipped, as form-js skips them; a field disabled by an expression is validated as if enabled.
import { hides, type HideCondition } from './form-validation/conditions.js';
import { checkField } from './form-validation/field-rules.js';
import { compileForm, type KeyTree, type ListNode, type Scope } from './form-validation/form-structure.js';
import { formMessages } from './form-validation/messages.js';

export { FormSchemaError } from '../modeling/form-schema.js';
export { formMessages } from './form-validation/messages.js';

/** One problem of a submission: the dotted value path (`performanceTargets.0.indicator`) and a Chinese message. */
export interface FormProblem {
  path: string;
  message: string;
}

/** Checks submitted data against a form-js schema's rules; throws FormSchemaError when the form is malformed. */
export function validateAgainstForm(form: unknown, data: Record<string, unknown>): FormProblem[] {
  const scope = compileForm(form);
  const problems: FormProblem[] = [];
  checkScope(scope, data, [], (variable) => valueAt(data, variable), problems);
  reportUnknownKeys(scope.keys, data, [], problems);
  return problems;
}

/** Every value path a form defines, nested ones included; a list's item fields read `list[].field`. */
export function formFieldKeys(form: unknown): string[] {
  return scopeKeys(compileForm(form), '');
}

// helpers

type Lookup = (variable: string[]) => unknown;

function checkScope(scope: Scope, data: unknown, prefix: string[], lookup: Lookup, problems: FormProblem[]): void {
  for (const node of scope.nodes) {
    if (node.component.disabled === true || isHidden(node.hiddenBy, lookup)) continue;
    const path = [...prefix, ...node.valuePath];
    const value = valueAt(data, node.valuePath);
    if (node.kind === 'list') checkList(node, value, path, lookup, problems);
    else for (const message of checkField(node.component, value)) problems.push({ path: path.join('.'), message });
  }
}

function checkList(list: ListNode, value: unknown, path: string[], outerLookup: Lookup, problems: FormProblem[]): void {
  const items = value ?? [];
  if (!Array.isArray(items)) {
    problems.push({ path: path.join('.'), message: formMessages.notList });
    return;
  }
  const { minItems, maxItems } = list;
  if (items.length < minItems) problems.push({ path: path.join('.'), message: formMessages.tooFewItems(minItems) });
  if (items.length > maxItems) problems.push({ path: path.join('.'), message: formMessages.tooManyItems(maxItems) });
  items.forEach((item: unknown, index) => {
    const itemPath = [...path, String(index)];
    if (!isRecord(item)) {
      problems.push({ path: itemPath.join('.'), message: formMessages.notObject });
      return;
    }
    // As in form-js, a condition inside a list item reads the item's own fields first.
    const lookup: Lookup = (variable) => (Object.hasOwn(item, variable[0]!) ? valueAt(item, variable) : outerLookup(variable));
    checkScope(list.item, item, itemPath, lookup, problems);
  });
}

function reportUnknownKeys(keys: KeyTree, data: Record<string, unknown>, prefix: string[], problems: FormProblem[]): void {
  for (const [key, value] of Object.entries(data)) {
    const node = keys.get(key);
    const path = [...prefix, key];
    if (node === undefined) {
      problems.push({ path: path.join('.'), message: formMessages.unknownField });
    } else if (node.kind === 'branch') {
      if (isRecord(value)) reportUnknownKeys(node.children, value, path, problems);
      else if (value !== undefined && value !== null) problems.push({ path: path.join('.'), message: formMessages.notObject });
    } else if (node.kind === 'list' && Array.isArray(value)) {
      value.forEach((item: unknown, index) => {
        if (isRecord(item)) reportUnknownKeys(node.item.keys, item, [...path, String(index)], problems);
      });
    }
  }
}

function scopeKeys(scope: Scope, prefix: string): string[] {
  return scope.nodes.flatMap((node) => {
    const path = prefix + node.valuePath.join('.');
    return node.kind === 'list' ? [path, ...scopeKeys(node.item, `${path}[].`)] : [path];
  });
}

function isHidden(conditions: HideCondition[], lookup: Lookup): boolean {
  return conditions.some((condition) => hides(condition, lookup));
}

function valueAt(data: unknown, path: string[]): unknown {
  let current = data;
  for (const segment of path) {
    // Own properties only: a key such as "constructor" must not find the prototype's.
    if (!isRecord(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
