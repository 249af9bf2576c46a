import { z } from 'zod';
import { giveUnitOpinion } from '../../projects/change-decisions.js';
import type { Completion } from './completion.js';

const changeUnitOpinion = z.looseObject({
  unitOpinion: z.enum(['agree', 'disagree'], '请选择推荐单位意见'),
  unitComment: z.string().trim().min(1, '请填写意见说明').max(1000, '意见说明不能超过1000字'),
});

/** 市局提出变更意见: the unit agrees or disagrees with the enterprise's change request, with its comment. */
export const changeUnitOpinionCompletion: Completion<z.infer<typeof changeUnitOpinion>> = {
  schema: changeUnitOpinion,
  complete: (deps, { account, ...scoped }, data) => giveUnitOpinion(deps, account, scoped, data),
};
