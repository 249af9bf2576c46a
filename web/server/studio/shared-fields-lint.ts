import type { Queryable } from '../../../platform/database.js';
import { applicationFormIds } from '../../../domain/application-forms.js';
import { isApplicationForm, lintSharedFields } from '../../../modeling/lint-application-forms.js';
import type { ModelKind, Problem } from '../../../modeling/problem.js';
import { latestVersion } from '../../../store/model-version-repository.js';

/**
 * The shared-field warnings of an application form against the latest saved versions of the other application
 * forms: the versions a deploy of the declaration takes unless it names others (release-members.ts). Only the
 * server knows them, so these warnings come with a save and the studio's server-side lint, not the browser's.
 */
export async function sharedFieldProblems(db: Queryable, kind: ModelKind, key: string | undefined, content: string): Promise<Problem[]> {
  if (kind !== 'form' || key === undefined || !isApplicationForm(key)) return [];
  const others = await Promise.all(Object.values(applicationFormIds).filter((id) => id !== key).map((id) => latestVersion(db, 'form', id)));
  return lintSharedFields(content, others.flatMap((version) => (version ? [{ id: version.key, content: version.content }] : [])));
}
