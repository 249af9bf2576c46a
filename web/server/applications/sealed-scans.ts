import type { AttachmentReference } from '../../../domain/attachment-reference.js';
import { withTransaction } from '../../../platform/database.js';
import { findApplication, type Application } from '../../../store/application-repository.js';
import { changeApplicationStatus } from '../../../store/application-status-change.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { foreignReferences, linkAttachments } from '../../../store/attachment-repository.js';
import { insertDocument } from '../../../store/document-repository.js';
import { queueTaskCompletion } from '../../../store/engine-command-repository.js';
import type { Clock } from '../../../platform/clock.js';
import { deliverAfterCommit, type EngineCommandDeps } from '../engine-commands/deliver.js';
import { AppError } from '../errors.js';
import { openTask } from './open-task.js';
import type { Account } from '../identity/roles.js';

export interface SealedScans {
  sealedMaterials: AttachmentReference;
  sealedCommitment: AttachmentReference;
}

/**
 * Takes the sealed scans of the 申报材料 and 承诺书: they must be the enterprise's own uploads and scans (PDF or image).
 * Records them, sends the application to its city, and queues the completion of the waiting task in the same
 * transaction, delivered after the commit (at once, or by the relay). A refusal changes nothing.
 */
export async function submitSealedScans(deps: EngineCommandDeps & { clock: Clock }, account: Account, application: Application, scans: SealedScans): Promise<void> {
  const task = application.status === 'awaiting-sealed-scans' ? await openTask(deps.engine, application.processInstanceId, 'SealedScans') : undefined;
  if (!task) throw new AppError('CONFLICT', '该申报当前无需上传盖章材料。');
  const references = (['sealedMaterials', 'sealedCommitment'] as const).map((key) => ({ path: `body.${key}`, ref: scans[key] }));
  const problems = (await foreignReferences(deps.db, references, { uscc: account.enterpriseUscc! }, { scansOnly: true })).map(({ path }) => ({
    path,
    message: '请上传本企业盖章后的扫描件（PDF 或 JPG/PNG 图片）',
  }));
  if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems);
  const commandId = await withTransaction(deps.db, async (client) => {
    const locked = await findApplication(client, application.id, true);
    if (locked?.status !== 'awaiting-sealed-scans') throw new AppError('CONFLICT', '该申报当前无需上传盖章材料。');
    await linkAttachments(client, application.id, [scans.sealedMaterials.id, scans.sealedCommitment.id]);
    await insertDocument(client, application.id, locked.correctionRound, 'sealed-materials', 'scan', scans.sealedMaterials.id);
    await insertDocument(client, application.id, locked.correctionRound, 'sealed-commitment', 'scan', scans.sealedCommitment.id);
    await changeApplicationStatus(client, { applicationId: application.id, status: 'with-city', at: deps.clock.now(), actor: account.username, reason: null });
    await insertAuditEntry(client, { actor: account.username, action: 'application.sealed-scans-submitted', subject: `application:${application.applicationNumber}`, detail: { sealedMaterials: scans.sealedMaterials.id, sealedCommitment: scans.sealedCommitment.id }, callId: application.callId, unitId: application.unitId, applicationId: application.id });
    return queueTaskCompletion(client, {
      taskId: task.id,
      processInstanceId: task.processInstanceId,
      variables: { sealedMaterials: scans.sealedMaterials, sealedCommitment: scans.sealedCommitment },
      subject: { applicationId: application.id },
    });
  });
  await deliverAfterCommit(deps, commandId);
}
