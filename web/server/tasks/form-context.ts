// Which process variables a task's form is given: those its texts, conditions and read-only fields refer to, never
// the values a person fills in (a second review round must not start from the first round's decision).

type Component = { type?: string; key?: string; path?: string; readonly?: unknown; disabled?: unknown; components?: Component[] };

/** The variables a deployed form-js form refers to, without those of its editable fields. */
export function formContext(form: unknown, variables: Record<string, unknown>): Record<string, unknown> {
  const text = JSON.stringify(form ?? {});
  const editable = editableKeys((form as { components?: Component[] } | null)?.components ?? []);
  return Object.fromEntries(
    Object.entries(variables).filter(([name]) => !editable.has(name) && new RegExp(`(^|[^A-Za-z0-9_])${escape(name)}([^A-Za-z0-9_]|$)`).test(text)),
  );
}

// helpers

function editableKeys(components: Component[], keys = new Set<string>()): Set<string> {
  for (const component of components) {
    const name = component.key ?? component.path;
    if (name && component.readonly !== true && component.disabled !== true) keys.add(name.split('.')[0]!);
    editableKeys(component.components ?? [], keys);
  }
  return keys;
}

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
