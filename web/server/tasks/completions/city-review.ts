import { z } from 'zod';
import type { Completion } from './completion.js';

// What the process reads from the city's review; any field an administrator adds is checked by the form alone.
export const cityReview = z.looseObject({
  cityDecision: z.enum(['pass', 'return', 'reject'], '请选择初审意见'),
  cityOpinion: z.string().trim().min(1, '请填写初审意见').max(1000),
  fieldComments: z.array(z.object({ field: z.string().max(64), comment: z.string().trim().min(1).max(200) })).max(50).optional(),
  creditCheckPassed: z.boolean().optional(),
});

/** 市级初审: pass (the unit's library), return for correction with field comments, or not recommended. */
export const cityReviewCompletion: Completion<z.infer<typeof cityReview>> = {
  schema: cityReview,
  async complete({ engine }, { task }, data) {
    await engine.completeTask(task.id, { fieldComments: [], ...data });
  },
};
