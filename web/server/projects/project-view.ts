import { z } from 'zod';
import type { Logger } from '../../../platform/logger.js';
import { callDirectionLabel, DIRECTION_OPTIONS_KEY } from '../../../domain/call-directions.js';
import { openChangeRequestStatuses } from '../../../domain/change-request-rules.js';
import { isInLibrary, projectStatuses } from '../../../domain/project-status.js';
import { unitNameOf } from '../../../domain/units.js';
import { findApplication, type Application } from '../../../store/application-repository.js';
import { findAttachments } from '../../../store/attachment-repository.js';
import { findCall } from '../../../store/call-repository.js';
import { findProject, findProjectOfApplication, projectStatusEvents, type Project, type ProjectStatusEvent } from '../../../store/project-repository.js';
import { listChangeRequests, listExitProposals } from '../../../store/project-change-repository.js';
import { formalReviewsOf } from '../../../store/project-review-repository.js';
import { applicationFormIds, type DeployedForms } from '../applications/deployed-forms.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import type { ApplicationProject, ProjectStatusEventView, ProjectView } from '../schemas/projects.js';
import { scopedTask, type TaskDeps } from '../tasks/scope.js';
import { stageOf } from '../tasks/stages.js';
import { actorNamesFor } from './actor-names.js';
import { actorsOf, changeRequestView, exitProposalViews, formalReviewView } from './project-records.js';
import { mayViewProject, projectVisibleTo } from './scope.js';
import { formFields, versionFields } from './version-fields.js';

// A project's page (省级项目库): the project, its current version beside its admission snapshot field by field, its
// status rows, formal review rounds, change requests and exit proposals, the open task the reader may act on, and
// what the page offers the reader. Every record is the application database's own (LIFECYCLE.md: the trail).

export interface ProjectViewDeps extends TaskDeps {
  forms: DeployedForms;
  log: Pick<Logger, 'warn'>;
}

// project.snapshot as the admission worker writes it (spec of issue 15); files the worker did not list read as none.
const storedSnapshot = z.object({
  admittedAt: z.string(),
  template: z.string(),
  data: z.record(z.string(), z.unknown()),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), mediaType: z.string().catch(''), sha256: z.string(), label: z.string().catch('') })).catch([]),
  documents: z.array(z.object({ kind: z.string(), format: z.string(), attachmentId: z.string(), fileName: z.string(), sha256: z.string() })).catch([]),
}).nullable();

/** The page of a project the account may see; NOT_FOUND for any other. */
export async function projectViewOf(deps: ProjectViewDeps, account: Account, projectId: string): Promise<ProjectView> {
  const project = projectVisibleTo(account, await findProject(deps.db, projectId));
  const application = await findApplication(deps.db, project.applicationId);
  if (!application) throw new AppError('NOT_FOUND', '没有找到该项目。');
  const [call, events, rounds, changeRequests, exitProposals] = await Promise.all([
    findCall(deps.db, project.callId), projectStatusEvents(deps.db, project.id), formalReviewsOf(deps.db, project.id),
    listChangeRequests(deps.db, project.id), listExitProposals(deps.db, project.id),
  ]);
  const snapshot = storedSnapshot.parse(project.snapshot);
  // The direction options the form reads (valuesKey): every direction the versions and the change requests name.
  const asked = changeRequests.map((request) => (request.changes && typeof request.changes === 'object' ? (request.changes as Record<string, unknown>).direction : undefined));
  const directions = [...new Set([application.data.direction, snapshot?.data.direction, ...asked].filter((d): d is string => typeof d === 'string'))];
  const options = { [DIRECTION_OPTIONS_KEY]: directions.map((value) => ({ value, label: call ? callDirectionLabel(call, value) : value })) };
  const fields = formFields(await formOf(deps, application), options);
  const applicant = account.role === 'applicant';
  const name = await actorNamesFor(deps.db, account, [...events.map((event) => event.actor), ...actorsOf(rounds, changeRequests, exitProposals)]);
  const open = changeRequests.some((request) => openChangeRequestStatuses.includes(request.status)) || exitProposals.some((proposal) => proposal.status === 'pending');
  const inLibrary = isInLibrary(project.status);
  return {
    project: {
      id: project.id, projectNumber: project.projectNumber, applicationId: project.applicationId, projectName: project.projectName,
      call: { id: project.callId, title: call?.title ?? project.callId }, unit: { id: project.unitId, name: unitNameOf(project.unitId) },
      enterprise: { uscc: project.enterpriseUscc, name: project.enterpriseName }, status: project.status, statusLabel: projectStatuses[project.status],
      createdAt: project.createdAt, admittedAt: project.admittedAt,
    },
    current: { template: application.template, data: application.data },
    snapshot: snapshot && await withIntegrity(deps, snapshot),
    fields: versionFields(fields, application.data, snapshot?.data ?? null),
    history: events.map((event) => eventView(event, name)),
    formalReviews: rounds.map((round) => formalReviewView(round, fields, name, applicant)),
    changeRequests: changeRequests.map((request) => changeRequestView(request, fields, name, applicant)),
    exitProposals: exitProposalViews(exitProposals, name, applicant),
    task: await openTaskOf(deps, account, project),
    actions: {
      requestChange: applicant && inLibrary && !open,
      proposeExit: (account.role === 'province-officer' || account.role === 'division-head') && inLibrary && !open,
      blockedBy: inLibrary && open ? '该项目有尚未办结的变更申请或退库提议，办结后才能再提出。' : null,
    },
  };
}

