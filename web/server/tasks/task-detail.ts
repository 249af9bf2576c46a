import { isScanMediaType } from '../../../domain/attachment-types.js';
import { unitNameOf } from '../../../domain/units.js';
import { findApplication, latestRuleOutcomes } from '../../../store/application-repository.js';
import { findAttachments } from '../../../store/attachment-repository.js';
import { latestDocuments, type DocumentKind } from '../../../store/document-repository.js';
import { formalReviewsOf, latestProjectChecks } from '../../../store/project-review-repository.js';
import { displayNames } from '../../../store/task-subject-repository.js';
import type { Account } from '../identity/roles.js';
import type { TaskDetail } from '../schemas/tasks.js';
import { deployedFormOrNull } from './complete-task.js';
import { formContext } from './form-context.js';
import { formForTask } from '../review-sessions/score-form.js';
import { seatMaterialsOpen, seatTaskInfoOf } from '../review-sessions/seat-task-info.js';
import { reviewSessionStatuses } from '../../../store/review-session-repository.js';
import { scopedTask, type ScopedTask, type TaskDeps } from './scope.js';
import { stageOf } from './stages.js';
import { taskRowOf } from './views.js';

// A task's page: the task, its deployed form with the variables the form shows, and its subject with every file
// a reviewer looks at (uploads, rendered documents, sealed scans, the 推荐表).

/** The page of one task the account may see. */
export async function taskDetailOf(deps: TaskDeps, account: Account, taskId: string): Promise<TaskDetail> {
  const scoped = await scopedTask(deps, account, taskId);
  const { task, subject } = scoped;
  const [form, variables, names] = await Promise.all([
    deployedFormOrNull(deps, task.id).then((deployed) => formForTask(deps, scoped, deployed)),
    deps.engine.taskVariables(task.id),
    displayNames(deps.db, task.assignee ? [task.assignee] : []),
  ]);
  const seatOpen = subject.kind === 'seat' && (await seatMaterialsOpen(deps, subject.seat));
  const application = subject.kind === 'application' || seatOpen ? await findApplication(deps.db, subject.kind === 'seat' ? subject.application.id : subject.application!.id) : undefined;
  return {
    ...taskRowOf(scoped, names),
    form,
    formData: form === null ? {} : formContext(form, variables),
    submitLabel: stageOf(task.processDefinitionId, task.taskDefinitionKey, task.name).submitLabel,
    application: application ? { id: application.id, applicationNumber: application.applicationNumber, template: application.template, status: application.status, data: application.data } : null,
    batch: subject.kind === 'batch'
      ? { callId: subject.batch.callId, callTitle: subject.batch.callTitle, unitName: unitNameOf(subject.batch.unitId), renderedAt: subject.batch.renderedAt?.toISOString() ?? null }
      : null,
    attachments: subject.kind === 'seat' && !seatOpen ? [] : await attachmentsOf(deps, scoped, application?.data ?? {}),
    warnings: subject.kind === 'application' && subject.project ? await findingsOf(deps, subject.project.id) : subject.kind === 'application' && application ? await warningsOf(deps, application.id) : [],
    reviewSession: subject.kind === 'review-session'
      ? { sessionId: subject.session.id, name: subject.session.name, status: subject.session.status, statusLabel: reviewSessionStatuses[subject.session.status] }
      : null,
    reviewSeat: subject.kind === 'seat' ? await seatTaskInfoOf(deps, subject.seat) : null,
  };
}

// helpers

async function warningsOf(deps: TaskDeps, applicationId: string) {
  return (await latestRuleOutcomes(deps.db, applicationId))
    .filter((outcome) => outcome.result === 'warning')
    .map((outcome) => ({ ruleId: outcome.ruleId, reason: outcome.reason ?? '自动审查提示，请核实', field: outcome.field ?? null }));
}

/** A project's formal review: every finding of the checks re-run on the data as submitted, for the officer to judge. */
async function findingsOf(deps: TaskDeps, projectId: string) {
  return (await latestProjectChecks(deps.db, projectId))
    .filter((outcome) => outcome.result !== 'pass')
    .map((outcome) => ({ ruleId: outcome.ruleId, reason: outcome.reason ?? '形式审查核验提示，请核实', field: outcome.field ?? null }));
}

