// The process modeler: bpmn-js with the Camunda 7 properties panel, Camunda 7 element templates and their chooser.
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import CamundaPlatformBehaviors from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule } from 'bpmn-js-properties-panel';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { chineseTranslateModule } from '../shared/chinese-translate.js';

/** The diagram element of bpmn-js (a shape or connection) with its business object. */
export interface DiagramElement {
  id: string;
  type: string;
  businessObject: { id: string; name?: string; $type: string; get(name: string): unknown };
  labelTarget?: unknown;
  parent?: { type: string };
}

/** The bpmn-js services the studio calls, typed as far as it uses them. */
export interface ModelerServices {
  elementRegistry: { get(id: string): DiagramElement | undefined; filter(fn: (element: DiagramElement) => boolean): DiagramElement[] };
  selection: { select(element: DiagramElement | DiagramElement[] | null): void; get(): DiagramElement[] };
  canvas: { scrollToElement(element: DiagramElement): void; addMarker(element: DiagramElement | string, marker: string): void; removeMarker(element: DiagramElement | string, marker: string): void; zoom(level: 'fit-viewport' | number): number };
  modeling: { updateProperties(element: DiagramElement, properties: Record<string, unknown>): void };
  elementTemplatesLoader: { setTemplates(templates: object[]): void };
  commandStack: { canUndo(): boolean };
}

export type ProcessModeler = Omit<BpmnModeler, 'get'> & { get<K extends keyof ModelerServices>(name: K): ModelerServices[K] };

/** Creates the modeler in `canvas`, with its properties panel in `panel`. */
export function createProcessModeler(canvas: HTMLElement, panel: HTMLElement): ProcessModeler {
  return new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: panel },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      // What the desktop Modeler does on every edit: one form per user task, input/output and extension elements
      // kept consistent, no leftovers when an element changes type or is copied.
      CamundaPlatformBehaviors,
      ElementTemplatesPropertiesProviderModule,
      ElementTemplateChooserModule,
      chineseTranslateModule,
    ],
    moddleExtensions: { camunda: camundaModdle },
  }) as unknown as ProcessModeler;
}

/** Whether an element can carry a Camunda form (`camunda:formRef`): a user task, or a process's start event. */
export function canLinkForm(element: DiagramElement | undefined): element is DiagramElement {
  if (!element || element.labelTarget) return false;
  return element.type === 'bpmn:UserTask' || (element.type === 'bpmn:StartEvent' && element.parent?.type !== 'bpmn:SubProcess');
}

/** Links a form to a user task or start event, bound to the form deployed with the process; none unlinks. */
export function linkForm(modeler: ProcessModeler, element: DiagramElement, formKey: string | undefined): void {
  // Camunda's behaviours (CamundaPlatformBehaviors) drop a form key and a form version that no longer apply; naming
  // camunda:formKey here at all would make them drop the form reference instead.
  modeler.get('modeling').updateProperties(element, {
    'camunda:formRef': formKey,
    'camunda:formRefBinding': formKey ? 'deployment' : undefined,
  });
}
