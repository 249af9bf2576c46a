import { withTransaction } from '../../../platform/database.js';
import { applicationProcessVariables } from '../../../domain/application-process-variables.js';
import { findApplication, storeCorrection, type Application } from '../../../store/application-repository.js';
import { changeApplicationStatus } from '../../../store/application-status-change.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { linkAttachments } from '../../../store/attachment-repository.js';
import { queueTaskCompletion } from '../../../store/engine-command-repository.js';
import { deliverAfterCommit } from '../engine-commands/deliver.js';
import { summaryOf } from '../../../domain/application-summary.js';
import { findCall } from '../../../store/call-repository.js';
import { AppError } from '../errors.js';
import { openTask } from './open-task.js';
import type { Account } from '../identity/roles.js';
import { applicationFormIds } from './deployed-forms.js';
import type { SubmitDeps } from './submit-application.js';
import { validateSubmission } from './validate-submission.js';

/** The open correction task of an application, if the process is waiting for one. */
export async function openCorrectionTask(deps: Pick<SubmitDeps, 'engine'>, application: Application) {
  return application.status === 'correction-requested' ? openTask(deps.engine, application.processInstanceId, 'Correction') : undefined;
}

/**
 * Answers a correction request with corrected data: validated like a submission, stored with the round counted, and
 * in the same transaction the completion of the waiting task queued with the corrected process variables, so the
 * checks run again on them once it is delivered (at once after the commit, or by the relay). A refusal changes nothing.
 */
export async function answerCorrection(deps: SubmitDeps, account: Account, application: Application, data: Record<string, unknown>, response: string): Promise<void> {
  const task = await openCorrectionTask(deps, application);
  if (!task) throw new AppError('CONFLICT', '该申报当前没有待补正事项。');
  // The form of the version this application's instance runs on, whatever was deployed since.
  const form = await deps.forms.ofInstance(task.processInstanceId, applicationFormIds[application.template]);
  const call = await findCall(deps.db, application.callId);
  if (!call) throw new AppError('NOT_FOUND');
  const { fields, attachmentIds } = await validateSubmission(deps.db, form, data, account.enterpriseUscc!, {
    call, template: application.template, keptDirection: summaryOf(application.data).direction,
  });
  if (fields.declaredUnit !== application.unitId) {
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'data.declaredUnit', message: '补正时不能更改推荐单位' }]);
  }
  const now = deps.clock.now();
  const commandId = await withTransaction(deps.db, async (client) => {
    const locked = await findApplication(client, application.id, true);
    if (locked?.status !== 'correction-requested') throw new AppError('CONFLICT', '该申报当前没有待补正事项。');
    await storeCorrection(client, { id: application.id, data, at: now });
    await linkAttachments(client, application.id, attachmentIds);
    await changeApplicationStatus(client, { applicationId: application.id, status: 'resubmitted', at: now, actor: account.username, reason: null });
    await insertAuditEntry(client, { actor: account.username, action: 'application.corrected', subject: `application:${application.applicationNumber}`, detail: { round: locked.correctionRound }, callId: application.callId, unitId: fields.declaredUnit, applicationId: application.id, at: now });
    // A submitted application has its number.
    const variables = applicationProcessVariables({ id: locked.id, applicationNumber: locked.applicationNumber!, enterpriseUscc: locked.enterpriseUscc }, fields);
    return queueTaskCompletion(client, {
      taskId: task.id,
      processInstanceId: task.processInstanceId,
      variables: { ...variables, correctionResponse: response },
      subject: { applicationId: application.id },
    });
  });
  await deliverAfterCommit(deps, commandId);
}
