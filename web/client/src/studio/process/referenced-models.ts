import type { ModelKind, ModelSummary } from '../studio-api.js';

/** A form or decision a process refers to, and its latest stored version if the studio has it. */
export interface ReferencedModel {
  kind: Extract<ModelKind, 'form' | 'decision'>;
  key: string;
  latest: ModelSummary | undefined;
}

/**
 * The forms and decisions a process deploys with: `camunda:formRef` and `camunda:decisionRef` with a fixed key, and
 * the process's `deployWithForm` properties (forms the server picks at run time). Expressions (`${…}`) are skipped.
 */
export function referencedModels(xml: string, models: readonly ModelSummary[]): ReferencedModel[] {
  const found = new Map<string, ReferencedModel>();
  const add = (kind: ReferencedModel['kind'], key: string) => {
    if (key.includes('${') || found.has(`${kind}:${key}`)) return;
    found.set(`${kind}:${key}`, { kind, key, latest: models.find((model) => model.kind === kind && model.key === key) });
  };
  for (const [, key] of xml.matchAll(/camunda:formRef="([^"]+)"/g)) add('form', unescape(key!));
  for (const [, key] of xml.matchAll(/name="deployWithForm"\s+value="([^"]+)"/g)) add('form', unescape(key!));
  for (const [, key] of xml.matchAll(/camunda:decisionRef="([^"]+)"/g)) add('decision', unescape(key!));
  return [...found.values()];
}

// helpers

function unescape(value: string): string {
  return value.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}
