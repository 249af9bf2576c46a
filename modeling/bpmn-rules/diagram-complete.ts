/// <reference path="../vendor.d.ts" />
import type { ModdleElement } from 'bpmn-moddle';
import type { RuleFactory } from 'bpmnlint';

/**
 * Every drawable element has a shape or an edge, so the desktop Camunda Modeler shows the whole model. A model with
 * no diagram at all is reported once, on the definitions.
 */
const diagramComplete: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:Definitions')) return;
    if (lacksDiagram(node)) {
      reporter.report(node.id, '模型没有图形（BPMN DI），桌面版 Camunda Modeler 无法显示；请在建模器中绘制后再保存');
      return false;
    }
    const drawn = drawnElements(node);
    for (const element of drawableElements(node)) {
      if (!drawn.has(element)) reporter.report(element.id, '该元素没有图形（缺少 BPMN DI 形状或连线）');
    }
    return false;
  },
});

export default diagramComplete;

/** True when the model has flow elements but no diagram element at all. */
export function lacksDiagram(definitions: ModdleElement): boolean {
  return drawnElements(definitions).size === 0 && drawableElements(definitions).length > 0;
}

// helpers

function drawnElements(definitions: ModdleElement): Set<unknown> {
  const drawn = new Set<unknown>();
  for (const diagram of list(definitions.diagrams)) {
    const plane = (diagram as ModdleElement).plane as ModdleElement | undefined;
    for (const element of list(plane?.planeElement)) drawn.add((element as ModdleElement).bpmnElement);
  }
  return drawn;
}

function drawableElements(definitions: ModdleElement): ModdleElement[] {
  const found: ModdleElement[] = [];
  const visit = (container: ModdleElement) => {
    for (const element of list(container.flowElements) as ModdleElement[]) {
      if (isDrawable(element)) found.push(element);
      if (element.$instanceOf('bpmn:SubProcess')) visit(element);
    }
    for (const artifact of list(container.artifacts) as ModdleElement[]) found.push(artifact);
  };
  for (const root of list(definitions.rootElements) as ModdleElement[]) {
    if (root.$instanceOf('bpmn:Process')) visit(root);
    if (root.$instanceOf('bpmn:Collaboration')) {
      found.push(...(list(root.participants) as ModdleElement[]), ...(list(root.messageFlows) as ModdleElement[]));
      for (const artifact of list(root.artifacts) as ModdleElement[]) found.push(artifact);
    }
  }
  return found;
}

function isDrawable(element: ModdleElement): boolean {
  return ['bpmn:FlowNode', 'bpmn:SequenceFlow', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference'].some((type) => element.$instanceOf(type));
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
