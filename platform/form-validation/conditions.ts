// The server understands only the two simplest `conditional.hide` expressions; evaluating FEEL in general would
// need the whole FEEL interpreter. Any other expression leaves the field visible, so it is always validated:
// the server may then ask for a field the browser hid, never accept one it should have checked.

/** A hide condition the server can decide, or undefined when the field is never hidden by it. */
export type HideCondition = { hideWhen: boolean; variable: string[] };

// A FEEL name or dotted path; the literals are excluded because `=true` is no variable.
const name = '(?!(?:true|false|null)\\b)[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*';
const plain = new RegExp(`^=\\s*(${name})\\s*$`);
const negated = new RegExp(`^=\\s*not\\s*\\(\\s*(${name})\\s*\\)\\s*$`);

/** Reads `=fieldKey` (hide when true) and `=not(fieldKey)` (hide when false); anything else yields undefined. */
export function parseHideCondition(expression: string | boolean | undefined): HideCondition | undefined {
  if (typeof expression !== 'string') return undefined;
  const whenTrue = plain.exec(expression);
  if (whenTrue?.[1] !== undefined) return { hideWhen: true, variable: whenTrue[1].split('.') };
  const whenFalse = negated.exec(expression);
  if (whenFalse?.[1] !== undefined) return { hideWhen: false, variable: whenFalse[1].split('.') };
  return undefined;
}

/** Whether a condition hides its field, given a lookup of the variable. */
export function hides(condition: HideCondition, lookup: (variable: string[]) => unknown): boolean {
  // In FEEL only a boolean hides: `=x` with x null or a string, and `not(x)` of a non-boolean, are null.
  return lookup(condition.variable) === condition.hideWhen;
}
