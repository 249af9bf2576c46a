import { z } from 'zod';
import { callParams, timestamp } from './common.js';
import { batchState } from './indicators.js';
import { projectStatus } from './library.js';

// The batches the province received (形式审查 by batch, routes/province-batches.ts): every unit's batch of a call
// with its projects per status, and one submitted batch's check with its projects and their open formal reviews.

/** A unit of a call in the path; an unknown unit answers 404, like an unknown call. */
export const provinceBatchParams = callParams.extend({ unitId: z.string().max(40) });

/** Who submitted a batch: the account's user name and display name. */
const person = z.object({ username: z.string(), name: z.string() });

/** How many of a unit's projects have one status. */
const statusCount = z.object({ status: projectStatus, label: z.string(), count: z.number() });

/** One unit's batch as the province's list shows it. */
export const receivedBatchRow = z.object({
  unitId: z.string(),
  unitName: z.string(),
  state: batchState,
  renderedAt: timestamp.nullable(),
  submittedAt: timestamp.nullable(),
  submittedBy: person.nullable(),
  /** Whether the sealed scan of the 推荐表 came with the batch. */
  scanPresent: z.boolean(),
  /** Whether what was submitted still matches the unit's active recommendations; null while not submitted. */
  matchesRecommendations: z.boolean().nullable(),
  projectTotal: z.number(),
  /** The unit's projects per status, in the domain's order; statuses without projects are left out. */
  projectCounts: z.array(statusCount),
});

/** Every unit of a call, in the notice's order, with its batch. */
export const receivedBatches = z.object({
  callId: z.string(),
  callTitle: z.string(),
  units: z.array(receivedBatchRow),
});

/** How a submitted entry stands against the unit's recommendations now. */
export const entryStanding = z.enum(['unchanged', 'changed', 'ended']);

/** One entry of the submitted 推荐表: its rank and the unit's opinion, with the project it became. */
export const batchEntry = z.object({
  applicationId: z.string(),
  projectId: z.string().nullable(),
  projectNumber: z.string().nullable(),
  projectName: z.string(),
  enterpriseName: z.string(),
  rank: z.number(),
  opinion: z.string(),
  standing: entryStanding,
});

const file = z.object({ id: z.string(), fileName: z.string() });

/** A received project as the batch's page lists it. */
export const batchProject = z.object({
  projectId: z.string(),
  projectNumber: z.string(),
  projectName: z.string(),
  enterpriseName: z.string(),
  status: projectStatus,
  statusLabel: z.string(),
  /** Findings of its latest formal checks (E1–E8) other than a pass; null while its checks have not run. */
  findings: z.number().nullable(),
  /** The open FormalReview task the reader may handle, if any. */
  formalReviewTaskId: z.string().nullable(),
});

/** One submitted batch: its check (scan, 推荐表, entries against the recommendations) and its projects. */
export const receivedBatchDetail = z.object({
  callId: z.string(),
  callTitle: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  submittedAt: timestamp,
  submittedBy: person,
  check: z.object({
    scanPresent: z.boolean(),
    /** The sealed scan, for download (GET /api/attachments/:id). */
    sealedScan: file.nullable(),
    /** The rendered 推荐表 the scan was made of. */
    tablePdf: file.nullable(),
    tableDocx: file.nullable(),
    matchesRecommendations: z.boolean(),
    entries: z.array(batchEntry),
    /** Active recommendations of the unit that were not in the submitted batch. */
    recommendationsNotSubmitted: z.number(),
  }),
  projects: z.array(batchProject),
});

export type ReceivedBatchRow = z.infer<typeof receivedBatchRow>;
export type ReceivedBatches = z.infer<typeof receivedBatches>;
export type BatchEntryView = z.infer<typeof batchEntry>;
export type BatchProjectView = z.infer<typeof batchProject>;
export type ReceivedBatchDetail = z.infer<typeof receivedBatchDetail>;
export type EntryStanding = z.infer<typeof entryStanding>;
