import { z } from 'zod';
import { directionCode } from '../../../domain/directions.js';
import { timestamp } from './common.js';

// 专家评审与试点遴选 (routes/review-sessions.ts): a review session's creation, its page (panels, scores, ranking,
// proposals, 公示 and objections, the final list), the officer's actions on seats and objections. The steps of the
// campaign itself (confirm the panels, close scoring, propose, decide, finalise) are its tasks' completions.

const text = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`);
const optionalText = (label: string, max: number) =>
  z.string({ error: `${label}须为文本` }).trim().max(max, `${label}最多 ${max} 个字`).nullish().transform((value) => value || null);
const limit = (label: string) =>
  z.number({ error: `${label}须为整数` }).int(`${label}须为整数`).min(1, `${label}至少为 1`).max(100, `${label}最多为 100`).nullish().transform((v) => v ?? null);

export const sessionParams = z.object({ sessionId: z.uuid({ error: '评审会编号格式不正确' }) });
export const seatParams = sessionParams.extend({ seatId: z.uuid({ error: '专家席位编号格式不正确' }) });
export const objectionParams = sessionParams.extend({ objectionId: z.coerce.number({ error: '异议编号格式不正确' }).int().positive() });
export const sessionListQuery = z.object({ callId: z.string().regex(/^[a-z0-9-]{1,40}$/, '申报批次编号格式不正确').optional() });

/** A new review session (评审会): its projects from the library, the panel size and the optional selection limits. */
export const newReviewSession = z.strictObject({
  callId: z.string({ error: '请选择申报批次' }).regex(/^[a-z0-9-]{1,40}$/, '申报批次编号格式不正确'),
  name: text('评审会名称', 100),
  direction: directionCode.nullish().transform((v) => v ?? null),
  projectIds: z.array(z.uuid({ error: '项目编号格式不正确' }), { error: '请选择参加评审的项目' }).min(1, '请至少选择一个项目').max(500, '一次评审会最多 500 个项目'),
  panelSize: z.number({ error: '请填写每个项目的评审专家人数' }).int('评审专家人数须为整数').min(3, '每个项目至少 3 名评审专家').max(15, '每个项目最多 15 名评审专家'),
  excludeSameUnit: z.boolean({ error: '请选择是否回避同地区专家' }).default(false),
  limitPerDirection: limit('每个方向的试点上限'),
  limitPerUnit: limit('每个推荐单位的试点上限'),
});
export type NewReviewSessionBody = z.infer<typeof newReviewSession>;

/** A draw: the first one draws every panel not yet drawn; a redraw names its projects and needs a reason. */
export const drawRequest = z.strictObject({
  projectIds: z.array(z.uuid({ error: '项目编号格式不正确' })).max(500).optional(),
  reason: optionalText('重新抽取的原因', 500),
});

/** A reason, for an exclusion, a re-review request or a replacement. */
export const reasonRequest = z.strictObject({ reason: text('理由', 500) });

/** A real-name, written objection received during the 公示. */
export const newObjection = z.strictObject({
  projectId: z.uuid({ error: '请选择异议涉及的项目' }),
  objectorName: z.string({ error: '异议须实名提出：请填写异议人姓名' }).trim().min(2, '异议须实名提出：请填写异议人真实姓名').max(50, '姓名最多 50 个字'),
  objectorContact: z.string({ error: '请填写异议人联系方式' }).trim().min(5, '请填写异议人联系方式（电话或地址）').max(100, '联系方式最多 100 个字'),
  objectorOrganisation: optionalText('异议人单位', 100),
  content: text('异议内容', 4000),
  receivedOn: z.iso.date({ error: '请填写书面异议的收到日期' }),
  letterAttachmentId: z.uuid({ error: '书面异议扫描件编号格式不正确' }).nullish().transform((v) => v ?? null),
});
export const objectionAnswer = z.strictObject({
  answer: text('答复意见', 4000),
  upheld: z.boolean({ error: '请选择异议是否成立' }),
});

const criterion = z.object({ code: z.string(), label: z.string(), maxScore: z.number(), guidance: z.string() });

const seatView = z.object({
  seatId: z.uuid(),
  expertId: z.uuid(),
  expertName: z.string(),
  expertOrganisation: z.string(),
  expertTitle: z.string(),
  status: z.enum(['drawn', 'declared', 'scored', 'declined', 'redrawn']),
  active: z.boolean(),
  isLeader: z.boolean(),
  declineReason: z.string().nullable(),
  scores: z.record(z.string(), z.number()).nullable(),
  total: z.number().nullable(),
  opinion: z.string().nullable(),
  excludedReason: z.string().nullable(),
  rescoreReason: z.string().nullable(),
  outlier: z.boolean(),
});

const eligibilityView = z.object({
  expertId: z.uuid(),
  expertName: z.string(),
  eligible: z.boolean(),
  reasons: z.array(z.string()),
});

const projectView = z.object({
  projectId: z.uuid(),
  projectNumber: z.string(),
  projectName: z.string(),
  enterpriseName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  direction: z.string(),
  directionLabel: z.string(),
  seats: z.array(seatView),
  eligibility: z.array(eligibilityView),
  score: z.number().nullable(),
  rank: z.number().nullable(),
  median: z.number().nullable(),
  range: z.number().nullable(),
  method: z.enum(['trimmed-mean', 'mean', 'none']).nullable(),
  needsConsensus: z.boolean(),
  consensusOpinion: z.string().nullable(),
  proposed: z.boolean(),
  selected: z.boolean(),
});

const drawView = z.object({
  id: z.number(), kind: z.enum(['draw', 'redraw', 'replacement']), projectIds: z.array(z.uuid()), seed: z.string(), algorithm: z.string(),
  algorithmVersion: z.number(), loadBound: z.number(), reason: z.string().nullable(), drawnBy: z.string(), drawnAt: timestamp,
});

const proposalView = z.object({
  round: z.number(), projectIds: z.array(z.uuid()), note: z.string().nullable(), proposedBy: z.string(), proposedAt: timestamp,
  decision: z.enum(['approve', 'return']).nullable(), meeting: z.string().nullable(), meetingDate: z.string().nullable(), minutesRef: z.string().nullable(),
  decisionComment: z.string().nullable(), decidedBy: z.string().nullable(), decidedAt: timestamp.nullable(),
});

const objectionView = z.object({
  id: z.number(), projectId: z.uuid(), objectorName: z.string(), objectorContact: z.string(), objectorOrganisation: z.string().nullable(),
  content: z.string(), receivedOn: z.string(), letterAttachmentId: z.uuid().nullable(), recordedBy: z.string(), recordedAt: timestamp,
  answer: z.string().nullable(), upheld: z.boolean().nullable(), answeredBy: z.string().nullable(), answeredAt: timestamp.nullable(),
});

/** A session in the list. */
export const reviewSessionSummary = z.object({
  sessionId: z.uuid(),
  callId: z.string(),
  name: z.string(),
  direction: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  projectCount: z.number(),
  createdAt: timestamp,
});
export const reviewSessionList = z.object({ sessions: z.array(reviewSessionSummary) });

/** The session's page for the province: everything, panel names included. */
export const reviewSessionView = reviewSessionSummary.extend({
  panelSize: z.number(),
  excludeSameUnit: z.boolean(),
  limitPerDirection: z.number().nullable(),
  limitPerUnit: z.number().nullable(),
  rubric: z.array(criterion).nullable(),
  noticeFrom: timestamp.nullable(),
  noticeUntil: timestamp.nullable(),
  finalisedAt: timestamp.nullable(),
  projects: z.array(projectView),
  draws: z.array(drawView),
  proposals: z.array(proposalView),
  objections: z.array(objectionView),
  documents: z.array(z.object({ format: z.enum(['pdf', 'xlsx']), attachmentId: z.uuid(), sha256: z.string() })),
  /** The campaign's open task, to be done on this page (or its tasklist entry). */
  openTask: z.object({ taskId: z.string(), taskKey: z.string(), name: z.string() }).nullable(),
});
export type ReviewSessionView = z.infer<typeof reviewSessionView>;

/** The library projects a new session may review (在库, in no session yet), for the creation form. */
export const reviewCandidates = z.object({
  projects: z.array(z.object({
    projectId: z.uuid(), projectNumber: z.string(), projectName: z.string(), enterpriseName: z.string(), unitName: z.string(),
    direction: z.string(), directionLabel: z.string(),
  })),
});

/** What a unit or an applicant sees of a project's review: the result, and the panel only once published. */
export const projectReviewView = z.object({
  sessionName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  published: z.boolean(),
  score: z.number().nullable(),
  rank: z.number().nullable(),
  selected: z.boolean(),
  panel: z.array(z.object({ expertName: z.string(), expertOrganisation: z.string(), isLeader: z.boolean() })).nullable(),
});

/** What a task of the campaign carries on the task page: the session, whose page the step is done on. */
export const sessionTaskInfo = z.object({ sessionId: z.uuid(), name: z.string(), status: z.string(), statusLabel: z.string() });

/**
 * What an expert's seat task carries on the task page: the session's rubric and, before the 回避声明, only the
 * project's enterprise name, USCC, title and 编制单位; for the leader's consensus step, the panel's scores.
 */
export const seatTaskInfo = z.object({
  seatId: z.uuid(),
  sessionName: z.string(),
  projectNumber: z.string(),
  projectName: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  preparedBy: z.string().nullable(),
  isLeader: z.boolean(),
  declared: z.boolean(),
  commitmentSigned: z.boolean(),
  rubric: z.array(criterion),
  rescoreReason: z.string().nullable(),
  panelScores: z.array(z.object({ expertName: z.string(), total: z.number().nullable(), opinion: z.string().nullable(), excluded: z.boolean() })).nullable(),
  aggregate: z.object({ score: z.number().nullable(), median: z.number().nullable(), range: z.number().nullable() }).nullable(),
});
export type SeatTaskInfo = z.infer<typeof seatTaskInfo>;
