// E6 (四、2): a project already in the provincial library (admitted in an earlier call and still in it) need not, and
// may not, be declared again, and the same enterprise may not declare the same project twice in a call. "The same project" is the same USCC and the
// same project name once spelling noise (spaces, punctuation, full-width forms, ASCII case) is removed.
import type { ApplicationFields } from '../application.js';
import { normaliseUscc } from '../uscc.js';
import { outcomesOf, type RuleOutcome } from './rule.js';

/** A declaration the caller loaded for comparison: live ones of this call and the enterprise's library projects. */
export interface EarlierDeclaration {
  /** For a library project, its project number (the application number it was declared under). */
  applicationNumber: string;
  uscc: string;
  projectName: string;
  /** A project now in the provincial library (省级重点项目库), of any call. */
  inProvincialLibrary: boolean;
}

// Half-width forms only: NFKC has already folded （）－，． and the like into them.
const projectNameNoise = /[\s《》“”‘’"'()\-—_·.,、，。]/gu;

/** Reduces a project name to what identifies it: NFKC, no whitespace or common punctuation, ASCII lower case. */
export function normaliseProjectName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(projectNameNoise, '')
    .replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/**
 * E6: refused when an earlier declaration is the same project, naming it.
 * The application's own record is skipped by number, so a resubmission after correction is not its own duplicate.
 */
export function checkNotDuplicate(
  fields: Pick<ApplicationFields, 'uscc' | 'projectName'>,
  earlier: readonly EarlierDeclaration[],
  ownApplicationNumber?: string,
): RuleOutcome[] {
  const uscc = normaliseUscc(fields.uscc);
  const projectName = normaliseProjectName(fields.projectName);
  const same = earlier.filter(
    (declaration) =>
      declaration.applicationNumber !== ownApplicationNumber &&
      normaliseUscc(declaration.uscc) === uscc &&
      normaliseProjectName(declaration.projectName) === projectName,
  );
  // The library entry is the stronger reason: it tells the applicant nothing more needs doing.
  const match = same.find((declaration) => declaration.inProvincialLibrary) ?? same[0];
  if (match === undefined) return outcomesOf('E6', []);
  const reason = match.inProvincialLibrary
    ? `该项目已列入省级重点项目库（项目名称：${match.projectName}，项目编号${match.applicationNumber}），无需重复申报`
    : `该项目已申报（申报编号${match.applicationNumber}），同一企业的同一项目不能重复申报`;
  return [{ ruleId: 'E6', result: 'refused', reason, field: 'projectName' }];
}
