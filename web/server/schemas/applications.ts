import { z } from 'zod';
import { attachmentReference } from '../../../domain/attachment-reference.js';
import { applicationStatusCodes } from '../../../domain/application-status.js';
import { templateCode } from '../../../domain/directions.js';
import { formData, timestamp } from './common.js';
import { applicationProject } from './projects.js';

// The applicant portal's requests and answers: calls, drafts, submission, status and history, documents, sealed
// scans, correction (routes/applications.ts).

export { templateCode };
export const applicationStatus = z.enum(applicationStatusCodes);
export const applicationParams = z.object({ id: z.uuid('须为申报编号') });

/** A call as the portal lists it: its calendar, whether it is open now, and the applicant's own unit deadline. */
export const callSummary = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  guide: z.string(),
  opensAt: timestamp,
  enterpriseDeadline: timestamp,
  cityDeadline: timestamp,
  open: z.boolean(),
  /** draft (only province officers and administrators see one), published, or closed early (open is then false). */
  state: z.enum(['draft', 'published', 'closed']),
  contacts: z.array(z.record(z.string(), z.string())),
  /** Link downloads, then the uploaded files (their url is GET /api/calls/:callId/downloads/:fileId). */
  downloads: z.array(z.object({ title: z.string(), url: z.string(), fileName: z.string().optional() })),
  unitDeadline: z.object({ unitId: z.string(), unitName: z.string(), enterpriseDeadline: timestamp }).nullable(),
});
export const callList = z.array(callSummary);

/** An application as its enterprise and its reviewers see it. */
export const applicationView = z.object({
  id: z.string(),
  callId: z.string(),
  template: templateCode,
  status: applicationStatus,
  applicationNumber: z.string().nullable(),
  unitId: z.string().nullable(),
  enterpriseUscc: z.string(),
  data: formData,
  correctionRound: z.number(),
  createdAt: timestamp,
  updatedAt: timestamp,
  submittedAt: timestamp.nullable(),
});
export const applicationList = z.array(applicationView);

export const newDraft = z.object({ callId: z.string().max(40), template: templateCode });
export const draftData = z.object({ data: formData });

/** One choice of a select the form fills from data (form-js `valuesKey`). */
export const formChoice = z.object({ value: z.string(), label: z.string() });

/**
 * The deployed form-js form of a draft's category, with the draft's data, and the direction choices the call
 * offers on it (the forms' `valuesKey` "directionOptions": context for the form, never part of the data sent back).
 */
export const applicationForm = z.object({ form: z.unknown(), data: formData, directionOptions: z.array(formChoice) });

export const applicationStatusView = z.object({
  status: applicationStatus,
  history: z.array(z.object({ status: applicationStatus, at: timestamp, reason: z.string().nullable() })),
  ruleOutcomes: z.array(z.object({ ruleId: z.string(), result: z.string(), reason: z.string().optional(), field: z.string().optional(), round: z.number() })),
  /** Whether the applicant may withdraw it now (撤回申报), and why not; never allowed to anyone else. */
  withdrawal: z.object({ allowed: z.boolean(), refusal: z.string().nullable() }),
  /** The project it became in the provincial library once its unit's batch was submitted, for readers who may see it. */
  project: applicationProject.nullable(),
});

/** The applicant's withdrawal of an application, with its reason. */
export const withdrawalRequest = z.object({ reason: z.string().trim().min(1, '请填写撤回原因').max(500, '撤回原因不超过500字') });

export const applicationDocument = z.object({ kind: z.string(), format: z.string(), attachmentId: z.string(), fileName: z.string(), round: z.number() });
export const applicationDocuments = z.array(applicationDocument);

/** The open seal step. */
export const sealedScansStep = z.object({ taskId: z.string(), dueDate: z.string().nullable() });
export const sealedScans = z.object({ sealedMaterials: attachmentReference, sealedCommitment: attachmentReference });

export const fieldComment = z.object({ field: z.string(), label: z.string(), comment: z.string() });

/** The open correction request: its due date, the fields to correct and the deployed correction form. */
export const correctionRequest = z.object({
  taskId: z.string(),
  request: z.string(),
  dueDate: z.string().nullable(),
  fieldComments: z.array(fieldComment),
  form: z.unknown(),
});
export const correctionAnswer = z.object({ data: formData, correctionResponse: z.string().trim().min(1, '请填写补正说明').max(2000) });

export type CallSummary = z.infer<typeof callSummary>;
export type ApplicationView = z.infer<typeof applicationView>;
export type ApplicationForm = z.infer<typeof applicationForm>;
export type ApplicationStatusView = z.infer<typeof applicationStatusView>;
export type WithdrawalRequest = z.infer<typeof withdrawalRequest>;
export type ApplicationDocument = z.infer<typeof applicationDocument>;
export type SealedScansStep = z.infer<typeof sealedScansStep>;
export type SealedScans = z.infer<typeof sealedScans>;
export type CorrectionRequest = z.infer<typeof correctionRequest>;
export type CorrectionAnswer = z.infer<typeof correctionAnswer>;
