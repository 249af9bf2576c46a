import type { Clock } from '../../../platform/clock.js';
import { withTransaction, type Queryable } from '../../../platform/database.js';
import { applicationStatuses } from '../../../domain/application-status.js';
import { summaryOf } from '../../../domain/application-summary.js';
import { withdrawableStatuses } from '../../../domain/declaration-messages.js';
import { withdrawalNotice } from '../../../domain/unit-notices.js';
import { statusNoticeValues } from '../../../domain/applicant-notice.js';
import { fillNoticeText } from '../../../domain/notice-texts.js';
import { findApplication, type Application } from '../../../store/application-repository.js';
import { changeApplicationStatus } from '../../../store/application-status-change.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { findBatch } from '../../../store/batch-repository.js';
import { addInAppMessage } from '../../../store/notification-repository.js';
import { currentNoticeTexts } from '../../../store/notice-text-repository.js';
import { endRecommendation } from '../../../store/recommendation-repository.js';
import { queueDeclarationMessage } from '../engine-commands/declaration-message.js';
import { deliverAfterCommit, type EngineCommandDeps } from '../engine-commands/deliver.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import { ownedBy } from './scope.js';

/**
 * Why the applicant may not withdraw the application now (Chinese), or null when it may: from its submission until
 * its unit submits the batch that holds it; after that only through the unit.
 */
export async function withdrawalRefusal(db: Queryable, application: Application): Promise<string | null> {
  if (application.status === 'draft') return '草稿尚未提交，无需撤回。';
  if (!(withdrawableStatuses as readonly string[]).includes(application.status)) return `申报已“${applicationStatuses[application.status]}”，不能撤回。`;
  if (application.status === 'recommended' && application.unitId && (await findBatch(db, application.callId, application.unitId))?.submittedAt) {
    return '推荐单位已将本项目报送省厅，企业不能再自行撤回；如需撤回，请联系推荐单位。';
  }
  return null;
}

/**
 * The applicant withdraws its application with a reason: in one transaction (under the unit's batch lock, so it does
 * not race the batch's submission) an active recommendation ends (its place is freed), the application is withdrawn
 * with the reason, the unit's reviewers get an in-app message, and the message that ends its process is queued,
 * delivered after the commit. Nothing changes when it is refused.
 */
export async function withdrawApplication(deps: EngineCommandDeps & { clock: Clock }, account: Account, applicationId: string, reason: string): Promise<void> {
  const found = ownedBy(account, await findApplication(deps.db, applicationId));
  const commandId = await withTransaction(deps.db, async (client) => {
    // The batch lock first, as the submission takes it, then the application's row.
    if (found.unitId) await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`batch:${found.callId}:${found.unitId}`]);
    const application = (await findApplication(client, applicationId, true))!;
    const refusal = await withdrawalRefusal(client, application);
    if (refusal || !application.applicationNumber) throw new AppError('CONFLICT', refusal ?? '草稿尚未提交，无需撤回。');
    const now = deps.clock.now();
    const { enterpriseName, projectName } = summaryOf(application.data);
    const texts = (await currentNoticeTexts(client, application.callId))!;
    // As the call words it (企业撤回申报：…), recorded with the recommendation's end, the status and the process.
    const recorded = fillNoticeText(texts.texts.applicantWithdrawalReason, { ...statusNoticeValues({ applicationNumber: application.applicationNumber, projectName }, 'withdrawn'), reason });
    const recommendationEnded = await endRecommendation(client, application.id, now, recorded);
    await changeApplicationStatus(client, { applicationId: application.id, status: 'withdrawn', at: now, actor: account.username, reason: recorded });
    await insertAuditEntry(client, { actor: account.username, action: 'application.withdrawn', subject: `application:${application.applicationNumber}`, detail: { reason }, callId: application.callId, unitId: application.unitId, applicationId: application.id, at: now });
    if (application.unitId) {
      await addInAppMessage(client, {
        eventKey: `application:${application.id}:withdrawn-by-applicant`,
        unitId: application.unitId,
        applicationId: application.id,
        ...withdrawalNotice(texts.texts, { applicationNumber: application.applicationNumber, projectName, enterpriseName, reason }, recommendationEnded),
        noticeTexts: { callId: texts.callId, version: texts.version },
      });
    }
    return queueDeclarationMessage(client, { id: application.id, applicationNumber: application.applicationNumber }, 'applicationWithdrawn', { withdrawalReason: recorded });
  });
  await deliverAfterCommit(deps, commandId);
}
