import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { validate } from '@bpmn-io/element-templates-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deployBundle } from '../../platform/model-deployment.js';
import { allWorkers } from '../../workers/index.js';
import { ELEMENT_TEMPLATES_DIR, loadElementTemplates } from '../../web/server/studio/element-templates.js';
import { testEngine, waitFor } from '../support/engine.js';
import { studioAdministrator } from '../support/studio.js';
import { testApp } from '../support/web.js';

// Every worker topic has its element template (workers/templates/<topic>.json), and every template is a worker's:
// the process editor offers "check application", "render documents" … with their inputs and outputs named.

interface Template {
  id: string;
  name: string;
  appliesTo: string[];
  properties: { type: string; value?: string; binding: { type: string; name?: string; source?: string } }[];
}

const topicOf = (template: Template) => template.properties.find((p) => p.binding.type === 'property' && p.binding.name === 'camunda:topic')?.value;
const zArray = z.array(z.object({ name: z.string(), activityInstanceId: z.string().nullable() }));
const shapeOf = (schema: z.ZodType) => (schema as unknown as { shape: Record<string, z.ZodType> }).shape;

describe('element templates of the workers', () => {
  let templates: Template[];
  beforeAll(async () => {
    templates = (await loadElementTemplates()) as unknown as Template[];
  });

  it('cover every topic of workers/index.ts, one file per topic, and no other', async () => {
    const files = (await readdir(ELEMENT_TEMPLATES_DIR)).filter((name) => name.endsWith('.json')).sort();
    expect(files).toEqual(allWorkers.map((w) => `${w.topic}.json`).sort());
    expect(templates.map(topicOf).sort()).toEqual(allWorkers.map((w) => w.topic).sort());
  });

  it.each(allWorkers.map((worker) => [worker.topic, worker] as const))('%s: a valid Camunda 7 template, an external task, with the worker’s inputs and outputs', (topic, worker) => {
    const template = templates.find((t) => topicOf(t) === topic)!;
    expect(validate(template).errors).toBeNull();
    expect(template).toMatchObject({ id: `iiot.${topic}`, appliesTo: ['bpmn:ServiceTask'] });
    expect(template.name).toMatch(/^[\u4e00-\u9fff]/);
    expect(template.properties).toContainEqual({ type: 'Hidden', value: 'external', binding: { type: 'property', name: 'camunda:type' } });
    expect(template.properties).toContainEqual({ type: 'Hidden', value: topic, binding: { type: 'property', name: 'camunda:topic' } });
    const inputs = template.properties.filter((p) => p.binding.type === 'camunda:inputParameter').map((p) => p.binding.name!);
    const outputs = template.properties.filter((p) => p.binding.type === 'camunda:outputParameter').map((p) => p.value!);
    const input = shapeOf(worker.input);
    const required = Object.keys(input).filter((name) => !input[name]!.safeParse(undefined).success);
    // every input the template maps is one the worker reads, and every one the worker needs is mapped
    expect(inputs.filter((name) => !(name in input))).toEqual([]);
    expect(required.filter((name) => !inputs.includes(name))).toEqual([]);
    // every output it maps is one the worker writes, from that variable
    expect(outputs.filter((name) => !(name in shapeOf(worker.output)))).toEqual([]);
    for (const property of template.properties.filter((p) => p.binding.type === 'camunda:outputParameter')) expect(property.binding.source).toBe(`\${${property.value}}`);
  });

  it('make a task the engine runs and the worker handles: the reminders’ template, applied as the editor would', async () => {
    // given: a process whose service task carries the template's bindings; the modeller sets the days to 0, so the
    // step reminds no unit of another test's call
    const template = templates.find((t) => topicOf(t) === 'batch-reminders')!;
    const processId = `templated_${randomBytes(4).toString('hex')}`;
    const { client, api } = testEngine();
    await deployBundle(client, { name: processId, files: [{ fileName: `${processId}.bpmn`, content: templatedProcess(processId, template, { daysBefore: '0' }) }] });
    // when: started with no variables (the template maps its inputs from constants)
    const instance = await api.startProcess(processId, processId, {});
    // then: the worker ran, and the output the template maps out is the process's variable
    await waitFor('the templated step', async () => ((await api.historicProcessInstance(instance.id)).state === 'COMPLETED' ? true : undefined));
    const variables = await client.request('GET', `/history/variable-instance?processInstanceId=${instance.id}`, { schema: zArray });
    expect(variables.filter((v) => v.activityInstanceId === instance.id).map((v) => v.name).sort()).toEqual(['reminded']);
  });

  describe('served to the studio', () => {
    let web: Awaited<ReturnType<typeof testApp>>;
    beforeAll(async () => {
      web = await testApp();
    });
    afterAll(() => web.close());

    it('as one JSON array', async () => {
      const answer = await web.app.inject({ method: 'GET', url: '/api/studio/element-templates', headers: await studioAdministrator(web.app, web.db) });
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toEqual(templates);
    });
  });
});

// helpers

/**
 * start → a service task with the template's properties applied → end (no diagram: the engine needs none);
 * `values` are what the modeller typed into the template's input fields.
 */
function templatedProcess(processId: string, template: Template, values: Record<string, string> = {}): string {
  const attribute = (name: string) => template.properties.find((p) => p.binding.type === 'property' && p.binding.name === name)!.value;
  const inputs = template.properties.filter((p) => p.binding.type === 'camunda:inputParameter').map((p) => `<camunda:inputParameter name="${p.binding.name}">${values[p.binding.name!] ?? p.value}</camunda:inputParameter>`);
  const outputs = template.properties.filter((p) => p.binding.type === 'camunda:outputParameter').map((p) => `<camunda:outputParameter name="${p.value}">${p.binding.source}</camunda:outputParameter>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_${processId}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Templated" camunda:modelerTemplate="${template.id}" camunda:type="${attribute('camunda:type')}" camunda:topic="${attribute('camunda:topic')}">
      <bpmn:extensionElements><camunda:inputOutput>${inputs.join('')}${outputs.join('')}</camunda:inputOutput></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Templated" />
    <bpmn:sequenceFlow id="f2" sourceRef="Templated" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
}
