// Only what the element-template test uses of a package that ships no types.
declare module '@bpmn-io/element-templates-validator' {
  /** Validates one Camunda 7 element template against @camunda/element-templates-json-schema. */
  export function validate(template: object | string): { valid: boolean; errors: { message: string }[] | null };
}
