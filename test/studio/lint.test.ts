import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import recommended from 'bpmnlint/config/recommended.js';
import camundaCompat from 'bpmnlint-plugin-camunda-compat';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { processReferences } from '../../platform/model-deployment.js';
import { lintBpmn } from '../../modeling/bpmnlint-config.js';
import { cityReviewFieldPaths, fieldPathsOf } from '../../modeling/domain-fields.js';
import { lintDmn } from '../../modeling/lint-dmn.js';
import { lintForm } from '../../modeling/lint-form.js';
import { chineseMessage, translatedRules } from '../../modeling/rule-messages.js';
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

  it('set no status a status step cannot reach from where it stands', async () => {
    const declaration = await readFile(path.join(projectRoot, 'processes', 'declaration.bpmn'), 'utf8');
    expect((await lintBpmn(declaration)).filter((problem) => problem.rule === 'status-step')).toEqual([]);
  });
});

describe('status steps', () => {
  const statusStep = (status: string) =>
    smallProcess('p', { taskType: 'serviceTask', taskAttributes: 'camunda:type="external" camunda:topic="application-status"' }).replace(
      '<bpmn:incoming>f1</bpmn:incoming>',
      `<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="status">${status}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming>`,
    );

  it.each([
    ['in-city-library', '状态步骤设置的“已纳入市级重点项目库”无法从申报在此处可能的状态（已提交）到达'],
    ['archived', '状态步骤设置的“archived”不是申报状态；可用的状态：draft、submitted、checking、correction-requested、resubmitted、awaiting-sealed-scans、with-city、refused、withdrawn、in-city-library、recommended、not-recommended'],
  ])('warns of a step setting %s right after the submission', async (status, message) => {
    expect((await lintBpmn(statusStep(status))).filter((p) => p.rule === 'status-step')).toEqual([{ rule: 'status-step', elementId: 'Task', category: 'warn', message }]);
  });

  it('accepts a step whose status the table reaches from there: in the library once the sealed scans are in', async () => {
    const afterSeal = statusStep('in-city-library')
      .replace('sourceRef="Start" targetRef="Task"', 'sourceRef="Start" targetRef="Seal"')
      .replace('<bpmn:serviceTask id="Task"', '<bpmn:userTask id="Seal" name="上传盖章材料" camunda:formRef="sealed-scans" camunda:formRefBinding="deployment" camunda:candidateGroups="x" /><bpmn:sequenceFlow id="f0" sourceRef="Seal" targetRef="Task" /><bpmn:serviceTask id="Task"');
    expect((await lintBpmn(afterSeal)).filter((p) => p.rule === 'status-step')).toEqual([]);
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

describe('the messages an administrator reads', () => {
  // An English sentence: three words in a row, the last two lower case ("Element is not connected").
  const englishSentence = /[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}/;
  const inChinese = (message: string) => /^[\u4e00-\u9fff]/.test(message) && !englishSentence.test(message);

  // Every message bpmnlint 11 and camunda-compat report for the rules the configuration enables, as their sources
  // write it (placeholders filled); a new bpmnlint that changes a message fails here instead of showing English.
  it.each([
    ['ad-hoc-sub-process', 'A <Start Event> is not allowed in <Ad Hoc Sub Process>', '开始事件'],
    ['ad-hoc-sub-process', 'An <End Event> is not allowed in <Ad Hoc Sub Process>', '结束事件'],
    ['conditional-flows', 'Sequence flow is missing condition', '条件'],
    ['end-event-required', 'Process is missing end event', '流程缺少结束事件'],
    ['end-event-required', 'Sub process is missing end event', '子流程缺少结束事件'],
    ['event-based-gateway', 'An <Event-based Gateway> must have at least 2 outgoing <Sequence Flows>', '两条出线'],
    ['event-based-gateway', 'A <Sequence Flow> outgoing from an <Event-based Gateway> must not be conditional', '不能设置条件'],
    ['event-sub-process-typed-start-event', 'Start event is missing event definition', '事件类型'],
    ['fake-join', 'Incoming flows do not join', '汇合'],
    ['global', 'Element is missing name', '缺少名称'],
    ['global', 'Element is unused', '未被使用'],
    ['global', 'Element name is not unique', '名称重复'],
    ['label-required', 'Element is missing label/name', '缺少名称'],
    ['link-event', 'Link event is missing link name', '链接名称'],
    ['link-event', 'Link catch event with link name <甲> missing in scope', '“甲”的链接捕获事件'],
    ['link-event', 'Link throw event with link name <乙> missing in scope', '“乙”的链接抛出事件'],
    ['link-event', 'Duplicate link catch event with link name <丙> in scope', '多个链接名称为“丙”'],
    ['no-bpmndi', 'Element is missing bpmndi', '图形'],
    ['no-complex-gateway', 'Element type <bpmn:ComplexGateway> is discouraged', '复杂网关'],
    ['no-disconnected', 'Element is not connected', '没有连接'],
    ['no-duplicate-sequence-flows', 'SequenceFlow is a duplicate', '连线重复'],
    ['no-duplicate-sequence-flows', 'Duplicate outgoing sequence flows', '重复的出线'],
    ['no-duplicate-sequence-flows', 'Duplicate incoming sequence flows', '重复的入线'],
    ['no-gateway-join-fork', 'Gateway forks and joins', '既汇合又分支'],
    ['no-implicit-end', 'Element is an implicit end', '隐式结束'],
    ['no-implicit-split', 'Flow splits implicitly', '隐式分支'],
    ['no-implicit-start', 'Element is an implicit start', '隐式开始'],
    ['no-inclusive-gateway', 'Element type <bpmn:InclusiveGateway> is discouraged', '包容网关'],
    ['no-overlapping-elements', 'Element overlaps with other element', '重叠'],
    ['no-overlapping-elements', 'Element is outside of parent boundary', '边界'],
    ['single-blank-start-event', 'Process has multiple blank start events', '流程有多个'],
    ['single-blank-start-event', 'Sub process has multiple blank start events', '子流程有多个'],
    ['single-event-definition', 'Event has multiple event definitions', '事件定义'],
    ['start-event-required', 'Process is missing start event', '流程缺少开始事件'],
    ['start-event-required', 'Sub process is missing start event', '子流程缺少开始事件'],
    ['sub-process-blank-start-event', 'Start event must be blank', '无类型'],
    ['superfluous-gateway', 'Gateway is superfluous. It only has one source and target.', '可以删除'],
    ['superfluous-label', 'Sequence flow has superfluous label', '名称多余'],
    ['superfluous-termination', 'Termination is superfluous.', '终止结束事件'],
    ['camunda-compat/history-time-to-live', 'Property <historyTimeToLive> should be configured on <bpmn:Process> or engine level.', '历史保留时间'],
  ])('%s: "%s" in Chinese', (rule, english, chinese) => {
    const message = chineseMessage(rule, english);
    expect(message).toContain(chinese);
    expect(inChinese(message)).toBe(true);
  });

  it('has Chinese for every rule bpmnlint:recommended and camunda-platform-7-24 enable', () => {
    // given
    const enabled = [
      ...Object.keys(recommended.rules ?? {}),
      ...Object.keys(camundaCompat.configs['camunda-platform-7-24']!.rules ?? {}).map((rule) => `camunda-compat/${rule}`),
    ];
    // then
    expect(enabled.filter((rule) => !translatedRules.includes(rule))).toEqual([]);
  });

  it.each([
    { what: 'a disconnected task, no end event and an unnamed task', xml: smallProcess('p', { taskName: '' }).replace(/<bpmn:endEvent[^]*?<\/bpmn:endEvent>/, '').replace('<bpmn:sequenceFlow id="f2" sourceRef="Task" targetRef="End" />', '') },
    { what: 'no history time to live', xml: smallProcess('p').replace(' camunda:historyTimeToLive="P1D"', '') },
    { what: 'an attribute, an element and a reference the reader does not know', xml: smallProcess('p').replace('<bpmn:startEvent id="Start"', '<bpmn:bogus id="B" /><bpmn:startEvent id="Start" foo="x"').replace('targetRef="End"', 'targetRef="Nowhere"') },
    { what: 'XML that is cut off', xml: smallProcess('p').slice(0, 400) },
    { what: 'a file that is no BPMN', xml: '<?xml version="1.0"?><definitions xmlns="http://example.com/other" />' },
  ])('reports $what in Chinese only (the rule id beside it)', async ({ xml }) => {
    const problems = await lintBpmn(xml);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((problem) => !inChinese(problem.message))).toEqual([]);
  });

  it('places an unreadable part of a file by line and column, counted from 1', async () => {
    expect(await lintBpmn('<a></b>')).toEqual([{ rule: 'parse', elementId: '', category: 'error', message: '无法解析模型文件：第 1 行第 4 列的内容 </b> 无法读取：结束标签与开始标签不匹配' }]);
  });

  it.each([
    { what: 'text that is no JSON', json: '{"id": "f", ', expected: '表单不是有效的 JSON' },
    { what: 'a form that is a list', json: '[]', expected: '表单须为 JSON 对象' },
    { what: 'a component that is no object', json: JSON.stringify({ id: 'f', components: ['x'] }), expected: '组件须为 JSON 对象' },
    { what: 'a type that is a number', json: JSON.stringify({ id: 'f', components: [{ id: 'a', type: 3 }] }), expected: '组件的类型（type）须为文字' },
    { what: 'a fractional schemaVersion', json: JSON.stringify({ id: 'f', schemaVersion: 1.5, components: [] }), expected: '表单的 schemaVersion 须为整数' },
    { what: 'children that are no list', json: JSON.stringify({ id: 'f', components: [{ id: 'g', type: 'group', components: {} }] }), expected: '子组件（components）须为列表（components.0.components）' },
    { what: 'a nested key that is no text', json: JSON.stringify({ id: 'f', components: [{ id: 'g', type: 'group', components: [{ id: 'a', type: 'textfield', key: 1 }] }] }), expected: '字段键（key）须为文字（components.0.components.0.key）' },
    { what: 'a rule form-js cannot read', json: JSON.stringify({ id: 'f', components: [{ id: 'a', type: 'number', key: 'n', validate: { min: true } }] }), expected: '组件的属性不符合 form-js 的格式（components.0.validate.min）' },
  ])('reports $what in a form in Chinese', ({ json, expected }) => {
    const problems = lintForm(json);
    expect(problems.map((problem) => problem.message)).toContainEqual(expect.stringContaining(expected));
    expect(problems.filter((problem) => !inChinese(problem.message))).toEqual([]);
  });

  it('names hit policies in Chinese', async () => {
    const problems = await lintDmn(smallDecision('d', { hitPolicy: 'PRIORITY' }));
    expect(problems).toContainEqual(expect.objectContaining({ rule: 'hit-policy', message: expect.stringMatching(/^Camunda 7 不支持命中策略“优先级”（PRIORITY）；可用：唯一、首条命中、任一、汇总、规则顺序$/) }));
  });
});
