/// <reference path="../vendor.d.ts" />
import type { RuleFactory } from 'bpmnlint';

/**
 * Forms and decision tables are deployed together with the process that references them (one release), and an
 * instance must keep using the versions it started with: references bind to the own deployment.
 */
const deploymentBinding: RuleFactory = () => ({
  check(node, reporter) {
    if ((node.$instanceOf('bpmn:UserTask') || node.$instanceOf('bpmn:StartEvent')) && node.get('camunda:formRef')) {
      if (node.get('camunda:formRefBinding') !== 'deployment') {
        reporter.report(node.id, '表单引用须使用“同一部署”绑定（camunda:formRefBinding="deployment"），运行中的申报才会一直使用发起时的表单版本');
      }
    }
    if (node.$instanceOf('bpmn:BusinessRuleTask') && node.get('camunda:decisionRef')) {
      if (node.get('camunda:decisionRefBinding') !== 'deployment') {
        reporter.report(node.id, '决策表引用须使用“同一部署”绑定（camunda:decisionRefBinding="deployment"），运行中的申报才会一直使用发起时的规则版本');
      }
    }
  },
});

export default deploymentBinding;
