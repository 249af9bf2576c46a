import { callSchema, type Call } from './call.js';
import type { Direction, TemplateCode } from './directions.js';

// A province officer's edit of a call's directions (the page /calls/:callId/directions): the whole list, each row
// with its template, and the direction capped at one per unit. Checked as a whole; any problem refuses all of it.

/** One row as the page sends it: a new row has no code yet (one is made for it). */
export interface DirectionRow {
  code?: string | undefined;
  label: string;
  subtypeOf: string | null;
  template: TemplateCode | null;
  retired: boolean;
}

/** The whole list of a call's directions and the capped one. */
export interface DirectionsEdit {
  directions: readonly DirectionRow[];
  cappedDirection: string | null;
}

/** A problem of an edit: where (`directions.2.label`) and what, in Chinese, naming the row. */
export interface EditProblem {
  path: string;
  message: string;
}

type Vocabulary = Pick<Call, 'directions' | 'directionTemplates' | 'directionCappedAtOnePerUnit'>;

/** The shape of a code an officer may give a direction. */
export const editableDirectionCode = /^[a-z0-9-]{2,60}$/;

/**
 * Why an edit of a call's directions is refused, row by row: a name missing or used twice, a code malformed or used
 * twice, a row without a template, a direction that applications already declare removed (retire it instead), and
 * whatever the call's own checks refuse (a parent or capped direction that is not in the list).
 */
export function directionEditProblems(call: Call, edit: DirectionsEdit, usage: ReadonlyMap<string, number>): EditProblem[] {
  const problems: EditProblem[] = [];
  const row = (index: number) => `第${index + 1}行`;
  const labels = edit.directions.map((d) => d.label.trim());
  edit.directions.forEach((direction, index) => {
    const at = `directions.${index}`;
    const label = labels[index]!;
    if (label === '') problems.push({ path: `${at}.label`, message: `${row(index)}：请填写申报方向名称` });
    else if (label.length > 50) problems.push({ path: `${at}.label`, message: `${row(index)}：申报方向名称不能超过50个字` });
    else if (labels.indexOf(label) !== index) problems.push({ path: `${at}.label`, message: `${row(index)}：申报方向名称“${label}”与${row(labels.indexOf(label))}重复` });
    if (direction.code !== undefined) {
      const first = edit.directions.findIndex((d) => d.code === direction.code);
      if (!editableDirectionCode.test(direction.code)) problems.push({ path: `${at}.code`, message: `${row(index)}：申报方向编码须为2至60个小写字母、数字或连字符` });
      else if (first !== index) problems.push({ path: `${at}.code`, message: `${row(index)}：申报方向编码 ${direction.code} 与${row(first)}重复` });
    }
    if (direction.template === null) problems.push({ path: `${at}.template`, message: `${row(index)}：请为“${label || '该申报方向'}”选择申报书类别（附件2–4）` });
  });
  const kept = new Set(edit.directions.flatMap((d) => (d.code === undefined ? [] : [d.code])));
  for (const direction of call.directions) {
    const count = usage.get(direction.code) ?? 0;
    if (!kept.has(direction.code) && count > 0) {
      problems.push({ path: 'directions', message: `申报方向“${direction.label}”已有 ${count} 份申报使用，不能删除；如不再受理，请将其停用` });
    }
  }
  if (problems.length) return problems;
  let placeholder = 0;
  const parsed = callSchema.safeParse({ ...call, ...vocabularyOf(edit, () => `new-row-${(placeholder += 1)}`) });
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: editPath(issue.path), message: messageWithRow(issue.path, issue.message) }));
}

/** The call's vocabulary after an edit with no problems: new rows get a code from `newCode`. */
export function vocabularyOf(edit: DirectionsEdit, newCode: () => string): Vocabulary {
  const directions: Direction[] = edit.directions.map((row) => ({
    code: row.code ?? newCode(),
    label: row.label.trim(),
    ...(row.subtypeOf === null ? {} : { subtypeOf: row.subtypeOf }),
    ...(row.retired ? { retired: true } : {}),
  }));
  const directionTemplates = Object.fromEntries(directions.map((direction, index) => [direction.code, edit.directions[index]!.template!]));
  return { directions, directionTemplates, directionCappedAtOnePerUnit: edit.cappedDirection };
}

// helpers

// The call's field an issue names, as the edit names it (the capped direction is `cappedDirection` there).
function editPath(path: readonly PropertyKey[]): string {
  return path[0] === 'directionCappedAtOnePerUnit' ? 'cappedDirection' : path.map(String).join('.');
}

function messageWithRow(path: readonly PropertyKey[], message: string): string {
  return path[0] === 'directions' && typeof path[1] === 'number' ? `第${path[1] + 1}行：${message}` : message;
}
