// The DMN hit policies by their Chinese names: the decision editor shows these instead of dmn-js's English, and the
// decision checks name a hit policy the same way.

/** Chinese names of the DMN hit policies (DMN 1.3's seven), keyed by the value the XML carries. */
export const hitPolicyNames: Readonly<Record<string, string>> = {
  UNIQUE: '唯一',
  FIRST: '首条命中',
  PRIORITY: '优先级',
  ANY: '任一',
  COLLECT: '汇总',
  'RULE ORDER': '规则顺序',
  'OUTPUT ORDER': '输出顺序',
};

/** Chinese names of the aggregations a COLLECT table may apply. */
export const aggregationNames: Readonly<Record<string, string>> = { SUM: '求和', MIN: '最小值', MAX: '最大值', COUNT: '计数' };

/** A hit policy as an administrator reads it: `汇总（最小值）`, `首条命中`; an unknown value as written. */
export function hitPolicyName(hitPolicy: string, aggregation?: string): string {
  const name = hitPolicyNames[hitPolicy] ?? hitPolicy;
  return aggregation ? `${name}（${aggregationNames[aggregation] ?? aggregation}）` : name;
}
