// dmn-js-decision-table ships no types; its list of hit policies, as the decision table's head and select show them.
declare module 'dmn-js-decision-table/lib/features/hit-policy/HitPolicies.js' {
  export const HIT_POLICIES: readonly { label: string; explanation: string; value: { hitPolicy: string; aggregation?: string } }[];
}
