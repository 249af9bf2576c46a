import { z } from 'zod';
import { changeKinds, changeRequestStatusCodes } from '../../../domain/change-request-rules.js';
import { exitGroundCodes, exitProposalStatusCodes } from '../../../domain/project-exit.js';
import { timestamp } from './common.js';
import { changeRequestView, exitProposalView, projectStatus } from './projects.js';

// 变更申请 and 退库 of a project of the library (routes/project-changes.ts): what the enterprise asks and the
// province proposes, and the lists the change and exit pages show.

/** A change request: its kind, the fields asked to change (checked by the domain's rules), and the reason. */
export const changeRequestBody = z.object({
  kind: z.enum(changeKinds, '请选择变更或终止'),
  changes: z.record(z.string().max(64), z.unknown(), '请填写要变更的内容').default({}),
  reason: z.string('请填写申请理由').trim().min(1, '请填写申请理由').max(2000, '申请理由不能超过2000个字'),
});

/** An exit proposal: the ground and the reason. */
export const exitProposalBody = z.object({
  ground: z.enum(exitGroundCodes, '请选择退库情形'),
  reason: z.string('请填写退库理由').trim().min(1, '请填写退库理由').max(2000, '退库理由不能超过2000个字'),
});

/** The request or proposal as recorded. */
export const changeRequestCreated = z.object({ id: z.string(), status: z.enum(changeRequestStatusCodes), requestedAt: timestamp });
export const exitProposalCreated = z.object({ id: z.string(), status: z.enum(exitProposalStatusCodes), proposedAt: timestamp });

/** The project as the change and exit pages head it, with why nothing new can be asked now (null when it can). */
export const projectChangeHeader = z.object({
  id: z.string(),
  projectNumber: z.string(),
  projectName: z.string(),
  enterpriseName: z.string(),
  status: projectStatus,
  statusLabel: z.string(),
  blockedBy: z.string().nullable(),
});

/** A project's change requests, with the current values of the fields a request may change. */
export const changeRequestsAnswer = z.object({
  project: projectChangeHeader,
  current: z.object({
    totalInvestment: z.number().nullable(),
    completedInvestment: z.number().nullable(),
    content: z.string().nullable(),
    direction: z.string().nullable(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    enterpriseName: z.string().nullable(),
  }),
  /** The directions a change may choose: the call's on the application's template. */
  directionOptions: z.array(z.object({ value: z.string(), label: z.string() })),
  requests: z.array(changeRequestView),
});

/** A project's exit proposals. */
export const exitProposalsAnswer = z.object({ project: projectChangeHeader, proposals: z.array(exitProposalView) });

export type ChangeRequestBody = z.infer<typeof changeRequestBody>;
export type ExitProposalBody = z.infer<typeof exitProposalBody>;
export type ProjectChangeHeader = z.infer<typeof projectChangeHeader>;
export type ChangeRequestsAnswer = z.infer<typeof changeRequestsAnswer>;
export type ExitProposalsAnswer = z.infer<typeof exitProposalsAnswer>;
