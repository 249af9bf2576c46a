import { z } from 'zod';
import { decideExit } from '../../projects/change-decisions.js';
import type { Completion } from './completion.js';

const exitApproval = z.looseObject({
  exitDecision: z.enum(['approve', 'refuse'], '请选择审批结论'),
  exitDecisionOpinion: z.string().trim().min(1, '请填写审批意见').max(1000, '审批意见不能超过1000字'),
});

/** 处长审批退库: approve (the project exits the library) or refuse; never by the one who proposed it. */
export const exitApprovalCompletion: Completion<z.infer<typeof exitApproval>> = {
  schema: exitApproval,
  complete: (deps, { account, ...scoped }, data) => decideExit(deps, account, scoped, data),
};
