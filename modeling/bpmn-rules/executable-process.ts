/// <reference path="../vendor.d.ts" />
import type { ModdleElement } from 'bpmn-moddle';
import type { RuleFactory } from 'bpmnlint';

/** The model must have an executable process: the engine makes no process definition of any other. */
const executableProcess: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:Definitions')) return;
    const processes = ((node.rootElements as ModdleElement[] | undefined) ?? []).filter((element) => element.$instanceOf('bpmn:Process'));
    if (!processes.length) reporter.report(node.id, '模型中没有流程');
    else if (!processes.some((process) => process.get('isExecutable') === true)) {
      reporter.report(processes[0]!.id, '流程须设为可执行（isExecutable="true"），否则引擎不会生成流程定义');
    }
    return false;
  },
});

export default executableProcess;
