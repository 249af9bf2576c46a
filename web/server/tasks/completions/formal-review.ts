import { z } from 'zod';
import { decideFormalReview } from '../../projects/formal-review.js';
import type { Completion } from './completion.js';

// What the process reads from the province's formal review; any field an administrator adds is checked by the form alone.
const formalReview = z
  .looseObject({
    formalDecision: z.enum(['admit', 'return', 'refuse'], '请选择形式审查结论'),
    formalOpinion: z.string().trim().min(1, '请填写审查意见').max(1000, '审查意见不能超过1000字'),
    fieldComments: z.array(z.object({ field: z.string().max(64), comment: z.string().trim().min(1).max(200) })).max(50).optional(),
  })
  .refine((data) => data.formalDecision !== 'return' || (data.fieldComments?.length ?? 0) > 0, { path: ['fieldComments'], message: '退回市局时请逐项写明需补充或说明的内容' });

/** 省厅形式审查: 入库, 退回市局 (with comments per field and a due date in working days), or 不予入库. */
export const formalReviewCompletion: Completion<z.infer<typeof formalReview>> = {
  schema: formalReview,
  complete: (deps, { account, ...scoped }, data) => decideFormalReview(deps, account, scoped, data),
};
