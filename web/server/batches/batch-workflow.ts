import type { Clock } from '../../../platform/clock.js';
import { withTransaction } from '../../../platform/database.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { candidateGroupForUnit, isUnitId } from '../../../domain/units.js';
import { findAttachment, foreignReferences } from '../../../store/attachment-repository.js';
import { findBatch, insertBatch, markBatchSubmitted, renderedEntries, reopenedUntil } from '../../../store/batch-repository.js';
import type { Call } from '../../../domain/call.js';
import { queueProcessStart, queueTaskCompletion } from '../../../store/engine-command-repository.js';
import { insertProjectsOfBatch } from '../../../store/project-repository.js';
import { activeRecommendations, recommendedApplications } from '../../../store/recommendation-repository.js';
import { definitionForCall } from '../../../store/release-repository.js';
import { queueDeclarationMessage } from '../engine-commands/declaration-message.js';
import { queueProjectStart } from '../projects/project-start.js';
import { deliverAfterCommit, type EngineCommandDeps } from '../engine-commands/deliver.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';

export const BATCH_PROCESS = 'unitBatch';

export interface BatchDeps extends EngineCommandDeps {
  clock: Clock;
}

/** The open submission task of a unit's batch, if the process waits for one. */
async function submitTask(deps: BatchDeps, processInstanceId: string | null) {
  return processInstanceId ? (await deps.engine.tasks({ processInstanceId, taskDefinitionKey: 'SubmitBatch' }))[0] : undefined;
}

/**
 * Renders the unit's 推荐表: creates the batch and queues the start of its process (business key call:unit) in one
 * transaction, delivered after the commit (at once, or by the relay); or asks the running one to render again, an
 * engine call alone that changes nothing here.
 */
export async function prepareBatch(deps: BatchDeps, account: Account, call: Call): Promise<void> {
  const unitId = account.unitId!;
  if (!isUnitId(unitId)) throw new AppError('FORBIDDEN');
  const commandId = await withTransaction(deps.db, async (client) => {
    // Serialise two reviewers of one unit preparing at once.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`batch:${call.id}:${unitId}`]);
    const batch = await findBatch(client, call.id, unitId, true);
    if (batch?.submittedAt) throw new AppError('CONFLICT', '本单位的推荐批次已报送省厅。');
    if (!batch) {
      // On the version of the call's set, like its applications; the engine's latest when no release exists.
      const definitionId = (await definitionForCall(client, call.id, BATCH_PROCESS)) ?? (await deps.engine.latestProcessDefinition(BATCH_PROCESS)).id;
      await insertBatch(client, call.id, unitId, null);
      await insertAuditEntry(client, { actor: account.username, action: 'batch.started', subject: `batch:${call.id}:${unitId}`, callId: call.id, unitId, detail: {} });
      return queueProcessStart(client, {
        processDefinitionId: definitionId,
        processDefinitionKey: BATCH_PROCESS,
        businessKey: `${call.id}:${unitId}`,
        variables: { callId: call.id, unitId, cityGroup: candidateGroupForUnit(unitId), preparedByAccountId: account.id },
        subject: { batch: { callId: call.id, unitId } },
      });
    }
    const task = await submitTask(deps, batch.processInstanceId);
    if (!task) throw new AppError('CONFLICT', '推荐表正在生成，请稍后刷新。');
    // Under the unit's lock, so it does not race a submission; refused by the engine, the reviewer tries again.
    await deps.engine.completeTask(task.id, { batchAction: 'regenerate', preparedByAccountId: account.id });
    return undefined;
  });
  if (commandId) await deliverAfterCommit(deps, commandId);
}

/** The deadline a unit's batch must meet: the call's, or a later one the province reopened. */
export async function batchDeadline(deps: Pick<BatchDeps, 'db'>, call: Call, unitId: string): Promise<Date> {
  const reopened = await reopenedUntil(deps.db, call.id, unitId);
  return reopened && reopened > call.cityDeadline ? reopened : call.cityDeadline;
}

