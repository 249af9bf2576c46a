import { z } from 'zod';
import { attachmentReference } from '../../../domain/attachment-reference.js';
import { unitIds } from '../../../domain/units.js';
import { callParams, timestamp } from './common.js';

// A unit's batch to the province and the province's reopening of a unit's window (routes/batches.ts).

export const batchStates = ['not-prepared', 'rendering', 'ready', 'submitted'] as const;

/** My unit's batch: its 推荐表 files, stamped scan, deadline and whether it was submitted. */
export const batchView = z.object({
  state: z.enum(batchStates),
  tablePdfId: z.string().nullable(),
  tableDocxId: z.string().nullable(),
  sealedScanId: z.string().nullable(),
  deadline: timestamp,
  reopenedUntil: timestamp.nullable(),
  /** The province's reopening the deadline follows, if any: until when, why, and who reopened it. */
  reopening: z.object({ openUntil: timestamp, reason: z.string(), by: z.string(), byName: z.string(), at: timestamp }).nullable(),
  submittedAt: timestamp.nullable(),
});
export const batchSubmission = z.object({ sealedTable: attachmentReference });

export const unitParams = callParams.extend({ unitId: z.enum(unitIds) });
export const reopening = z.object({ openUntil: z.iso.datetime({ offset: true }), reason: z.string().trim().min(1, '请填写原因').max(500) });

export type BatchState = (typeof batchStates)[number];
export type BatchView = z.infer<typeof batchView>;
export type BatchSubmission = z.infer<typeof batchSubmission>;
export type Reopening = z.infer<typeof reopening>;
