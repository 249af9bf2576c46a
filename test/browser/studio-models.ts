// Models of the studio's end-to-end browser test, unique per run so deploying them changes no other test's process:
// a form with one field, and a process start → user task (the form, a candidate group) → timer → external task → end,
// with the Camunda 7.24 execution platform and a complete diagram, as the desktop Camunda Modeler writes them.

export interface StudioTestModels {
  form: { key: string; fileName: string; content: string };
  process: { key: string; fileName: string; content: string };
}

/** The two models, their keys ending in `suffix`. */
export function studioTestModels(suffix: string): StudioTestModels {
  const formKey = `studio-e2e-form-${suffix}`;
  const processKey = `studio-e2e-${suffix}`;
  return {
    form: { key: formKey, fileName: `${formKey}.form`, content: formContent(formKey) },
    process: { key: processKey, fileName: `${processKey}.bpmn`, content: processContent(processKey, formKey) },
  };
}

// helpers

function formContent(id: string): string {
  return `${JSON.stringify({
    id,
    type: 'default',
    schemaVersion: 19,
    executionPlatform: 'Camunda Platform',
    executionPlatformVersion: '7.24.0',
    exporter: { name: 'Camunda Modeler', version: '5.40.0' },
    components: [{ id: 'opinion', type: 'textfield', key: 'opinion', label: '审核意见' }],
  }, null, 2)}\n`;
}

function processContent(id: string, formKey: string): string {
  const shape = (element: string, x: number, y: number, width: number, height: number) =>
    `<bpmndi:BPMNShape id="${element}_di" bpmnElement="${element}"><dc:Bounds x="${x}" y="${y}" width="${width}" height="${height}" /></bpmndi:BPMNShape>`;
  const edge = (flow: string, from: number, to: number) =>
    `<bpmndi:BPMNEdge id="${flow}_di" bpmnElement="${flow}"><di:waypoint x="${from}" y="120" /><di:waypoint x="${to}" y="120" /></bpmndi:BPMNEdge>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:modeler="http://camunda.org/schema/modeler/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_${id}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.40.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
  <bpmn:process id="${id}" name="工作室测试流程 ${id}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="Start" name="开始"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Review" name="审核" camunda:formRef="${formKey}" camunda:formRefBinding="deployment" camunda:candidateGroups="province"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>
    <bpmn:intermediateCatchEvent id="Wait" name="等待"><bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_3</bpmn:outgoing><bpmn:timerEventDefinition id="Wait_timer"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:serviceTask id="Notify" name="通知" camunda:type="external" camunda:topic="application-status"><bpmn:incoming>Flow_3</bpmn:incoming><bpmn:outgoing>Flow_4</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="Done" name="结束"><bpmn:incoming>Flow_4</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Review" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Review" targetRef="Wait" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Wait" targetRef="Notify" />
    <bpmn:sequenceFlow id="Flow_4" sourceRef="Notify" targetRef="Done" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${id}">
    <bpmndi:BPMNPlane id="Plane_${id}" bpmnElement="${id}">
      ${shape('Start', 100, 102, 36, 36)}
      ${shape('Review', 200, 80, 100, 80)}
      ${shape('Wait', 362, 102, 36, 36)}
      ${shape('Notify', 460, 80, 100, 80)}
      ${shape('Done', 622, 102, 36, 36)}
      ${edge('Flow_1', 136, 200)}
      ${edge('Flow_2', 300, 362)}
      ${edge('Flow_3', 398, 460)}
      ${edge('Flow_4', 560, 622)}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
