import type { Call } from './call.js';
import { directionLabel, templateForDirection, type Direction, type DirectionCode, type TemplateCode } from './directions.js';

// What a call's directions decide, read from the call (its data), never from the shipped list.

type CallDirections = Pick<Call, 'directions' | 'directionTemplates'>;

/** Why a direction cannot be declared on a template in a call, as the applicant reads it; undefined when it can. */
export function directionProblem(call: CallDirections, template: TemplateCode, direction: DirectionCode): string | undefined {
  if (!call.directions.some((entry) => entry.code === direction)) return '本批次没有这个申报方向';
  if (templateForDirection(direction, call.directionTemplates) !== template) return '该申报方向不属于本申报书类别，请选择其他申报书类别';
  return undefined;
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
 * Where a form's static direction options (a shipped or edited `.form`) disagree with what a call declares on the
 * form's template: an option the call lacks, a direction of the call the form does not offer, or another label.
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
    if (!options.some((option) => option.value === direction.code)) problems.push(`表单缺少本批次的申报方向 ${direction.code}（${direction.label}）`);
  }
  return problems;
}
