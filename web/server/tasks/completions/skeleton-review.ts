import { z } from 'zod';
import type { Completion } from './completion.js';

const skeletonReview = z.object({ decision: z.enum(['approve', 'return'], '请选择审核意见'), comment: z.string().max(500).default('') });

/** The walking skeleton's review (the province's): the decision and a remark. */
export const skeletonReviewCompletion: Completion<z.infer<typeof skeletonReview>> = {
  schema: skeletonReview,
  async complete({ engine }, { task }, data) {
    await engine.completeTask(task.id, data);
  },
};
