import { fieldLabels } from '../../../domain/application.js';
import { optionLabels } from '../../../modeling/form-schema.js';
import { attachmentReferencesIn, type AttachmentReference } from '../../../domain/attachment-reference.js';
import { addWorkingDays } from '../../../domain/working-days.js';
import { withTransaction } from '../../../platform/database.js';
import { foreignReferences } from '../../../store/attachment-repository.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { findCall } from '../../../store/call-repository.js';
import { queueTaskCompletion } from '../../../store/engine-command-repository.js';
import { findProject, type Project } from '../../../store/project-repository.js';
import {
  currentReviewRound, insertFormalReview, openReturn, recordReturnAnswer, type FieldComment, type FormalDecision,
} from '../../../store/project-review-repository.js';
import { workingDayCalendarFrom } from '../../../store/working-day-repository.js';
import type { PoolClient } from '../../../platform/database.js';
import { deliverAfterCommit } from '../engine-commands/deliver.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import type { ScopedTask, TaskDeps } from '../tasks/scope.js';

// The province's formal review of one project (形式审查, LIFECYCLE.md stage 4a) and the unit's answer to a return:
// each decision is a row with who and when, written with the completion of its task queued in one transaction.

/** What the officer decides at FormalReview. */
export interface FormalReviewDecision {
  formalDecision: FormalDecision;
  formalOpinion: string;
  fieldComments?: FieldComment[];
}

/** What the unit answers at AnswerReturn. */
export interface ReturnAnswer {
  returnAnswerKind: 'answered' | 'withdrawn';
  returnAnswerComment: string;
  returnAttachments?: AttachmentReference[];
  newSealedTable?: AttachmentReference;
}

/**
 * Records the officer's decision (入库 / 退回市局 with comments per field and a due date in working days / 不予入库)
 * and queues the task's completion; the model sets the status and, on admission, freezes the snapshot.
 */
export async function decideFormalReview(deps: TaskDeps, account: Account, scoped: ScopedTask, decision: FormalReviewDecision): Promise<void> {
  const now = deps.clock.now();
  // The labels the officer picked the fields by, from the task's own deployed form.
  const labels = optionLabels(await deps.engine.deployedTaskForm(scoped.task.id), ['fieldComments'], 'field');
  const commentsText = (comments: readonly FieldComment[]) => commentLines(comments, (field) => labels.get(field) ?? (fieldLabels as Record<string, string>)[field] ?? field);
  const commandId = await withTransaction(deps.db, async (client) => {
    const project = await lockedProject(client, scoped, 'received', '该项目当前不在待形式审查状态，不能作出形式审查结论。');
    const call = (await findCall(client, project.callId))!;
    const due = decision.formalDecision === 'return' ? addWorkingDays(now, call.returnAnswerDays, await workingDayCalendarFrom(client, now)) : null;
    const fieldComments = decision.formalDecision === 'return' ? decision.fieldComments ?? [] : [];
    const round = await currentReviewRound(client, project.id);
    await insertFormalReview(client, {
      projectId: project.id, round, decision: decision.formalDecision, opinion: decision.formalOpinion, fieldComments, decidedBy: account.username, decidedAt: now, answerDueAt: due,
    });
    await insertAuditEntry(client, {
      actor: account.username, action: 'project.formal-reviewed', subject: `project:${project.id}`, callId: project.callId, unitId: project.unitId, applicationId: project.applicationId, at: now,
      detail: { projectNumber: project.projectNumber, round, decision: decision.formalDecision, opinion: decision.formalOpinion, fieldComments, answerDueAt: due?.toISOString() ?? null },
    });
    return queueTaskCompletion(client, {
      taskId: scoped.task.id, processInstanceId: scoped.task.processInstanceId, subject: { projectId: project.id },
      variables: {
        formalDecision: decision.formalDecision, formalOpinion: decision.formalOpinion, fieldComments, formalReviewer: account.username,
        returnDueDate: due?.toISOString() ?? null, returnDueDateText: due ? beijingDateTime(due) : null, returnCommentsText: commentsText(fieldComments),
      },
    });
  });
  await deliverAfterCommit(deps, commandId);
}

/**
 * Records the unit's answer to a return within its due date: comments and attachments, and when the application
 * leaves the batch (撤回推荐), the newly sealed 推荐表. A late answer is refused and changes nothing.
 */
export async function answerReturn(deps: TaskDeps, account: Account, scoped: ScopedTask, answer: ReturnAnswer): Promise<void> {
  const now = deps.clock.now();
  const files = [...(answer.returnAttachments ?? []), ...(answer.newSealedTable ? [answer.newSealedTable] : [])];
  const foreign = await foreignReferences(deps.db, attachmentReferencesIn({ files }), { accountId: account.id, unitId: account.unitId });
  if (foreign.length) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'body.returnAttachments', message: '附件不存在或不是本单位上传的，请重新上传' }]);
  if (answer.returnAnswerKind === 'withdrawn' && !answer.newSealedTable) {
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'body.newSealedTable', message: '撤回推荐时请上传重新盖章的推荐表扫描件' }]);
  }
  const commandId = await withTransaction(deps.db, async (client) => {
    const project = await lockedProject(client, scoped, 'returned', '该项目当前不在退回市局状态，不能答复。');
    const open = await openReturn(client, project.id, true);
    if (!open) throw new AppError('CONFLICT', '该项目没有待答复的退回意见。');
    if (open.answerDueAt && now > open.answerDueAt) {
      throw new AppError('CONFLICT', `已超过答复期限（${beijingDateTime(open.answerDueAt)}），不能再答复；项目将退回省厅重新审查。`);
    }
    const newSealedTable = answer.returnAnswerKind === 'withdrawn' ? answer.newSealedTable! : null;
    await recordReturnAnswer(client, {
      reviewId: open.id, kind: answer.returnAnswerKind, comment: answer.returnAnswerComment, attachments: answer.returnAttachments ?? [], newSealedTable, by: account.username, at: now,
    });
    await insertAuditEntry(client, {
      actor: account.username, action: 'project.return-answered', subject: `project:${project.id}`, callId: project.callId, unitId: project.unitId, applicationId: project.applicationId, at: now,
      detail: { projectNumber: project.projectNumber, round: open.round, kind: answer.returnAnswerKind, comment: answer.returnAnswerComment, attachments: answer.returnAttachments ?? [], newSealedTable },
    });
    return queueTaskCompletion(client, {
      taskId: scoped.task.id, processInstanceId: scoped.task.processInstanceId, subject: { projectId: project.id },
      variables: { returnAnswerKind: answer.returnAnswerKind, returnAnswerComment: answer.returnAnswerComment, returnAnsweredBy: account.username },
    });
  });
  await deliverAfterCommit(deps, commandId);
}

// helpers

async function lockedProject(client: PoolClient, scoped: ScopedTask, status: Project['status'], refusal: string): Promise<Project> {
  const projectId = scoped.subject.kind === 'application' ? scoped.subject.project?.id : undefined;
  const project = projectId ? await findProject(client, projectId, true) : undefined;
  if (!project) throw new AppError('NOT_FOUND');
  if (project.status !== status) throw new AppError('CONFLICT', refusal);
  return project;
}

function beijingDateTime(at: Date): string {
  return at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

function commentLines(comments: readonly FieldComment[], labelOf: (field: string) => string): string {
  return comments.length ? `**需补充或说明的内容：**\n\n${comments.map((c, i) => `${i + 1}. ${labelOf(c.field)}：${c.comment}`).join('\n')}` : '';
}
