// dmn-js's hit policy labels and explanations (HitPolicies.js of dmn-js-decision-table, shown in the table's head
// and its hit policy select) in Chinese, for the studio's translate service. The names are modeling/'s, so the
// decision checks and the editor say the same.
import { hitPolicyName } from '../../../../../modeling/hit-policies.js';

// [dmn-js's label, its explanation, the hit policy and aggregation it stands for, the Chinese explanation]
const hitPolicies: readonly [string, string, string, string | undefined, string][] = [
  ['Unique', 'No overlap is possible and all rules are disjoint. Only a single rule can be matched', 'UNIQUE', undefined, '规则互不重叠，最多只有一条规则命中'],
  ['First', 'Rules may overlap. The first matching rule will be chosen', 'FIRST', undefined, '规则可以重叠，按顺序取第一条命中的规则'],
  ['Priority', 'Rules may overlap. The one with the highest priority will be chosen', 'PRIORITY', undefined, '规则可以重叠，取结果优先级最高的一条（Camunda 7 不支持）'],
  ['Any', 'Rules may overlap. Their output have to match', 'ANY', undefined, '规则可以重叠，但命中规则的结果必须相同'],
  ['Collect', 'Collects the values of all matching rules', 'COLLECT', undefined, '收集所有命中规则的结果'],
  ['Collect (Sum)', 'Collects the values of all matching rules and sums up to a single value', 'COLLECT', 'SUM', '收集所有命中规则的结果并求和'],
  ['Collect (Min)', 'Collects the values of all matching rules and uses the lowest value', 'COLLECT', 'MIN', '收集所有命中规则的结果，取最小值'],
  ['Collect (Max)', 'Collects the values of all matching rules and uses the highest value', 'COLLECT', 'MAX', '收集所有命中规则的结果，取最大值'],
  ['Collect (Count)', 'Collects the values of all matching rules and counts the number of them', 'COLLECT', 'COUNT', '统计命中规则的条数'],
  ['Rule order', 'Collects the values of all matching rules in rule order', 'RULE ORDER', undefined, '按规则顺序收集所有命中规则的结果'],
  ['Output order', 'Collects the values of all matching rules in decreasing output priority order', 'OUTPUT ORDER', undefined, '按结果优先级从高到低收集所有命中规则的结果（Camunda 7 不支持）'],
];

/** dmn-js's English hit policy labels and explanations → Chinese. */
export const hitPolicyLabels: Readonly<Record<string, string>> = Object.fromEntries(
  hitPolicies.flatMap(([label, explanation, hitPolicy, aggregation, chinese]) => [[label, hitPolicyName(hitPolicy, aggregation)], [explanation, chinese]]),
);
