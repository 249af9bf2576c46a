// One field's value against its component: presence, type, then the `validate` rules, as form-js's own
// Validator runs them in the browser (viewer src/core/Validator.js), with Chinese messages.
import type { FormComponent } from '../../modeling/form-schema.js';
import { formMessages } from './messages.js';
import { emailPattern, phonePattern } from './validation-types.js';
import { numericValue, typeProblem } from './value-types.js';

/** The messages for one field's value; empty when the value passes. */
export function checkField(component: FormComponent, value: unknown): string[] {
  const rules = component.validate ?? {};
  // form-js counts null, undefined, '' and an empty selection as missing.
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    if (rules.required !== true) return [];
    return [component.type === 'checkbox' ? formMessages.mustBeChecked : formMessages.required];
  }
  const problem = typeProblem(component, value);
  if (problem !== undefined) return [problem];
  if (component.type === 'checkbox') return rules.required === true && value !== true ? [formMessages.mustBeChecked] : [];
  if (typeof value === 'string' && component.type !== 'number') return textProblems(rules, value);
  const number = component.type === 'number' ? numericValue(component, value) : undefined;
  return number === undefined ? [] : numberProblems(component, number);
}

// helpers

function textProblems(rules: NonNullable<FormComponent['validate']>, value: string): string[] {
  const problems: string[] = [];
  // Like form-js, the pattern is used as written (not anchored: a pattern means the whole value only with ^…$),
  // while lengths count the trimmed value.
  if (rules.pattern !== undefined && !new RegExp(rules.pattern).test(value)) {
    problems.push(rules.patternErrorMessage || formMessages.patternMismatch);
  }
  const length = value.trim().length;
  if (typeof rules.minLength === 'number' && length < rules.minLength) problems.push(formMessages.tooShort(rules.minLength));
  if (typeof rules.maxLength === 'number' && length > rules.maxLength) problems.push(formMessages.tooLong(rules.maxLength));
  if (rules.validationType === 'email' && !emailPattern.test(value)) problems.push(formMessages.invalidEmail);
  if (rules.validationType === 'phone' && !phonePattern.test(value)) problems.push(formMessages.invalidPhone);
  return problems;
}

function numberProblems(component: FormComponent, value: number): string[] {
  const rules = component.validate ?? {};
  const problems: string[] = [];
  const { decimalDigits } = component;
  if (decimalDigits !== undefined && decimalPlaces(value) > decimalDigits) problems.push(formMessages.tooManyDecimals(decimalDigits));
  if (typeof rules.min === 'number' && value < rules.min) problems.push(formMessages.tooSmall(rules.min));
  if (typeof rules.max === 'number' && value > rules.max) problems.push(formMessages.tooLarge(rules.max));
  return problems;
}

/** The number of decimal places a number is written with, exponent notation included (1e-7 has 7). */
function decimalPlaces(value: number): number {
  const [mantissa = '', exponent = '0'] = value.toString().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}
