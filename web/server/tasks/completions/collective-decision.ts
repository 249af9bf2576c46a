import { z } from 'zod';
import { AppError } from '../../errors.js';
import { decideProposal } from '../../review-sessions/selection.js';
import type { Completion } from './completion.js';

const decision = z.looseObject({
  pilotDecision: z.enum(['approve', 'return'], '请选择决策结论'),
  meeting: z.string({ error: '请填写决策会议名称' }).trim().min(1, '请填写决策会议名称').max(100, '会议名称不能超过100字'),
  meetingDate: z.iso.date({ error: '请填写会议日期' }),
  minutesRef: z.string({ error: '请填写会议纪要文号' }).trim().min(1, '请填写会议纪要文号').max(100, '纪要文号不能超过100字'),
  decisionComment: z.string().trim().max(1000, '决策意见不能超过1000字').nullish().transform((v) => v || null),
});

/** 集体决策 on the proposal of pilots: the meeting, its date and the minutes' reference recorded with the outcome. */
export const collectiveDecisionCompletion: Completion<z.infer<typeof decision>> = {
  schema: decision,
  complete: (deps, { account, ...scoped }, data) => {
    if (scoped.subject.kind !== 'review-session') throw new AppError('NOT_FOUND');
    return decideProposal(deps, account, scoped, scoped.subject.session.id, data);
  },
};
