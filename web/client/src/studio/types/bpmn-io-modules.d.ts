// Type declarations for the bpmn.io packages that ship none; only what the studio uses.

/** A didi module (services by name, `__init__`, `__depends__`) as bpmn-js's `additionalModules` take them. */
type DidiModule = Record<string, unknown>;

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: DidiModule;
  export const BpmnPropertiesProviderModule: DidiModule;
  export const CamundaPlatformPropertiesProviderModule: DidiModule;
}

declare module 'bpmn-js-element-templates' {
  /** Camunda 7 element templates for the properties panel. */
  export const ElementTemplatesPropertiesProviderModule: DidiModule;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform' {
  const CamundaPlatformBehaviors: DidiModule;
  export default CamundaPlatformBehaviors;
}

declare module '@bpmn-io/element-template-chooser' {
  const ElementTemplateChooserModule: DidiModule;
  export default ElementTemplateChooserModule;
}

declare module 'camunda-bpmn-moddle/resources/camunda.json' {
  const descriptor: object;
  export default descriptor;
}

declare module 'camunda-dmn-moddle/resources/camunda.json' {
  const descriptor: object;
  export default descriptor;
}

declare module 'bpmn-js-differ' {
  interface Described {
    $type: string;
    id: string;
    name?: string;
  }
  /** What changed between two bpmn-moddle definitions, by element id. */
  export interface ModelChanges {
    _added: Record<string, Described>;
    _removed: Record<string, Described>;
    _changed: Record<string, { model: Described; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>;
    _layoutChanged: Record<string, Described>;
  }
  export function diff(oldDefinitions: object, newDefinitions: object): ModelChanges;
}

declare module 'dmn-js/lib/Modeler' {
  export interface DmnView {
    type: 'drd' | 'decisionTable' | 'literalExpression' | 'boxedExpression' | string;
    element: { id: string; name?: string };
  }
  export interface DmnViewer {
    get<T = unknown>(name: string): T;
    on(event: string, callback: (event: unknown) => void): void;
    off(event: string, callback: (event: unknown) => void): void;
  }
  /** The dmn-js modeler: a DRD and the editors of decision tables and literal expressions. */
  export default class DmnModeler {
    constructor(options: { container?: HTMLElement; common?: Record<string, unknown>; drd?: Record<string, unknown>; decisionTable?: Record<string, unknown>; [key: string]: unknown });
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    getViews(): DmnView[];
    getActiveView(): DmnView | undefined;
    getActiveViewer(): DmnViewer | undefined;
    open(view: DmnView): Promise<{ warnings: unknown[] }>;
    on(event: string, callback: (event: unknown) => void): void;
    off(event: string, callback: (event: unknown) => void): void;
    destroy(): void;
  }
}
