import type { Queryable } from '../platform/database.js';
import type { RuleResult } from '../domain/eligibility/rule.js';

// The warnings a reviewer must judge (territorial principle, a flagged USCC, …) for many applications at once: the
// unit's library marks them beside each entry, as the task page lists them for one.

/** A warning of an application's latest rule check round. */
export interface RuleWarningRow {
  ruleId: string;
  reason: string;
  field: string | null;
}

/** The warnings of the latest check round of each of these applications, in the rules' order (none: no entry). */
export async function latestWarningsOf(db: Queryable, applicationIds: readonly string[]): Promise<Map<string, RuleWarningRow[]>> {
  const warnings = new Map<string, RuleWarningRow[]>();
  if (!applicationIds.length) return warnings;
  const result = await db.query<{ application_id: string; rule_id: string; reason: string | null; field: string | null }>(
    `SELECT o.application_id, o.rule_id, o.reason, o.field FROM application_rule_outcome o
      WHERE o.application_id = ANY($1::uuid[]) AND o.result = $2
        AND o.round = (SELECT max(m.round) FROM application_rule_outcome m WHERE m.application_id = o.application_id)
      ORDER BY o.application_id, o.position`,
    [applicationIds, 'warning' satisfies RuleResult],
  );
  for (const row of result.rows) {
    const list = warnings.get(row.application_id) ?? [];
    list.push({ ruleId: row.rule_id, reason: row.reason ?? '自动审查提示，请核实', field: row.field });
    warnings.set(row.application_id, list);
  }
  return warnings;
}
