import { z } from 'zod';
import { attachmentReference } from '../../../../domain/attachment-reference.js';
import { findCall } from '../../../../store/call-repository.js';
import { prepareBatch, submitBatch } from '../../batches/batch-workflow.js';
import { AppError } from '../../errors.js';
import type { Completion } from './completion.js';

const batchSubmission = z
  .looseObject({ batchAction: z.enum(['submit', 'regenerate'], '请选择操作'), sealedTable: attachmentReference.optional() })
  .refine((data) => data.batchAction !== 'submit' || data.sealedTable, { path: ['sealedTable'], message: '请上传加盖公章的推荐表扫描件' });

/**
 * 报送推荐批次: the same path as the batch page — submitting checks the calendar, the scan and that the 推荐表 is
 * current; regenerating renders the 推荐表 again.
 */
export const batchSubmissionCompletion: Completion<z.infer<typeof batchSubmission>> = {
  schema: batchSubmission,
  async complete(deps, { account, subject }, data) {
    const call = subject.kind === 'batch' ? await findCall(deps.db, subject.batch.callId) : undefined;
    if (!call) throw new AppError('NOT_FOUND');
    if (data.batchAction === 'submit') await submitBatch(deps, account, call, data.sealedTable!);
    else await prepareBatch(deps, account, call);
  },
};
