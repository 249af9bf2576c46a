// Lint while editing: the same checks the server runs before a deploy (modeling/, shared by browser and server).
import { lintModel } from '../../../../../modeling/lint-model.js';
import type { ModelKind, Problem } from '../studio-api.js';

/** The lint findings of a model's content as the editor has it now. */
export function lintContent(kind: ModelKind, content: string): Promise<Problem[]> {
  return lintModel(kind, content);
}
