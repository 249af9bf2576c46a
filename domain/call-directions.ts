import type { Call } from './call.js';
import { directionLabel, templateForDirection, type Direction, type DirectionCode, type TemplateCode } from './directions.js';

// What a call's directions decide, read from the call (its data), never from the shipped list.

type CallDirections = Pick<Call, 'directions' | 'directionTemplates'>;

/**
 * Why a direction cannot be declared on a template in a call, as the applicant reads it; undefined when it can. A
 * retired direction is refused unless it is `kept`: the one the application already declared (a correction).
 */
export function directionProblem(call: CallDirections, template: TemplateCode, direction: DirectionCode, kept?: DirectionCode): string | undefined {
  const declared = call.directions.find((entry) => entry.code === direction);
  if (!declared) return '本批次没有这个申报方向';
  if (templateForDirection(direction, call.directionTemplates) !== template) return '该申报方向不属于本申报书类别，请选择其他申报书类别';
  if (declared.retired === true && direction !== kept) return '该申报方向已停用，请选择其他申报方向';
  return undefined;
}

/** The data key the application forms' direction select takes its options from (form-js `valuesKey`). */
export const DIRECTION_OPTIONS_KEY = 'directionOptions';

/**
 * The direction choices a form of a template shows (form-js options, the forms' `valuesKey` "directionOptions"):
 * the call's directions on the template that are not retired, and the one the application declares even if retired.
 */
export function directionOptionsFor(call: CallDirections, template: TemplateCode, declared?: unknown): { value: string; label: string }[] {
  return directionsOfTemplate(call, template)
    .filter((direction) => direction.retired !== true || direction.code === declared)
    .map((direction) => ({ value: direction.code, label: direction.label }));
}

/** The directions a call declares on a template, in the call's order. */
export function directionsOfTemplate(call: CallDirections, template: TemplateCode): Direction[] {
  return call.directions.filter((direction) => templateForDirection(direction.code, call.directionTemplates) === template);
}

/** Whether a direction is the one each unit may recommend at most once in the call. */
export function isCappedAtOnePerUnit(call: Pick<Call, 'directionCappedAtOnePerUnit'>, direction: DirectionCode | undefined): boolean {
  return call.directionCappedAtOnePerUnit !== null && direction === call.directionCappedAtOnePerUnit;
}

/** The label of a direction in the call; the code itself when the call lacks it. */
export function callDirectionLabel(call: Pick<Call, 'directions'>, direction: DirectionCode): string {
  return directionLabel(direction, call.directions);
}

/**
 * Where a form's static direction options (a form of an older release, or one edited to list them) disagree with
 * what a call declares on the form's template: an option the call lacks, a direction of the call the form does not
 * offer, or another label. A retired direction need not be offered. Forms taking their options from the call's data
 * (`valuesKey`) have none to compare.
 */
export function directionOptionProblems(call: CallDirections, template: TemplateCode, options: readonly { value: unknown; label: unknown }[]): string[] {
  const expected = directionsOfTemplate(call, template);
  const problems: string[] = [];
  for (const option of options) {
    const direction = expected.find((entry) => entry.code === option.value);
    if (!direction) problems.push(`表单的申报方向选项 ${String(option.value)} 不是本批次该类别的申报方向`);
    else if (direction.label !== option.label) problems.push(`表单的申报方向选项 ${direction.code} 名为“${String(option.label)}”，本批次为“${direction.label}”`);
  }
  for (const direction of expected) {
    if (direction.retired !== true && !options.some((option) => option.value === direction.code)) problems.push(`表单缺少本批次的申报方向 ${direction.code}（${direction.label}）`);
  }
  return problems;
}
