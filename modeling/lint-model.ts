// One entry point for every kind of model.
import { lintBpmn } from './bpmnlint-config.js';
import { lintDmn, type DmnLintOptions } from './lint-dmn.js';
import { lintForm } from './lint-form.js';
import type { ModelKind, Problem } from './problem.js';

/** Lints a model of any kind. */
export async function lintModel(kind: ModelKind, content: string, options: DmnLintOptions = {}): Promise<Problem[]> {
  switch (kind) {
    case 'process':
      return lintBpmn(content);
    case 'form':
      return lintForm(content);
    case 'decision':
      return lintDmn(content, options);
  }
}
