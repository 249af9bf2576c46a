import type { Clock } from '../../../platform/clock.js';
import { withTransaction } from '../../../platform/database.js';
import { statusNoticeValues } from '../../../domain/applicant-notice.js';
import { summaryOf } from '../../../domain/application-summary.js';
import { fillNoticeText } from '../../../domain/notice-texts.js';
import { findApplication } from '../../../store/application-repository.js';
import { changeApplicationStatus } from '../../../store/application-status-change.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { findBatch } from '../../../store/batch-repository.js';
import { currentNoticeTexts } from '../../../store/notice-text-repository.js';
import { endRecommendation } from '../../../store/recommendation-repository.js';
import { queueDeclarationMessage } from '../engine-commands/declaration-message.js';
import { deliverAfterCommit, type EngineCommandDeps } from '../engine-commands/deliver.js';
import { declarationMessages } from '../../../domain/declaration-messages.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';

/**
 * The unit withdraws its recommendation of an application before its batch is submitted: in one transaction (under
 * the unit's batch lock, so it does not race the submission) the recommendation ends, freeing its place, the
 * application is back in the unit's library, and the message to its process is queued (its wait for the batch goes
 * back to the recommendation task), delivered after the commit. Nothing changes when it is refused.
 */
export async function withdrawRecommendation(deps: EngineCommandDeps & { clock: Clock }, account: Account, applicationId: string): Promise<void> {
  const found = await findApplication(deps.db, applicationId);
  if (!found?.unitId || found.unitId !== account.unitId || !found.applicationNumber) throw new AppError('NOT_FOUND');
  const commandId = await withTransaction(deps.db, async (client) => {
    // The batch lock first, as the submission takes it, then the application's row.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`batch:${found.callId}:${found.unitId}`]);
    const application = (await findApplication(client, applicationId, true))!;
    if ((await findBatch(client, application.callId, found.unitId!))?.submittedAt && application.status === 'recommended') {
      throw new AppError('CONFLICT', '本单位的推荐批次已报送省厅，不能再撤回推荐。');
    }
    if (application.status !== 'recommended') throw new AppError('CONFLICT', '该项目当前未被推荐，无需撤回推荐。');
    // Only once the process waits for the batch: before that its guard step would record the recommendation again.
    if (!(await waitsForBatch(deps, application.processInstanceId))) throw new AppError('CONFLICT', '推荐正在登记，请稍后刷新再试。');
    const now = deps.clock.now();
    // As the call words it (推荐单位撤回推荐), recorded with the recommendation's end and the status.
    const texts = (await currentNoticeTexts(client, application.callId))!;
    const reason = fillNoticeText(texts.texts.recommendationWithdrawnReason, statusNoticeValues({ applicationNumber: found.applicationNumber!, projectName: summaryOf(application.data).projectName }, 'in-city-library'));
    if (!(await endRecommendation(client, application.id, now, reason))) {
      throw new AppError('CONFLICT', '该项目当前未被推荐，无需撤回推荐。');
    }
    await changeApplicationStatus(client, { applicationId: application.id, status: 'in-city-library', at: now, actor: account.username, reason });
    await insertAuditEntry(client, { actor: account.username, action: 'application.recommendation-withdrawn', subject: `application:${application.applicationNumber}`, detail: {}, callId: application.callId, unitId: application.unitId, applicationId: application.id, at: now });
    return queueDeclarationMessage(client, { id: application.id, applicationNumber: found.applicationNumber! }, 'recommendationWithdrawn');
  });
  await deliverAfterCommit(deps, commandId);
}

// helpers

async function waitsForBatch(deps: EngineCommandDeps, processInstanceId: string | null): Promise<boolean> {
  if (!processInstanceId) return false;
  const steps = await deps.engine.historicActivitySteps(processInstanceId);
  return steps.some((step) => step.activityId === declarationMessages.batchSubmitted.catchingActivityId && step.endTime === null);
}
