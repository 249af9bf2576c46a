import { findReviewSession } from '../../../store/review-session-repository.js';
import type { ScopedTask, TaskDeps } from '../tasks/scope.js';

// The scoring form follows the rubric the session recorded from the decision table (reviewRubric): the deployed form
// project-score keeps its texts and opinion field, editable in the studio, and its group `rubricScores` is filled
// with one number field per criterion, its maximum the criterion's weight. The task page shows, and the completion
// checks, this form; the seat's completion checks the scores against the rubric once more.

const RUBRIC_GROUP = 'rubricScores';

/** The form a task is shown and checked with: for a seat's scoring, the deployed form with the session's criteria. */
export async function formForTask(deps: Pick<TaskDeps, 'db'>, scoped: ScopedTask, form: unknown): Promise<unknown> {
  if (scoped.subject.kind !== 'seat' || form === null || typeof form !== 'object') return form;
  const session = await findReviewSession(deps.db, scoped.subject.seat.sessionId);
  if (!session?.rubric) return form;
  const fields = session.rubric.map((criterion) => ({
    id: `score_${criterion.code.replace(/[^A-Za-z0-9_]/g, '_')}`, type: 'number', key: criterion.code, label: `${criterion.label}（满分${criterion.maxScore}分）`,
    description: criterion.guidance || undefined, decimalDigits: 1, validate: { required: true, min: 0, max: criterion.maxScore },
  }));
  return replaceGroup(form as Record<string, unknown>, fields);
}

// helpers

function replaceGroup(node: Record<string, unknown>, fields: unknown[]): Record<string, unknown> {
  const components = node.components;
  if (!Array.isArray(components)) return node;
  return {
    ...node,
    components: components.map((child: unknown) => {
      if (!child || typeof child !== 'object') return child;
      const component = child as Record<string, unknown>;
      return component.id === RUBRIC_GROUP ? { ...component, components: fields } : replaceGroup(component, fields);
    }),
  };
}
