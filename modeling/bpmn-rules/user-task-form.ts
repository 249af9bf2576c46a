/// <reference path="../vendor.d.ts" />
import type { RuleFactory } from 'bpmnlint';

/** A user task or start event links one form: a deployed form (camunda:formRef) or a form key, never both (the engine refuses both at deploy time; this says so while editing). */
const userTaskForm: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:UserTask') && !node.$instanceOf('bpmn:StartEvent')) return;
    if (node.get('camunda:formKey') && node.get('camunda:formRef')) {
      reporter.report(node.id, '不能同时设置表单键（camunda:formKey）和表单引用（camunda:formRef）；请只保留表单引用');
    }
  },
});

export default userTaskForm;
