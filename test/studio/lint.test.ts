import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { processReferences } from '../../platform/model-deployment.js';
import { lintBpmn } from '../../modeling/bpmnlint-config.js';
import { cityReviewFieldPaths, fieldPathsOf } from '../../modeling/domain-fields.js';
import { lintDmn } from '../../modeling/lint-dmn.js';
import { lintForm } from '../../modeling/lint-form.js';
import { workerTopics } from '../../modeling/worker-topics.js';
import { cityReview } from '../../web/server/tasks/completions/city-review.js';
import { allWorkers } from '../../workers/index.js';
import { smallDecision, smallForm, smallProcess } from './fixtures.js';

// The checks the editor runs in the browser and the server runs before a deploy (modeling/): each problem names
// its rule and element.

const shipped = async (dir: string, extension: string) => {
  const names = (await readdir(path.join(projectRoot, dir))).filter((name) => name.endsWith(extension));
  return Promise.all(names.map(async (name) => ({ name, content: await readFile(path.join(projectRoot, dir, name), 'utf8') })));
};

describe('the shipped models', () => {
  it('pass every check without an error', async () => {
    const processes = await shipped('processes', '.bpmn');
    const referencedDecisions = processes.flatMap((p) => processReferences(p.content)).filter((r) => r.kind === 'decision').map((r) => r.id);
    const errors = [
      ...(await Promise.all(processes.map(async (p) => (await lintBpmn(p.content)).map((problem) => ({ file: p.name, ...problem }))))).flat(),
      ...(await shipped('forms', '.form')).flatMap((f) => lintForm(f.content).map((problem) => ({ file: f.name, ...problem }))),
      ...(await Promise.all((await shipped('processes', '.dmn')).map(async (d) => (await lintDmn(d.content, { requiredDecisionIds: referencedDecisions.filter((id) => d.content.includes(`id="${id}"`)) })).map((problem) => ({ file: d.name, ...problem }))))).flat(),
    ].filter((problem) => problem.category === 'error');
    expect(errors).toEqual([]);
  });
});

describe('BPMN checks', () => {
  it.each([
    { what: 'no execution platform', xml: smallProcess('p', { executionPlatform: false }), rule: 'execution-platform', elementId: 'Definitions_p' },
    { what: 'an element without a shape', xml: smallProcess('p', { diagram: 'without-task' }), rule: 'diagram-complete', elementId: 'Task' },
    { what: 'no diagram at all', xml: smallProcess('p', { diagram: 'none' }), rule: 'diagram-complete', elementId: 'Definitions_p' },
    { what: 'a form key and a form reference', xml: smallProcess('p', { taskAttributes: 'camunda:formKey="x" camunda:formRef="f" camunda:formRefBinding="deployment"' }), rule: 'user-task-form', elementId: 'Task' },
    { what: 'a form reference bound to the latest version', xml: smallProcess('p', { taskAttributes: 'camunda:formRef="f"' }), rule: 'deployment-binding', elementId: 'Task' },
    { what: 'an unknown external-task topic', xml: smallProcess('p', { taskType: 'serviceTask', taskAttributes: 'camunda:type="external" camunda:topic="nobody"' }), rule: 'external-task-topic', elementId: 'Task' },
    { what: 'a Java class the engine does not have', xml: smallProcess('p', { taskType: 'serviceTask', taskAttributes: 'camunda:class="cn.example.Step"' }), rule: 'external-task-topic', elementId: 'Task' },
    { what: 'a process that is not executable', xml: smallProcess('p').replace('isExecutable="true"', 'isExecutable="false"'), rule: 'executable-process', elementId: 'p' },
    { what: 'no end event (bpmnlint)', xml: smallProcess('p').replace(/<bpmn:endEvent[^]*?<\/bpmn:endEvent>/, ''), rule: 'end-event-required', elementId: 'p' },
    { what: 'a task without a name (a warning)', xml: smallProcess('p', { taskName: '' }), rule: 'label-required', elementId: 'Task', category: 'warn' },
    { what: 'no history time to live (camunda-compat 7.24, a warning)', xml: smallProcess('p').replace(' camunda:historyTimeToLive="P1D"', ''), rule: 'camunda-compat/history-time-to-live', elementId: 'p', category: 'warn' },
    { what: 'XML that does not parse', xml: '<bpmn:definitions', rule: 'parse', elementId: '' },
  ])('reports $what as $rule on $elementId', async ({ xml, rule, elementId, category = 'error' }) => {
    const problems = await lintBpmn(xml);
    expect(problems).toContainEqual({ rule, elementId, category, message: expect.any(String) });
    // every message is for the administrator: Chinese first
    expect(problems.every((p) => /^[\u4e00-\u9fff]/.test(p.message))).toBe(true);
  });

  it('answers the same for the same model, lint after lint', async () => {
    const xml = await readFile(path.join(projectRoot, 'processes', 'declaration.bpmn'), 'utf8');
    expect(await lintBpmn(xml)).toEqual(await lintBpmn(xml));
  });

  it('knows exactly the topics the workers handle', () => {
    expect([...workerTopics].sort()).toEqual(allWorkers.map((w) => w.topic).sort());
  });
});