/** The project an application became, for its status page; null before its batch reached the province or when the reader may not see it. */
export async function applicationProjectOf(deps: Pick<TaskDeps, 'db'>, account: Account, applicationId: string): Promise<ApplicationProject | null> {
  const project = await findProjectOfApplication(deps.db, applicationId);
  if (!project || !mayViewProject(account, project)) return null;
  const events = await projectStatusEvents(deps.db, project.id);
  const name = await actorNamesFor(deps.db, account, events.map((event) => event.actor));
  return {
    projectId: project.id, projectNumber: project.projectNumber, status: project.status, label: projectStatuses[project.status],
    history: events.map((event) => eventView(event, name)),
  };
}

// helpers

function eventView(event: ProjectStatusEvent, name: (actor: string) => string): ProjectStatusEventView {
  return {
    fromStatus: event.fromStatus, fromLabel: event.fromStatus && projectStatuses[event.fromStatus], toStatus: event.toStatus,
    toLabel: projectStatuses[event.toStatus], actor: name(event.actor), at: event.at, reason: event.reason,
  };
}

/** The application form the project was declared on: its instance's version, else its call's; none if the engine cannot say. */
async function formOf(deps: ProjectViewDeps, application: Application): Promise<unknown> {
  const formId = applicationFormIds[application.template];
  try {
    return application.processInstanceId
      ? await deps.forms.ofInstance(application.processInstanceId, formId)
      : (await deps.forms.forCall(application.callId, formId)).form;
  } catch (error) {
    // The page still shows every field, under the shared labels, while the engine is away.
    deps.log.warn({ err: error, applicationId: application.id }, 'The project page could not read the application form; fields keep their shared labels');
    return undefined;
  }
}

/** The snapshot's files, each with whether the stored file still has the hash frozen at admission. */
async function withIntegrity(deps: ProjectViewDeps, snapshot: NonNullable<z.infer<typeof storedSnapshot>>): Promise<NonNullable<ProjectView['snapshot']>> {
  const stored = new Map((await findAttachments(deps.db, [...snapshot.attachments.map((a) => a.id), ...snapshot.documents.map((d) => d.attachmentId)])).map((a) => [a.id, a.sha256]));
  return {
    admittedAt: snapshot.admittedAt, template: snapshot.template, data: snapshot.data,
    attachments: snapshot.attachments.map((file) => ({ ...file, intact: stored.get(file.id) === file.sha256 })),
    documents: snapshot.documents.map(({ attachmentId, ...file }) => ({ ...file, id: attachmentId, label: documentLabel(file.kind, file.format), intact: stored.get(attachmentId) === file.sha256 })),
  };
}

const documentLabels: Readonly<Record<string, string>> = {
  materials: '申报材料',
  'sealed-materials': '申报材料（盖章扫描件）',
  commitment: '承诺书',
  'sealed-commitment': '承诺书（盖章扫描件）',
  'recommended-materials': '申报材料（含推荐单位意见）',
};

function documentLabel(kind: string, format: string): string {
  return `${documentLabels[kind] ?? kind}${format === 'docx' ? '（Word）' : ''}`;
}

/** The open task of the project's process the account may act on, if any; the page goes on without it while the engine is away. */
async function openTaskOf(deps: ProjectViewDeps, account: Account, project: Project): Promise<ProjectView['task']> {
  if (!project.processInstanceId || account.role === 'applicant') return null;
  try {
    for (const task of await deps.engine.tasks({ processInstanceId: project.processInstanceId })) {
      const scoped = await scopedTask(deps, account, task.id).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
        throw error;
      });
      if (scoped) return { taskId: task.id, label: stageOf(task.processDefinitionId, task.taskDefinitionKey, task.name).label };
    }
  } catch (error) {
    deps.log.warn({ err: error, projectId: project.id }, 'The project page could not read the open task of the project');
  }
  return null;
}
