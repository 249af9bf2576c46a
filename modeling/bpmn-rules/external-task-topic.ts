/// <reference path="../vendor.d.ts" />
import type { ModdleElement } from 'bpmn-moddle';
import type { RuleFactory } from 'bpmnlint';
import { workerTopics } from '../worker-topics.js';

const IMPLEMENTED = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask', 'bpmn:MessageEventDefinition'];

/**
 * Automated steps run as external tasks that this project's workers handle: a topic no worker fetches would wait
 * forever, and the engine holds no project Java classes or beans to call instead.
 */
const externalTaskTopic: RuleFactory = () => ({
  check(node, reporter) {
    if (!IMPLEMENTED.some((type) => node.$instanceOf(type))) return;
    const elementId = node.$instanceOf('bpmn:MessageEventDefinition') ? (node.$parent as ModdleElement | undefined)?.id : node.id;
    if (node.get('camunda:class') || node.get('camunda:delegateExpression')) {
      reporter.report(elementId, '引擎中没有本项目的 Java 类或委托对象；自动步骤请使用外部任务（camunda:type="external"）并选择元素模板');
      return;
    }
    if (node.get('camunda:type') !== 'external') {
      const needsImplementation = (node.$instanceOf('bpmn:ServiceTask') || node.$instanceOf('bpmn:SendTask')) && !node.get('camunda:expression');
      if (needsImplementation) reporter.report(elementId, '服务任务未设置实现方式；请选择元素模板（外部任务）');
      return;
    }
    const topic = node.get('camunda:topic');
    if (typeof topic !== 'string' || !topic.trim()) reporter.report(elementId, '外部任务缺少主题（camunda:topic）');
    else if (!topic.includes('${') && !workerTopics.includes(topic)) {
      reporter.report(elementId, `没有处理主题“${topic}”的外部任务程序；可用的主题：${workerTopics.join('、')}`);
    }
  },
});

export default externalTaskTopic;
