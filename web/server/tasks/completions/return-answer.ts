import { z } from 'zod';
import { attachmentReference } from '../../../../domain/attachment-reference.js';
import { answerReturn } from '../../projects/formal-review.js';
import type { Completion } from './completion.js';

const returnAnswer = z
  .looseObject({
    returnAnswerKind: z.enum(['answered', 'withdrawn'], '请选择答复方式'),
    returnAnswerComment: z.string().trim().min(1, '请填写答复意见').max(1000, '答复意见不能超过1000字'),
    returnAttachments: z.array(attachmentReference).max(20).optional(),
    newSealedTable: attachmentReference.optional(),
  })
  .refine((data) => data.returnAnswerKind !== 'withdrawn' || data.newSealedTable, { path: ['newSealedTable'], message: '撤回推荐时请上传重新盖章的推荐表扫描件' });

/** 市局答复退回意见: comments and attachments within the due date, or the application withdrawn from the batch. */
export const returnAnswerCompletion: Completion<z.infer<typeof returnAnswer>> = {
  schema: returnAnswer,
  complete: (deps, { account, ...scoped }, data) => answerReturn(deps, account, scoped, data),
};