// In the order a reviewer reads them: the materials, what the enterprise sealed, then the rest; PDFs before Word.
const documentLabels: Record<DocumentKind, string> = {
  materials: '申报材料',
  'sealed-materials': '申报材料（盖章扫描件）',
  commitment: '承诺书',
  'sealed-commitment': '承诺书（盖章扫描件）',
  'recommended-materials': '申报材料（含推荐单位意见）',
};
const kindOrder = Object.keys(documentLabels);

async function attachmentsOf(deps: TaskDeps, { subject }: ScopedTask, data: Record<string, unknown>) {
  const labelled: { id: string; label: string }[] = [];
  if (subject.kind === 'seat') {
    labelled.push(...(await latestDocuments(deps.db, subject.application.id)).filter((d) => d.kind === 'materials' || d.kind === 'recommended-materials')
      .map((d) => ({ id: d.attachmentId, label: `${documentLabels[d.kind]}${d.format === 'docx' ? '（Word）' : ''}` })));
    labelled.push(...referencesIn(data).map((id) => ({ id, label: '申报附件' })));
  } else if (subject.kind === 'application') {
    const documents = (await latestDocuments(deps.db, subject.application.id))
      .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || Number(a.format === 'docx') - Number(b.format === 'docx'));
    labelled.push(...documents.map((d) => ({ id: d.attachmentId, label: `${documentLabels[d.kind]}${d.format === 'docx' ? '（Word）' : ''}` })));
    labelled.push(...referencesIn(data).map((id) => ({ id, label: '申报附件' })));
    if (subject.project) labelled.push(...(await batchFilesOfProject(deps, subject.project.id)));
  } else if (subject.kind === 'batch') {
    const { tablePdfId, tableDocxId, sealedScanId } = subject.batch;
    if (tablePdfId) labelled.push({ id: tablePdfId, label: '推荐表' });
    if (tableDocxId) labelled.push({ id: tableDocxId, label: '推荐表（Word）' });
    if (sealedScanId) labelled.push({ id: sealedScanId, label: '盖章推荐表扫描件' });
  }
  const stored = new Map((await findAttachments(deps.db, labelled.map((l) => l.id))).map((a) => [a.id, a]));
  const seen = new Set<string>();
  return labelled.flatMap(({ id, label }) => {
    const attachment = stored.get(id);
    if (!attachment || seen.has(id)) return [];
    seen.add(id);
    return [{ id, fileName: attachment.fileName, mediaType: attachment.mediaType, label, previewable: isScanMediaType(attachment.mediaType) }];
  });
}

/** For the province's formal review: the batch's 推荐表 and its sealed scan, and the unit's answers to returns. */
async function batchFilesOfProject(deps: TaskDeps, projectId: string): Promise<{ id: string; label: string }[]> {
  const result = await deps.db.query<{ table_pdf_id: string | null; sealed_scan_id: string | null }>(
    'SELECT b.table_pdf_id, b.sealed_scan_id FROM project p JOIN unit_batch b ON b.call_id = p.call_id AND b.unit_id = p.unit_id WHERE p.id = $1',
    [projectId],
  );
  const batch = result.rows[0];
  const answers = (await formalReviewsOf(deps.db, projectId)).flatMap((review) => [
    ...review.answerAttachments.map((file) => ({ id: file.id, label: `市局答复材料（第${review.round}轮）` })),
    ...(review.newSealedTable ? [{ id: review.newSealedTable.id, label: '重新盖章的推荐表扫描件' }] : []),
  ]);
  return [
    ...(batch?.table_pdf_id ? [{ id: batch.table_pdf_id, label: '推荐表' }] : []),
    ...(batch?.sealed_scan_id ? [{ id: batch.sealed_scan_id, label: '盖章推荐表扫描件' }] : []),
    ...answers,
  ];
}

/** The ids of the attachment references anywhere in an application's data. */
function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (!value || typeof value !== 'object') return [];
  const { id, sha256 } = value as { id?: unknown; sha256?: unknown };
  if (typeof id === 'string' && typeof sha256 === 'string') return [id];
  return Object.values(value).flatMap(referencesIn);
}
