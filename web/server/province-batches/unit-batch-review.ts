import type { Call } from '../../../domain/call.js';
import { projectStatuses } from '../../../domain/project-status.js';
import { isUnitId, unitNameOf } from '../../../domain/units.js';
import { findAttachments } from '../../../store/attachment-repository.js';
import { findBatch } from '../../../store/batch-repository.js';
import { listProjects } from '../../../store/project-repository.js';
import { activeRecommendationsOfCall, openFindingCounts, submittedEntriesOfCall } from '../../../store/province-batch-repository.js';
import { displayNames } from '../../../store/task-subject-repository.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import type { ReceivedBatchDetail } from '../schemas/province-batches.js';
import { tasksOf, type TaskDeps } from '../tasks/scope.js';
import { compareWithRecommendations } from './batch-check.js';

/** The formal review's user task in the project process (processes/project.bpmn). */
const FORMAL_REVIEW_TASK = 'FormalReview';

/**
 * One unit's submitted batch as the officer starts its formal review from: the check (sealed scan, the 推荐表 it was
 * made of, each entry's rank and opinion against the unit's recommendations now) and its projects, each with the
 * findings of its latest checks and the open FormalReview task the reader may handle. A batch not yet submitted is
 * refused (409), an unknown unit is not found.
 */
export async function unitBatchReview(deps: TaskDeps, account: Account, call: Call, unitId: string): Promise<ReceivedBatchDetail> {
  const { db } = deps;
  if (!isUnitId(unitId)) throw new AppError('NOT_FOUND', '没有这个推荐单位。');
  const batch = await findBatch(db, call.id, unitId);
  if (!batch?.submittedAt || !batch.submittedBy) throw new AppError('CONFLICT', '该单位的推荐批次尚未报送省厅，不能进行形式审查。');
  const [submitted, active, projects, names, files] = await Promise.all([
    submittedEntriesOfCall(db, call.id), activeRecommendationsOfCall(db, call.id), listProjects(db, { callId: call.id, unitId }),
    displayNames(db, [batch.submittedBy]), findAttachments(db, [batch.sealedScanId, batch.tablePdfId, batch.tableDocxId].filter((id): id is string => !!id)),
  ]);
  const [findings, tasks] = await Promise.all([openFindingCounts(db, projects.map((p) => p.id)), tasksOf(deps, account)]);
  const entries = submitted.get(unitId) ?? [];
  const comparison = compareWithRecommendations(entries, active.get(unitId) ?? []);
  const projectOf = new Map(projects.map((p) => [p.applicationId, p]));
  const taskOf = new Map(tasks.filter(({ task }) => task.taskDefinitionKey === FORMAL_REVIEW_TASK).map(({ task }) => [task.processInstanceId, task.id]));
  const fileOf = (id: string | null) => {
    const found = id ? files.find((f) => f.id === id) : undefined;
    return found ? { id: found.id, fileName: found.fileName } : null;
  };
  const sealedScan = fileOf(batch.sealedScanId);
  return {
    callId: call.id, callTitle: call.title, unitId, unitName: unitNameOf(unitId), submittedAt: batch.submittedAt,
    submittedBy: { username: batch.submittedBy, name: names.get(batch.submittedBy) ?? batch.submittedBy },
    check: {
      scanPresent: sealedScan !== null, sealedScan, tablePdf: fileOf(batch.tablePdfId), tableDocx: fileOf(batch.tableDocxId),
      matchesRecommendations: comparison.matches, recommendationsNotSubmitted: comparison.notSubmitted,
      entries: [...entries].sort((a, b) => a.rank - b.rank).map((entry) => {
        const project = projectOf.get(entry.applicationId);
        return {
          applicationId: entry.applicationId, projectId: project?.id ?? null, projectNumber: project?.projectNumber ?? null,
          projectName: project?.projectName ?? '', enterpriseName: project?.enterpriseName ?? '',
          rank: entry.rank, opinion: entry.opinion, standing: comparison.standingOf(entry.applicationId),
        };
      }),
    },
    projects: projects.map((project) => ({
      projectId: project.id, projectNumber: project.projectNumber, projectName: project.projectName, enterpriseName: project.enterpriseName,
      status: project.status, statusLabel: projectStatuses[project.status], findings: findings.get(project.id) ?? null,
      formalReviewTaskId: (project.processInstanceId && taskOf.get(project.processInstanceId)) || null,
    })),
  };
}
