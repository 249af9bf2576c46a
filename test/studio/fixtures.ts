import { randomBytes } from 'node:crypto';

/** A fresh process key of a test's own, so tests sharing the database never meet. */
export function testKey(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

export interface SmallProcessOptions {
  /** Extra attributes of the user task, e.g. a form reference. */
  taskAttributes?: string;
  /** The task's name. */
  taskName?: string;
  /** Declare the Camunda 7.24 execution platform (default true). */
  executionPlatform?: boolean;
  /** Draw the diagram: all, none, or every element but the task. */
  diagram?: 'complete' | 'none' | 'without-task';
  /** The task's type (default a user task for the province). */
  taskType?: 'userTask' | 'serviceTask';
}

/** start → task (a user task for the province) → end, with its diagram: a process the engine and the lint both accept by default. */
export function smallProcess(processId: string, options: SmallProcessOptions = {}): string {
  const { taskAttributes = '', taskName = '审核', executionPlatform = true, diagram = 'complete', taskType = 'userTask' } = options;
  const assignment = taskType === 'userTask' ? ' camunda:candidateGroups="province"' : '';
  const platform = executionPlatform ? ' xmlns:modeler="http://camunda.org/schema/modeler/1.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0"' : '';
  const shapes = [
    '<bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>',
    diagram === 'without-task' ? '' : '<bpmndi:BPMNShape id="Task_di" bpmnElement="Task"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>',
    '<bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="392" y="102" width="36" height="36" /></bpmndi:BPMNShape>',
    '<bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>',
    '<bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="120" /><di:waypoint x="392" y="120" /></bpmndi:BPMNEdge>',
  ].join('\n      ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_${processId}" targetNamespace="http://bpmn.io/schema/bpmn"${platform}>
  <bpmn:process id="${processId}" name="测试流程" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="Start" name="开始"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:${taskType} id="Task" name="${taskName}"${assignment}${taskAttributes ? ` ${taskAttributes}` : ''}><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:${taskType}>
    <bpmn:endEvent id="End" name="结束"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task" />
    <bpmn:sequenceFlow id="f2" sourceRef="Task" targetRef="End" />
  </bpmn:process>${diagram === 'none' ? '' : `
  <bpmndi:BPMNDiagram id="Diagram_${processId}">
    <bpmndi:BPMNPlane id="Plane_${processId}" bpmnElement="${processId}">
      ${shapes}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>`}
</bpmn:definitions>
`;
}

/** A small form-js form with one required text field, in the shape the desktop Modeler writes. */
export function smallForm(formId: string, components: object[] = [{ id: 'Field_note', type: 'textfield', key: 'note', label: '备注', validate: { required: true } }]): string {
  return `${JSON.stringify({ id: formId, type: 'default', schemaVersion: 16, executionPlatform: 'Camunda Platform', executionPlatformVersion: '7.24.0', components }, null, 2)}\n`;
}

/** A one-decision DMN table: FIRST hit policy, one input, one output. */
export function smallDecision(decisionId: string, options: { hitPolicy?: string; output?: string } = {}): string {
  const { hitPolicy = 'FIRST', output = '"single-coverage"' } = options;
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${decisionId}" name="测试决策" namespace="http://camunda.org/schema/1.0/dmn" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
  <decision id="${decisionId}" name="测试决策" camunda:historyTimeToLive="P1D">
    <decisionTable id="Table_${decisionId}" hitPolicy="${hitPolicy}">
      <input id="Input_direction" label="方向"><inputExpression id="InputExpression_direction" typeRef="string"><text>direction</text></inputExpression></input>
      <output id="Output_stage" label="阶段" name="stage" typeRef="string" />
      <rule id="Rule_any"><inputEntry id="InputEntry_any"><text></text></inputEntry><outputEntry id="OutputEntry_any"><text>${output}</text></outputEntry></rule>
    </decisionTable>
  </decision>
  <dmndi:DMNDI><dmndi:DMNDiagram id="Diagram_${decisionId}"><dmndi:DMNShape id="Shape_${decisionId}" dmnElementRef="${decisionId}"><dc:Bounds height="80" width="180" x="160" y="100" /></dmndi:DMNShape></dmndi:DMNDiagram></dmndi:DMNDI>
</definitions>
`;
}
