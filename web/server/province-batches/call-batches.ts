import type { Queryable } from '../../../platform/database.js';
import type { Call } from '../../../domain/call.js';
import { projectStatusCodes, projectStatuses } from '../../../domain/project-status.js';
import { reportingUnits } from '../../../domain/units.js';
import { listBatches } from '../../../store/batch-repository.js';
import { activeRecommendationsOfCall, projectCountsOfCall, submittedEntriesOfCall } from '../../../store/province-batch-repository.js';
import { displayNames } from '../../../store/task-subject-repository.js';
import type { ReceivedBatches } from '../schemas/province-batches.js';
import { batchStateOf, compareWithRecommendations } from './batch-check.js';

/**
 * Every reporting unit of a call, in the notice's order (as the dashboard lists them), with its batch's state, who
 * submitted it and when, whether the sealed scan came and what was submitted still matches its recommendations,
 * and its projects per status.
 */
export async function callBatches(db: Queryable, call: Call): Promise<ReceivedBatches> {
  const [batches, submitted, active, counts] = await Promise.all([
    listBatches(db, call.id), submittedEntriesOfCall(db, call.id), activeRecommendationsOfCall(db, call.id), projectCountsOfCall(db, call.id),
  ]);
  const names = await displayNames(db, batches.flatMap((b) => (b.submittedBy ? [b.submittedBy] : [])));
  const units = reportingUnits.map((unit) => {
    const batch = batches.find((b) => b.unitId === unit.id);
    const own = counts.filter((c) => c.unitId === unit.id);
    const projectCounts = projectStatusCodes.flatMap((status) => {
      const count = own.find((c) => c.status === status)?.count ?? 0;
      return count ? [{ status, label: projectStatuses[status], count }] : [];
    });
    return {
      unitId: unit.id, unitName: unit.name, state: batchStateOf(batch),
      renderedAt: batch?.renderedAt ?? null, submittedAt: batch?.submittedAt ?? null,
      submittedBy: batch?.submittedBy ? { username: batch.submittedBy, name: names.get(batch.submittedBy) ?? batch.submittedBy } : null,
      scanPresent: !!batch?.sealedScanId,
      matchesRecommendations: batch?.submittedAt ? compareWithRecommendations(submitted.get(unit.id) ?? [], active.get(unit.id) ?? []).matches : null,
      projectTotal: projectCounts.reduce((sum, c) => sum + c.count, 0),
      projectCounts,
    };
  });
  return { callId: call.id, callTitle: call.title, units };
}
