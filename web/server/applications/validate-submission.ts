import { validateAgainstForm } from '../../../platform/form-validation.js';
import type { Queryable } from '../../../platform/database.js';
import { applicationFields, type ApplicationFields } from '../../../domain/application.js';
import { attachmentReferencesIn } from '../../../domain/attachment-reference.js';
import { directionProblem } from '../../../domain/call-directions.js';
import type { Call } from '../../../domain/call.js';
import type { TemplateCode } from '../../../domain/directions.js';
import { normaliseUscc } from '../../../domain/uscc.js';
import { foreignReferences } from '../../../store/attachment-repository.js';
import { AppError, type FieldError } from '../errors.js';

export interface ValidSubmission {
  fields: ApplicationFields;
  attachmentIds: string[];
}

/** The call and template a submission is made in: its direction must be one the call declares on the template. */
export interface SubmissionScope {
  call: Pick<Call, 'directions' | 'directionTemplates'>;
  template: TemplateCode;
  /** The direction the application already declared (a correction): it may stay even if the call retired it since. */
  keptDirection?: string | undefined;
}

/**
 * Checks submitted data the way the applicant's form would, then as the rules need it, then its direction against
 * the call's, then its attachments. Malformed data is refused here with field messages (400) before anything is stored.
 */
export async function validateSubmission(db: Queryable, form: unknown, data: Record<string, unknown>, enterpriseUscc: string, scope: SubmissionScope): Promise<ValidSubmission> {
  const formProblems = validateAgainstForm(form, data);
  if (formProblems.length) throw invalid(formProblems);
  const parsed = applicationFields.safeParse(data);
  if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  if (normaliseUscc(parsed.data.uscc) !== enterpriseUscc) {
    throw invalid([{ path: 'uscc', message: '统一社会信用代码须与本账户所属企业一致' }]);
  }
  const problem = directionProblem(scope.call, scope.template, parsed.data.direction, scope.keptDirection);
  if (problem) throw invalid([{ path: 'direction', message: problem }]);
  const references = attachmentReferencesIn(data);
  const foreign = await foreignReferences(db, references, { uscc: enterpriseUscc });
  if (foreign.length) throw invalid(foreign.map(({ path }) => ({ path, message: '附件不存在或不属于本企业，请重新上传' })));
  return { fields: parsed.data, attachmentIds: [...new Set(references.map((r) => r.ref.id))] };
}

// helpers

function invalid(problems: { path: string; message: string }[]): AppError {
  const fields: FieldError[] = problems.map((p) => ({ path: `data.${p.path}`, message: p.message }));
  return new AppError('VALIDATION_FAILED', undefined, fields);
}
