import { z } from 'zod';
import { recommend } from '../../applications/recommend.js';
import { AppError } from '../../errors.js';
import type { Completion } from './completion.js';

const cityRecommendation = z.looseObject({
  recommendDecision: z.enum(['recommend', 'keep'], '请选择推荐意见'),
  recommendationOpinion: z.string().trim().min(1, '请填写推荐单位意见').max(1000),
});

/**
 * 推荐至省厅: a recommendation goes through the same path as the library page (the caps in the database, the
 * status, the rank); keeping the project in the unit's library just completes the task.
 */
export const cityRecommendationCompletion: Completion<z.infer<typeof cityRecommendation>> = {
  schema: cityRecommendation,
  async complete(deps, { account, task, subject }, data) {
    if (subject.kind !== 'application') throw new AppError('NOT_FOUND');
    if (data.recommendDecision === 'recommend') await recommend(deps, account, subject.application.id, data.recommendationOpinion);
    else await deps.engine.completeTask(task.id, { recommendDecision: 'keep', recommendationOpinion: data.recommendationOpinion });
  },
};
