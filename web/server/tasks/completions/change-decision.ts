import { z } from 'zod';
import { decideChange } from '../../projects/change-decisions.js';
import type { Completion } from './completion.js';

const changeDecision = z.looseObject({
  changeDecision: z.enum(['approve', 'refuse'], '请选择审批结论'),
  changeDecisionOpinion: z.string().trim().min(1, '请填写审批意见').max(1000, '审批意见不能超过1000字'),
});

/** 省厅审批变更申请: approve (the change becomes the current version, or a termination exits the library) or refuse. */
export const changeDecisionCompletion: Completion<z.infer<typeof changeDecision>> = {
  schema: changeDecision,
  complete: (deps, { account, ...scoped }, data) => decideChange(deps, account, scoped, data),
};