describe('form checks', () => {
  const field = (id: string, type: string, key?: string) => ({ id, type, ...(key ? { key } : {}), label: id });
  it.each([
    { what: 'no id', json: JSON.stringify({ type: 'default', components: [] }), rule: 'form-id', elementId: '' },
    { what: 'a duplicate key', json: smallForm('f', [field('a', 'textfield', 'x'), field('b', 'number', 'x')]), rule: 'unique-key', elementId: 'b' },
    { what: 'a key that is no variable name', json: smallForm('f', [field('a', 'textfield', 'project-name')]), rule: 'valid-key', elementId: 'a' },
    { what: 'a duplicate component id', json: smallForm('f', [field('a', 'textfield', 'x'), field('a', 'textfield', 'y')]), rule: 'unique-id', elementId: 'a' },
    { what: 'a component form-js does not know', json: smallForm('f', [field('a', 'signature', 'x')]), rule: 'component-type', elementId: 'a' },
    { what: 'a component Camunda’s Tasklist cannot show (a warning)', json: smallForm('f', [field('a', 'documentPreview')]), rule: 'component-type', elementId: 'a', category: 'warn' },
    { what: 'a missing field the rules read', json: smallForm('city-preliminary-review', [field('a', 'textfield', 'cityOpinion')]), rule: 'domain-field', elementId: 'city-preliminary-review' },
    { what: 'a component without a type', json: JSON.stringify({ id: 'f', components: [{ id: 'a' }] }), rule: 'form-schema', elementId: 'a' },
  ])('reports $what as $rule', ({ json, rule, elementId, category = 'error' }) => {
    expect(lintForm(json)).toContainEqual({ rule, elementId, category, message: expect.any(String) });
  });

  it('accepts the file picker the project’s own pages render, nested keys in lists, and fields the rules do not read', () => {
    const form = smallForm('f', [field('a', 'filepicker', 'scan'), { id: 'list', type: 'dynamiclist', path: 'targets', components: [field('b', 'textfield', 'indicator')] }, field('c', 'textfield', 'indicator')]);
    expect(lintForm(form)).toEqual([]);
  });

  it('names the city review fields the server reads', () => {
    expect([...cityReviewFieldPaths].sort()).toEqual(fieldPathsOf(cityReview).sort());
  });
});

describe('decision checks', () => {
  it.each([
    { what: 'a hit policy Camunda 7 lacks', xml: smallDecision('d', { hitPolicy: 'PRIORITY' }), rule: 'hit-policy', elementId: 'd' },
    { what: 'a rule with too few entries', xml: smallDecision('d').replace(/<inputEntry[^]*?<\/inputEntry>/, ''), rule: 'rule-entries', elementId: 'Rule_any' },
    { what: 'a decision a process references gone', xml: smallDecision('d'), rule: 'decision-missing', elementId: 'Definitions_d', required: ['minimumIntegrationStage'] },
    { what: 'XML that does not parse', xml: '<definitions', rule: 'parse', elementId: '' },
  ])('reports $what as $rule', async ({ xml, rule, elementId, required = [] }) => {
    expect(await lintDmn(xml, { requiredDecisionIds: required })).toContainEqual({ rule, elementId, category: 'error', message: expect.any(String) });
  });
});
