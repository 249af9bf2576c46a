import type { Problem } from '../studio-api.js';
import type { ProcessModeler } from './process-modeler.js';

const markers = { error: 'studio-lint-error', warn: 'studio-lint-warn' } as const;

/** Marks the elements that have problems on the canvas (red for errors, amber for warnings), clearing old marks. */
export function markProblems(modeler: ProcessModeler, problems: readonly Problem[]): void {
  const registry = modeler.get('elementRegistry');
  const canvas = modeler.get('canvas');
  for (const element of registry.filter(() => true)) {
    canvas.removeMarker(element, markers.error);
    canvas.removeMarker(element, markers.warn);
  }
  for (const problem of problems) {
    const element = problem.elementId ? registry.get(problem.elementId) : undefined;
    if (element) canvas.addMarker(element, markers[problem.category]);
  }
}

/** Selects an element and scrolls it into view; false when the diagram has no element of that id. */
export function showElement(modeler: ProcessModeler, elementId: string): boolean {
  const element = modeler.get('elementRegistry').get(elementId);
  if (!element) return false;
  modeler.get('selection').select(element);
  if (!element.type.endsWith(':Process') && !element.type.endsWith(':Collaboration')) modeler.get('canvas').scrollToElement(element);
  return true;
}
