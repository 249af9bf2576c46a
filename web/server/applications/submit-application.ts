import type { Clock } from '../../../platform/clock.js';
import { withTransaction } from '../../../platform/database.js';
import { formatApplicationNumber } from '../../../domain/application-number.js';
import { applicationProcessVariables } from '../../../domain/application-process-variables.js';
import { enterpriseDeadlineFor } from '../../../domain/call.js';
import { submissionRefusalOf } from '../../../domain/call-calendar.js';
import { isWithinCalendar } from '../../../domain/eligibility/e8-within-calendar.js';
import { findApplication, markSubmitted, nextApplicationSequence, type Application } from '../../../store/application-repository.js';
import { changeApplicationStatus } from '../../../store/application-status-change.js';
import { linkAttachments } from '../../../store/attachment-repository.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { findCallLifecycle } from '../../../store/call-lifecycle-repository.js';
import { findCall, findUnitDeadline } from '../../../store/call-repository.js';
import { queueProcessStart } from '../../../store/engine-command-repository.js';
import { deliverAfterCommit, type EngineCommandDeps } from '../engine-commands/deliver.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import { applicationFormIds, DECLARATION_PROCESS, type DeployedForms } from './deployed-forms.js';
import { validateSubmission } from './validate-submission.js';

export interface SubmitDeps extends EngineCommandDeps {
  forms: DeployedForms;
  clock: Clock;
}

/**
 * Submits a draft: validate (form rules, rule fields, attachments), check the calendar (E8), then in one
 * transaction number it, record "submitted" and queue the start of its process instance, which runs after the
 * commit (at once, or by the relay when the engine is down). A refusal, or a failed commit, changes nothing and
 * starts nothing.
 */
export async function submitApplication(deps: SubmitDeps, account: Account, draft: Application, data: Record<string, unknown>): Promise<Application> {
  if (draft.status !== 'draft') throw new AppError('CONFLICT', '该申报已提交。');
  // The call's release: validated against its form, started on its definition.
  const { form, processDefinitionId } = await deps.forms.forCall(draft.callId, applicationFormIds[draft.template]);
  const call = await findCall(deps.db, draft.callId);
  if (!call) throw new AppError('NOT_FOUND');
  const refusal = submissionRefusalOf((await findCallLifecycle(deps.db, call.id))!);
  if (refusal) throw new AppError('CALL_CLOSED', refusal);
  const { fields, attachmentIds } = await validateSubmission(deps.db, form, data, account.enterpriseUscc!, { call, template: draft.template });
  const now = deps.clock.now();
  const closesAt = enterpriseDeadlineFor(call, await findUnitDeadline(deps.db, call.id, fields.declaredUnit));
  if (!isWithinCalendar(now, { opensAt: call.opensAt, closesAt })) throw new AppError('CALL_CLOSED');

  const commandId = await withTransaction(deps.db, async (client) => {
    const locked = await findApplication(client, draft.id, true);
    if (locked?.status !== 'draft') throw new AppError('CONFLICT', '该申报已提交。');
    const applicationNumber = formatApplicationNumber(call.year, fields.declaredUnit, await nextApplicationSequence(client, call.year, fields.declaredUnit));
    await markSubmitted(client, { id: draft.id, data, unitId: fields.declaredUnit, applicationNumber, at: now });
    await linkAttachments(client, draft.id, attachmentIds);
    await changeApplicationStatus(client, { applicationId: draft.id, status: 'submitted', at: now, actor: account.username, reason: null });
    await insertAuditEntry(client, {
      actor: account.username, action: 'application.submitted', subject: `application:${applicationNumber}`,
      detail: { template: draft.template, attachments: attachmentIds.length }, callId: call.id, unitId: fields.declaredUnit, applicationId: draft.id, at: now,
    });
    return queueProcessStart(client, {
      processDefinitionId,
      processDefinitionKey: DECLARATION_PROCESS,
      businessKey: applicationNumber,
      variables: applicationProcessVariables({ id: draft.id, applicationNumber, enterpriseUscc: locked.enterpriseUscc }, fields),
      subject: { applicationId: draft.id },
    });
  });
  await deliverAfterCommit(deps, commandId);
  return (await findApplication(deps.db, draft.id))!;
}
