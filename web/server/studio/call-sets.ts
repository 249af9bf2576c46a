import { withTransaction, type Pool } from '../../../platform/database.js';
import { findCall } from '../../../store/call-repository.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { findRelease, listCallReleases, setCallRelease } from '../../../store/release-repository.js';
import { AppError } from '../errors.js';

/**
 * Moves a call's set forward (or back) for one process key: new instances of the call start on that release; the
 * ones already running stay on theirs. Audited as studio.call-set.moved with from and to.
 */
export async function moveCallSet(db: Pool, actor: string, request: { callId: string; processKey: string; releaseId: string; comment: string }): Promise<void> {
  if (!(await findCall(db, request.callId))) throw new AppError('NOT_FOUND', '没有这个申报批次。');
  const release = await findRelease(db, request.releaseId);
  if (!release) throw new AppError('NOT_FOUND', '没有这个发布版本。');
  if (release.processKey !== request.processKey) {
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'body.releaseId', message: `发布 ${release.id} 属于流程“${release.processKey}”，不是“${request.processKey}”` }]);
  }
  await withTransaction(db, async (client) => {
    const from = await setCallRelease(client, { callId: request.callId, processKey: request.processKey, releaseId: release.id, setBy: actor });
    await insertAuditEntry(client, {
      actor,
      action: 'studio.call-set.moved',
      subject: `call:${request.callId}`,
      detail: { processKey: request.processKey, from, to: release.id, processDefinitionId: release.processDefinitionId, comment: request.comment },
    });
  });
}

/** Every call with the release of each process key it starts new instances on (null: it follows the latest). */
export async function callSets(db: Pool) {
  const calls = new Map<string, { callId: string; name: string; year: number; releases: { processKey: string; releaseId: string | null; processDefinitionVersion: number | null }[] }>();
  for (const row of await listCallReleases(db)) {
    const call = calls.get(row.callId) ?? { callId: row.callId, name: row.title, year: row.year, releases: [] };
    call.releases.push({ processKey: row.processKey, releaseId: row.releaseId, processDefinitionVersion: row.processDefinitionVersion });
    calls.set(row.callId, call);
  }
  return [...calls.values()];
}
