/// <reference path="./vendor.d.ts" />
// DMN checks, kept modest: well-formed, the decisions processes reference are there, and each decision table is
// one Camunda 7's DMN engine evaluates as meant (hit policy, aggregation, outputs, entries per rule).
import type { ModdleElement } from 'bpmn-moddle';
import { EXECUTION_PLATFORM, EXECUTION_PLATFORM_VERSION, executionPlatformOf, isCamunda724 } from './execution-platform.js';
import { hitPolicyName } from './hit-policies.js';
import { parseDmn, unparseable, warningProblems } from './parse.js';
import type { Problem } from './problem.js';

// Camunda 7 does not implement PRIORITY and OUTPUT ORDER.
const SUPPORTED_HIT_POLICIES = ['UNIQUE', 'FIRST', 'ANY', 'COLLECT', 'RULE ORDER'];

export interface DmnLintOptions {
  /** Decision ids processes reference from this file: each must still be declared. */
  requiredDecisionIds?: readonly string[];
}

/** Lints DMN XML; unparseable XML is one error. */
export async function lintDmn(xml: string, options: DmnLintOptions = {}): Promise<Problem[]> {
  let parsed;
  try {
    parsed = await parseDmn(xml);
  } catch (error) {
    return [unparseable(error)];
  }
  const definitions = parsed.definitions;
  const problems: Problem[] = warningProblems(parsed.warnings);
  const report = (rule: string, elementId: string | undefined, message: string, category: Problem['category'] = 'error') =>
    problems.push({ rule, elementId: elementId ?? '', message, category });

  const { platform, version } = executionPlatformOf(definitions.$attrs);
  if (!isCamunda724(platform, version)) {
    report('execution-platform', definitions.id, `决策文件未声明执行平台 ${EXECUTION_PLATFORM} ${EXECUTION_PLATFORM_VERSION}；导出时将补上`, 'warn');
  }
  const decisions = list(definitions.drgElement).filter((element) => element.$instanceOf('dmn:Decision'));
  if (!decisions.length) report('decision-required', definitions.id, '文件中没有决策');
  for (const id of options.requiredDecisionIds ?? []) {
    if (!decisions.some((decision) => decision.id === id)) report('decision-missing', definitions.id, `流程引用的决策“${id}”不在文件中`);
  }
  for (const decision of decisions) checkDecision(decision, report);
  return problems.sort((a, b) => Number(b.category === 'error') - Number(a.category === 'error'));
}

// helpers

type Report = (rule: string, elementId: string | undefined, message: string, category?: Problem['category']) => void;

function checkDecision(decision: ModdleElement, report: Report): void {
  if (!decision.get('camunda:historyTimeToLive')) {
    report('history-time-to-live', decision.id, '决策未设置历史保留时间（camunda:historyTimeToLive）；将使用引擎的默认值', 'warn');
  }
  const logic = decision.decisionLogic as ModdleElement | undefined;
  if (!logic || logic.$instanceOf('dmn:LiteralExpression')) {
    if (!logic) report('decision-logic', decision.id, '决策没有决策表或表达式');
    return;
  }
  if (!logic.$instanceOf('dmn:DecisionTable')) {
    report('decision-logic', decision.id, 'Camunda 7 只支持决策表和文字表达式');
    return;
  }
  const hitPolicy = String(logic.hitPolicy ?? 'UNIQUE');
  const outputs = list(logic.output);
  const inputs = list(logic.input);
  if (!SUPPORTED_HIT_POLICIES.includes(hitPolicy)) {
    report('hit-policy', decision.id, `Camunda 7 不支持命中策略“${hitPolicyName(hitPolicy)}”（${hitPolicy}）；可用：${SUPPORTED_HIT_POLICIES.map((policy) => hitPolicyName(policy)).join('、')}`);
  }
  if (logic.aggregation && hitPolicy !== 'COLLECT') report('hit-policy', decision.id, `只有“${hitPolicyName('COLLECT')}”命中策略可以设置聚合函数`);
  if (logic.aggregation && outputs.length !== 1) report('hit-policy', decision.id, '带聚合函数的决策表只能有一个输出');
  if (!outputs.length) report('decision-table-outputs', decision.id, '决策表没有输出列');
  if (outputs.length > 1) {
    for (const output of outputs.filter((o) => !o.name)) report('decision-table-outputs', output.id, '有多个输出列时，每个输出列都须有名称（name）');
  }
  for (const rule of list(logic.rule)) {
    if (list(rule.inputEntry).length !== inputs.length || list(rule.outputEntry).length !== outputs.length) {
      report('rule-entries', rule.id, `规则的条件或结果个数与表头不符（输入 ${inputs.length} 列、输出 ${outputs.length} 列）`);
    }
  }
}

function list(value: unknown): ModdleElement[] {
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}
