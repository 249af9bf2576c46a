import { z } from 'zod';
import { validateAgainstForm } from '../../../platform/form-validation.js';
import type { Queryable } from '../../../platform/database.js';
import { applicationFields, type ApplicationFields } from '../../../domain/application.js';
import { normaliseUscc } from '../../../domain/uscc.js';
import { findAttachments } from '../../../store/attachment-repository.js';
import { AppError, type FieldError } from '../errors.js';

const reference = z.object({ id: z.uuid(), fileName: z.string(), sha256: z.string() });

export interface ValidSubmission {
  fields: ApplicationFields;
  attachmentIds: string[];
}

/**
 * Checks submitted data the way the applicant's form would, then as the rules need it, then its attachments.
 * Malformed data is refused here with field messages (400) before anything is stored.
 */
export async function validateSubmission(db: Queryable, form: unknown, data: Record<string, unknown>, enterpriseUscc: string): Promise<ValidSubmission> {
  const formProblems = validateAgainstForm(form, data);
  if (formProblems.length) throw invalid(formProblems);
  const parsed = applicationFields.safeParse(data);
  if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  if (normaliseUscc(parsed.data.uscc) !== enterpriseUscc) {
    throw invalid([{ path: 'uscc', message: '统一社会信用代码须与本账户所属企业一致' }]);
  }
  const references = attachmentReferences(data);
  const stored = new Map((await findAttachments(db, references.map((r) => r.ref.id))).map((a) => [a.id, a]));
  const problems = references
    .filter(({ ref }) => {
      const attachment = stored.get(ref.id);
      return !attachment || attachment.ownerUscc !== enterpriseUscc || attachment.sha256 !== ref.sha256.toLowerCase();
    })
    .map(({ path }) => ({ path, message: '附件不存在或不属于本企业，请重新上传' }));
  if (problems.length) throw invalid(problems);
  return { fields: parsed.data, attachmentIds: [...new Set(references.map((r) => r.ref.id))] };
}

// helpers

function invalid(problems: { path: string; message: string }[]): AppError {
  const fields: FieldError[] = problems.map((p) => ({ path: `data.${p.path}`, message: p.message }));
  return new AppError('VALIDATION_FAILED', undefined, fields);
}

/** Every attachment reference anywhere in the data, with its path. */
function attachmentReferences(value: unknown, path = ''): { path: string; ref: z.infer<typeof reference> }[] {
  const asReference = reference.safeParse(value);
  if (asReference.success) return [{ path, ref: asReference.data }];
  if (Array.isArray(value)) return value.flatMap((item, index) => attachmentReferences(item, path ? `${path}.${index}` : String(index)));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => attachmentReferences(item, path ? `${path}.${key}` : key));
  }
  return [];
}
