import { z } from 'zod';
import { declareSeat, recordLeaderConsensus, scoreSeat } from '../../review-sessions/seat-work.js';
import type { Completion } from './completion.js';

// The expert's tasks of a panel seat (processes/panel-seat.bpmn): the 回避声明 with the session's 评审承诺书, the
// scores against the session's rubric (checked there, criterion by criterion), and the group leader's consensus.

const declaration = z.looseObject({
  commitmentSigned: z.boolean({ error: '请确认是否签署评审承诺书' }).default(false),
  declaration: z.enum(['no-conflict', 'conflict'], '请选择是否存在需要回避的情形'),
  declineReason: z.string().trim().max(500, '回避理由不能超过500字').nullish().transform((v) => v || null),
}).refine((d) => d.declaration === 'no-conflict' || d.declineReason !== null, { path: ['declineReason'], message: '声明回避须填写理由' });

/** 签署评审承诺书与回避声明. */
export const declareConflictCompletion: Completion<z.infer<typeof declaration>> = {
  schema: declaration,
  complete: (deps, { account, ...scoped }, data) => declareSeat(deps, account, scoped, data),
};

const scores = z.looseObject({
  scores: z.record(z.string(), z.unknown(), { error: '请按评分标准逐项打分' }),
  opinion: z.string({ error: '请填写评审意见' }).trim().min(1, '请填写评审意见').max(2000, '评审意见不能超过2000字'),
});

/** 专家评分. */
export const scoreProjectCompletion: Completion<z.infer<typeof scores>> = {
  schema: scores,
  complete: (deps, { account, ...scoped }, data) => scoreSeat(deps, account, scoped, data),
};

const consensus = z.looseObject({
  consensusOpinion: z.string({ error: '请填写合议意见' }).trim().min(1, '请填写合议意见').max(2000, '合议意见不能超过2000字'),
});

/** 组长记录合议意见. */
export const recordConsensusCompletion: Completion<z.infer<typeof consensus>> = {
  schema: consensus,
  complete: (deps, { account, ...scoped }, data) => recordLeaderConsensus(deps, account, scoped, data.consensusOpinion),
};