/**
 * Submits the unit's batch with the stamped scan of its current 推荐表, within the calendar; records what was
 * submitted and queues the completion of the batch's task and, for each application it holds, the message that ends
 * its process's wait for the batch (已推荐至省厅), in one transaction, delivered after the commit (at once, or by the
 * relay). Nothing changes when anything is refused.
 */
export async function submitBatch(deps: BatchDeps, account: Account, call: Call, sealedTable: { id: string; sha256: string }): Promise<void> {
  const unitId = account.unitId!;
  const now = deps.clock.now();
  if (now > (await batchDeadline(deps, call, unitId))) throw new AppError('CALL_CLOSED', '已过报送截止时间；如需报送，请联系省厅重新开放。');
  if ((await foreignReferences(deps.db, [{ ref: sealedTable }], { unitId }, { scansOnly: true })).length > 0) {
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'body.sealedTable', message: '请上传本单位盖章后的推荐表扫描件（PDF 或 JPG/PNG 图片）' }]);
  }
  const scan = (await findAttachment(deps.db, sealedTable.id))!;
  const commandIds = await withTransaction(deps.db, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`batch:${call.id}:${unitId}`]);
    const batch = await findBatch(client, call.id, unitId, true);
    if (batch?.submittedAt) throw new AppError('CONFLICT', '本单位的推荐批次已报送省厅。');
    const task = batch && (await submitTask(deps, batch.processInstanceId));
    if (!batch?.renderedAt || !task) throw new AppError('CONFLICT', '请先生成推荐表。');
    const recommendations = await activeRecommendations(client, call.id, unitId);
    if (!recommendations.length) throw new AppError('CONFLICT', '本单位尚未推荐任何项目。');
    const current = recommendations.map((r) => ({ applicationId: r.applicationId, rank: r.rank, opinion: r.opinion }));
    // Compared field by field: jsonb does not keep the key order of what was stored.
    const key = (entries: readonly { applicationId: string; rank: number; opinion: string }[] = []) => entries.map((e) => `${e.applicationId}|${e.rank}|${e.opinion}`).join('\n');
    if (key(current) !== key(await renderedEntries(client, call.id, unitId))) {
      throw new AppError('CONFLICT', '推荐项目在推荐表生成后有变化，请重新生成推荐表并盖章。');
    }
    await markBatchSubmitted(client, { callId: call.id, unitId, sealedScanId: scan.id, by: account.username, at: now, entries: current });
    await insertAuditEntry(client, { actor: account.username, action: 'batch.submitted', subject: `batch:${call.id}:${unitId}`, callId: call.id, unitId, at: now, detail: { sealedScanId: scan.id, entries: current } });
    const batchCommand = await queueTaskCompletion(client, {
      taskId: task.id,
      processInstanceId: task.processInstanceId,
      variables: { batchAction: 'submit', sealedTable: { id: scan.id, fileName: scan.fileName, sha256: scan.sha256 } },
      subject: { batch: { callId: call.id, unitId } },
    });
    // Each application of the batch becomes a project (待形式审查) with its process queued to start, in this
    // transaction: a refused or rolled-back submission creates none, and the unit's lock with the submitted check
    // makes a second submission create none.
    const held = await recommendedApplications(client, call.id, unitId);
    const projects = await insertProjectsOfBatch(client, { callId: call.id, unitId, applications: held, actor: account.username, at: now });
    const starts: string[] = [];
    for (const project of projects) starts.push(await queueProjectStart(client, deps.engine, { ...project, callId: call.id, unitId }));
    const messages: string[] = [];
    for (const application of held) {
      messages.push(await queueDeclarationMessage(client, { id: application.applicationId, applicationNumber: application.applicationNumber }, 'batchSubmitted'));
    }
    return [batchCommand, ...messages, ...starts];
  });
  for (const commandId of commandIds) await deliverAfterCommit(deps, commandId);
}
