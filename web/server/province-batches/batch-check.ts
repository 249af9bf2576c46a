import type { TableEntry } from '../../../store/batch-repository.js';
import type { UnitBatch } from '../../../store/batch-repository.js';
import type { EntryStanding } from '../schemas/province-batches.js';

// The province's check of a received batch against the unit's recommendations (LIFECYCLE.md stage 4a: "the table
// matches the recommendations"): pure, so the list and the batch's page judge alike.

/** A batch's state as the province's list shows it (the unit's own dashboard uses the same words). */
export function batchStateOf(batch: UnitBatch | undefined): 'not-started' | 'started' | 'table-rendered' | 'submitted' {
  if (!batch) return 'not-started';
  if (batch.submittedAt) return 'submitted';
  return batch.renderedAt ? 'table-rendered' : 'started';
}

/** How each submitted entry stands against the active recommendations, and how many of those were not submitted. */
export function compareWithRecommendations(submitted: readonly TableEntry[], active: readonly TableEntry[]): {
  matches: boolean;
  standingOf: (applicationId: string) => EntryStanding;
  notSubmitted: number;
} {
  const activeOf = new Map(active.map((entry) => [entry.applicationId, entry]));
  const standings = new Map(submitted.map((entry): [string, EntryStanding] => {
    const now = activeOf.get(entry.applicationId);
    if (!now) return [entry.applicationId, 'ended'];
    return [entry.applicationId, now.rank === entry.rank && now.opinion === entry.opinion ? 'unchanged' : 'changed'];
  }));
  const notSubmitted = active.filter((entry) => !standings.has(entry.applicationId)).length;
  return {
    matches: notSubmitted === 0 && [...standings.values()].every((standing) => standing === 'unchanged'),
    standingOf: (applicationId) => standings.get(applicationId) ?? 'ended',
    notSubmitted,
  };
}
