// What the server needs of a component beyond form-js's own schema to check a submission against it: an id to
// name it by, rules it can apply (or FEEL expressions it leaves to the browser), and patterns that compile.
import { FormSchemaError, type FormComponent } from '../../modeling/form-schema.js';

/** Throws a FormSchemaError naming the first rule of the component (at JSON path `where`) the server cannot apply. */
export function assertCheckable(component: FormComponent, where: string): asserts component is FormComponent & { id: string } {
  const problem = firstProblem(component);
  if (problem !== undefined) throw new FormSchemaError(`Invalid form-js schema: ${where}.${problem}`);
}

// helpers

function firstProblem(component: FormComponent): string | undefined {
  if (!component.id) return 'id: a component needs an id';
  const rules = component.validate ?? {};
  for (const name of ['minLength', 'maxLength'] as const) {
    const rule = rules[name];
    if (rule !== undefined && !isExpression(rule) && !(typeof rule === 'number' && rule >= 0)) return `validate.${name}: is neither a length nor a FEEL expression`;
  }
  for (const name of ['min', 'max'] as const) {
    const rule = rules[name];
    if (rule !== undefined && typeof rule !== 'number' && !isExpression(rule)) return `validate.${name}: is neither a number nor a FEEL expression`;
  }
  if (rules.pattern !== undefined && !compiles(rules.pattern)) return 'validate.pattern: is not a valid regular expression';
  return undefined;
}

// min, max, minLength and maxLength may be FEEL expressions in form-js; those are left to the browser.
function isExpression(rule: unknown): boolean {
  return typeof rule === 'string' && rule.startsWith('=');
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
