/// <reference path="./vendor.d.ts" />
// The BPMN checks, the same in the browser's editor and on the server before a deploy: bpmnlint's recommended
// rules, the Camunda 7.24 compatibility rules of bpmnlint-plugin-camunda-compat, and this project's own rules.
// Every rule module is imported here by name (a static resolver, no dynamic require), so Vite bundles it.
import { Linter, type LintConfig, type RuleFactory } from 'bpmnlint';
import recommended from 'bpmnlint/config/recommended.js';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process.js';
import conditionalFlows from 'bpmnlint/rules/conditional-flows.js';
import endEventRequired from 'bpmnlint/rules/end-event-required.js';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway.js';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event.js';
import fakeJoin from 'bpmnlint/rules/fake-join.js';
import global from 'bpmnlint/rules/global.js';
import labelRequired from 'bpmnlint/rules/label-required.js';
import linkEvent from 'bpmnlint/rules/link-event.js';
import noBpmndi from 'bpmnlint/rules/no-bpmndi.js';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway.js';
import noDisconnected from 'bpmnlint/rules/no-disconnected.js';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows.js';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork.js';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end.js';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split.js';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start.js';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway.js';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements.js';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event.js';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition.js';
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event.js';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway.js';
import superfluousLabel from 'bpmnlint/rules/superfluous-label.js';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination.js';
import camundaCompat from 'bpmnlint-plugin-camunda-compat';
import historyTimeToLive from 'bpmnlint-plugin-camunda-compat/rules/camunda-platform/history-time-to-live.js';
import deploymentBinding from './bpmn-rules/deployment-binding.js';
import diagramComplete from './bpmn-rules/diagram-complete.js';
import executableProcess from './bpmn-rules/executable-process.js';
import executionPlatform from './bpmn-rules/execution-platform.js';
import externalTaskTopic from './bpmn-rules/external-task-topic.js';
import statusStep from './bpmn-rules/status-step.js';
import userTaskForm from './bpmn-rules/user-task-form.js';
import { parseBpmn, unparseable, warningProblems } from './parse.js';
import type { Problem } from './problem.js';
import { chineseMessage, ruleFailureMessage } from './rule-messages.js';

const OWN_PLUGIN = 'iiot';

/**
 * The lint configuration, as a `.bpmnlintrc` would say it. Departures from bpmnlint:recommended, and why:
 * label-required only warns (a draft's new element has no name yet; the applicant's timeline shows names, so fill
 * them before deploying); no-bpmndi gives way to the own diagram-complete; fake-join and no-inclusive-gateway are off
 * (Camunda 7 merges several incoming flows of a task as exclusive paths, which the shipped models rely on, and runs
 * inclusive gateways correctly). camunda-platform-7-24 contributes history-time-to-live, reported as a warning.
 */
export const bpmnlintConfig: LintConfig = {
  extends: ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-platform-7-24'],
  rules: {
    'label-required': 'warn',
    'no-bpmndi': 'off',
    'fake-join': 'off',
    'no-inclusive-gateway': 'off',
    [`${OWN_PLUGIN}/execution-platform`]: 'error',
    [`${OWN_PLUGIN}/diagram-complete`]: 'error',
    [`${OWN_PLUGIN}/executable-process`]: 'error',
    [`${OWN_PLUGIN}/user-task-form`]: 'error',
    [`${OWN_PLUGIN}/deployment-binding`]: 'error',
    [`${OWN_PLUGIN}/external-task-topic`]: 'error',
    // A warning: the flow stays in BPMN, and which statuses a step may meet is an estimate.
    [`${OWN_PLUGIN}/status-step`]: 'warn',
  },
};

const bpmnlintRules: Record<string, RuleFactory> = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  global,
  'label-required': labelRequired,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-start': noImplicitStart,
  'no-inclusive-gateway': noInclusiveGateway,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-label': superfluousLabel,
  'superfluous-termination': superfluousTermination,
};

const ownRules: Record<string, RuleFactory> = {
  'execution-platform': executionPlatform,
  'diagram-complete': diagramComplete,
  'executable-process': executableProcess,
  'user-task-form': userTaskForm,
  'deployment-binding': deploymentBinding,
  'external-task-topic': externalTaskTopic,
  'status-step': statusStep,
};

// Packages as bpmnlint names them: `bpmnlint`, `bpmnlint-plugin-<name>`.
const rulesByPackage: Record<string, Record<string, RuleFactory>> = {
  bpmnlint: bpmnlintRules,
  'bpmnlint-plugin-camunda-compat': { 'history-time-to-live': historyTimeToLive },
  [`bpmnlint-plugin-${OWN_PLUGIN}`]: ownRules,
};
const configsByPackage: Record<string, Record<string, LintConfig>> = {
  bpmnlint: { recommended },
  'bpmnlint-plugin-camunda-compat': { 'camunda-platform-7-24': camundaCompat.configs['camunda-platform-7-24']! },
};

const resolver = {
  resolveRule: (pkg: string, ruleName: string) => rulesByPackage[pkg]?.[ruleName],
  resolveConfig: (pkg: string, configName: string) => configsByPackage[pkg]?.[configName],
};

/** Lints BPMN XML: parse warnings and every rule's reports, errors first. Unparseable XML is one error. */
export async function lintBpmn(xml: string): Promise<Problem[]> {
  let parsed;
  try {
    parsed = await parseBpmn(xml);
  } catch (error) {
    return [unparseable(error)];
  }
  // A linter per run: it caches rule instances, and some rules (no-duplicate-sequence-flows) keep state in them.
  const reports = await new Linter({ config: bpmnlintConfig, resolver }).lint(parsed.definitions);
  const problems: Problem[] = [...warningProblems(parsed.warnings)];
  for (const [name, list] of Object.entries(reports)) {
    const rule = name.startsWith(`${OWN_PLUGIN}/`) ? name.slice(OWN_PLUGIN.length + 1) : name;
    for (const report of list) {
      const failed = report.category === 'rule-error';
      problems.push({
        rule,
        elementId: report.id ?? '',
        // The own rules report in Chinese; bpmnlint's and camunda-compat's in English, translated here.
        message: failed ? ruleFailureMessage(rule, report.message) : rule === name ? chineseMessage(rule, report.message) : report.message,
        category: failed || report.category === 'error' ? 'error' : 'warn',
      });
    }
  }
  return problems.sort((a, b) => Number(b.category === 'error') - Number(a.category === 'error'));
}
