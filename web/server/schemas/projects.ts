import { z } from 'zod';
import { projectStatusCodes } from '../../../domain/project-status.js';
import { templateCode } from '../../../domain/directions.js';
import { formData, timestamp } from './common.js';

// A project of the provincial library (省级重点项目库) as its page shows it (routes/projects.ts): the project, its
// current version beside its admission snapshot, its status rows, the formal review's rounds, change requests, exit
// proposals, the open task the reader may act on, and the page's actions; and the project an applicant's status
// page shows (routes/applications.ts).

export const projectStatus = z.enum(projectStatusCodes);
export const projectParams = z.object({ projectId: z.uuid('须为项目编号') });

/** One status row: from (null at creation), to, who (a name the reader may see), when, why. */
export const projectStatusEventView = z.object({
  fromStatus: projectStatus.nullable(),
  fromLabel: z.string().nullable(),
  toStatus: projectStatus,
  toLabel: z.string(),
  actor: z.string(),
  at: timestamp,
  reason: z.string().nullable(),
});

/** The project an application became, as the applicant's status page shows it. */
export const applicationProject = z.object({
  projectId: z.string(),
  projectNumber: z.string(),
  status: projectStatus,
  label: z.string(),
  history: z.array(projectStatusEventView),
});

/** A file of the snapshot, with whether the stored file still has the hash frozen at admission. */
const snapshotFile = z.object({ id: z.string(), fileName: z.string(), sha256: z.string(), label: z.string(), intact: z.boolean() });

/** One field of the application: its value now and as admitted, as a person reads them. */
export const versionField = z.object({
  key: z.string(),
  label: z.string(),
  /** The form's group the field sits in (基本信息, 项目情况…); empty at the top level. */
  section: z.string(),
  current: z.string(),
  /** Null before admission. */
  snapshot: z.string().nullable(),
  changed: z.boolean(),
});

export const fieldCommentView = z.object({ field: z.string(), label: z.string(), comment: z.string() });
const fileReference = z.object({ id: z.string(), fileName: z.string() });

/** One round of the formal review (形式审查): the decision and, for a return, its due date and the unit's answer. */
export const formalReviewView = z.object({
  round: z.number(),
  decision: z.enum(['admit', 'return', 'refuse']),
  opinion: z.string(),
  fieldComments: z.array(fieldCommentView),
  decidedBy: z.string(),
  decidedAt: timestamp,
  answerDueAt: timestamp.nullable(),
  answerKind: z.enum(['answered', 'withdrawn', 'overdue']).nullable(),
  /** The unit's comment and files: null and empty for an applicant, for whom the exchange is the unit's and the province's. */
  answerComment: z.string().nullable(),
  answerAttachments: z.array(fileReference),
  answeredBy: z.string().nullable(),
  answeredAt: timestamp.nullable(),
});

/** A change request (变更申请). The unit's opinion is left out for an applicant. */
export const changeRequestView = z.object({
  id: z.string(),
  kind: z.enum(['change', 'terminate']),
  /** The fields asked to change: label and new value as a person reads it. */
  changes: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: timestamp,
  status: z.enum(['checking', 'unit-review', 'province-review', 'approved', 'refused', 'refused-by-rule']),
  ruleReason: z.string().nullable(),
  unitOpinion: z.enum(['agree', 'disagree']).nullable(),
  unitComment: z.string().nullable(),
  unitBy: z.string().nullable(),
  unitAt: timestamp.nullable(),
  decisionComment: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  appliedAt: timestamp.nullable(),
});

/** An exit proposal (退库); an applicant sees only an approved one. */
export const exitProposalView = z.object({
  id: z.string(),
  ground: z.enum(['terminated', 'acceptance-failed', 'fraud', 'serious-deviation']),
  reason: z.string(),
  proposedBy: z.string(),
  proposedAt: timestamp,
  status: z.enum(['pending', 'approved', 'refused']),
  decisionComment: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: timestamp.nullable(),
});

/** A project's page. */
export const projectView = z.object({
  project: z.object({
    id: z.string(),
    projectNumber: z.string(),
    applicationId: z.string(),
    projectName: z.string(),
    call: z.object({ id: z.string(), title: z.string() }),
    unit: z.object({ id: z.string(), name: z.string() }),
    enterprise: z.object({ uscc: z.string(), name: z.string() }),
    status: projectStatus,
    statusLabel: z.string(),
    createdAt: timestamp,
    admittedAt: timestamp.nullable(),
  }),
  current: z.object({ template: templateCode, data: formData }),
  /** The application as admitted; null before admission. */
  snapshot: z.object({
    admittedAt: z.string(),
    template: z.string(),
    data: formData,
    attachments: z.array(snapshotFile.extend({ mediaType: z.string() })),
    documents: z.array(snapshotFile.extend({ kind: z.string(), format: z.string() })),
  }).nullable(),
  /** Field by field, in the form's order: the current version beside the snapshot. */
  fields: z.array(versionField),
  history: z.array(projectStatusEventView),
  formalReviews: z.array(formalReviewView),
  changeRequests: z.array(changeRequestView),
  exitProposals: z.array(exitProposalView),
  /** The open task of the project's process the reader may act on. */
  task: z.object({ taskId: z.string(), label: z.string() }).nullable(),
  /** What the page offers the reader: 申请变更 (its enterprise, in the library), 提出退库 (the province, in the library). */
  actions: z.object({ requestChange: z.boolean(), proposeExit: z.boolean(), blockedBy: z.string().nullable() }),
});

export type ProjectView = z.infer<typeof projectView>;
export type ApplicationProject = z.infer<typeof applicationProject>;
export type ProjectStatusEventView = z.infer<typeof projectStatusEventView>;
export type VersionField = z.infer<typeof versionField>;
export type FormalReviewView = z.infer<typeof formalReviewView>;
export type ChangeRequestView = z.infer<typeof changeRequestView>;
export type ExitProposalView = z.infer<typeof exitProposalView>;
