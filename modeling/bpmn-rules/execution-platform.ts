/// <reference path="../vendor.d.ts" />
import type { RuleFactory } from 'bpmnlint';
import { EXECUTION_PLATFORM, EXECUTION_PLATFORM_VERSION, executionPlatformOf, isCamunda724 } from '../execution-platform.js';

/** The model must declare Camunda Platform 7.24 as its execution platform, as the desktop Modeler writes it. */
const executionPlatform: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:Definitions')) return;
    const { platform, version } = executionPlatformOf(node.$attrs);
    if (isCamunda724(platform, version)) return;
    reporter.report(node.id, `模型须声明执行平台为 ${EXECUTION_PLATFORM} ${EXECUTION_PLATFORM_VERSION}（modeler:executionPlatform 与 modeler:executionPlatformVersion）；当前为 ${platform ?? '未声明'} ${version ?? ''}`.trim());
  },
});

export default executionPlatform;
