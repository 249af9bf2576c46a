// Whether a session's page waits for the engine: a step the campaign takes on its own (the rubric, the aggregation,
// the next task, the list's documents) shows up a moment after the officer's action, so the page asks again.
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';

// The steps whose next move is people's, not the engine's: the experts' consensus, the 公示's days.
const peoplesSteps = ['consensus', 'public-notice'];

/**
 * True while the view is expected to change without anyone acting on this page. Once the 公示期 is over (by `now`)
 * and no task is open, the engine moves again: its timer opens 确定试点名单, or the settled list is being published.
 */
export function awaitsEngine(view: ReviewSessionView, now: Date = new Date()): boolean {
  if (view.rubric === null) return true;
  if (view.status === 'final') return view.documents.length === 0;
  if (view.status === 'public-notice' && view.openTask === null && view.noticeUntil) return view.noticeUntil.getTime() <= now.getTime();
  return view.openTask === null && !peoplesSteps.includes(view.status);
}
