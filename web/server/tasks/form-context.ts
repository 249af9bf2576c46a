// Which process variables a task's form is given: those its texts, conditions and read-only fields refer to, never
// the values a person fills in (a second review round must not start from the first round's decision).
import { allComponents, formSchema, type FormComponent } from '../../../modeling/form-schema.js';

/** The variables a deployed form-js form refers to, without those of its editable fields; none for a malformed form. */
export function formContext(form: unknown, variables: Record<string, unknown>): Record<string, unknown> {
  const parsed = formSchema.safeParse(form);
  if (!parsed.success) return {};
  const text = JSON.stringify(form);
  const editable = editableKeys(parsed.data.components);
  return Object.fromEntries(
    Object.entries(variables).filter(([name]) => !editable.has(name) && new RegExp(`(^|[^A-Za-z0-9_])${escape(name)}([^A-Za-z0-9_]|$)`).test(text)),
  );
}

// helpers

// The first segment of each key or path a person can fill in: the process variable it writes.
function editableKeys(components: readonly FormComponent[]): Set<string> {
  return new Set(allComponents(components).flatMap((component) => {
    const name = component.key ?? component.path;
    return name && component.readonly !== true && component.disabled !== true ? [name.split('.')[0]!] : [];
  }));
}

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
