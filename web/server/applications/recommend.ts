import type { Clock } from '../../../platform/clock.js';
import { withTransaction } from '../../../platform/database.js';
import { summaryOf } from '../../../domain/application-summary.js';
import { isCappedAtOnePerUnit } from '../../../domain/call-directions.js';
import { recommendationRefusal, recommendationRefusals } from '../../../domain/recommendation-refusals.js';
import { findApplication } from '../../../store/application-repository.js';
import { findBatch } from '../../../store/batch-repository.js';
import { findCall } from '../../../store/call-repository.js';
import { changeApplicationStatus } from '../../../store/application-status-change.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { queueTaskCompletion } from '../../../store/engine-command-repository.js';
import { insertRecommendation, RecommendationRefused } from '../../../store/recommendation-repository.js';
import { deliverAfterCommit, type EngineCommandDeps } from '../engine-commands/deliver.js';
import { AppError } from '../errors.js';
import { openTask } from './open-task.js';
import type { Account } from '../identity/roles.js';

/**
 * Recommends an application from the reviewer's library: in one transaction, record it under the database's caps
 * (which hold the unit's lock until commit), mark it recommended, and queue the completion of its recommendation
 * task, delivered after the commit (at once, or by the relay). A cap that holds leaves nothing changed.
 */
export async function recommend(deps: EngineCommandDeps & { clock: Clock }, account: Account, applicationId: string, opinion: string) {
  const { recorded, commandId } = await withTransaction(deps.db, async (client) => {
    // The unit's batch lock first, as the batch's submission takes it: a recommendation is in a batch or after it.
    const found = await findApplication(client, applicationId);
    if (found?.unitId) await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`batch:${found.callId}:${found.unitId}`]);
    const application = await findApplication(client, applicationId, true);
    if (!application?.unitId || application.unitId !== account.unitId) throw new AppError('NOT_FOUND');
    if (application.status === 'recommended') throw new AppError('CONFLICT', recommendationRefusals.ALREADY_RECOMMENDED);
    if (application.status !== 'in-city-library') throw new AppError('CONFLICT', '只能推荐已纳入本单位市级重点项目库的项目。');
    // A submitted batch is final: a recommendation made after it would wait for a batch that never comes.
    if ((await findBatch(client, application.callId, application.unitId))?.submittedAt) throw new AppError('CONFLICT', '本单位的推荐批次已报送省厅，不能再推荐。');
    const task = await openTask(deps.engine, application.processInstanceId, 'CityRecommendation');
    if (!task) throw new AppError('CONFLICT', '该项目当前不在推荐环节，请稍后刷新。');
    // Read before the insert: a refused insert aborts the transaction.
    const call = await findCall(client, application.callId);
    if (!call) throw new AppError('NOT_FOUND');
    let recorded: { rank: number };
    try {
      recorded = await insertRecommendation(client, {
        callId: application.callId,
        unitId: application.unitId,
        applicationId: application.id,
        isCityPlatform: isCappedAtOnePerUnit(call, summaryOf(application.data).direction),
        opinion,
        createdBy: account.username,
      });
    } catch (error) {
      if (error instanceof RecommendationRefused) throw new AppError('CAP_REACHED', recommendationRefusal(error.violation, call));
      throw error;
    }
    // Tells the applicant here: the process's guard step then finds the status set and changes nothing.
    await changeApplicationStatus(client, { applicationId: application.id, status: 'recommended', at: deps.clock.now(), actor: account.username, reason: null });
    await insertAuditEntry(client, { actor: account.username, action: 'application.recommended', subject: `application:${application.applicationNumber}`, detail: { opinion, rank: recorded.rank }, callId: application.callId, unitId: application.unitId, applicationId: application.id });
    const commandId = await queueTaskCompletion(client, {
      taskId: task.id,
      processInstanceId: task.processInstanceId,
      variables: { recommendDecision: 'recommend', recommendationOpinion: opinion },
      subject: { applicationId: application.id },
    });
    return { recorded, commandId };
  });
  await deliverAfterCommit(deps, commandId);
  return recorded;
}
