import { z } from 'zod';
import { defaultNoticeTexts, noticeTexts } from './applicant-notice.js';
import { callDirection, defaultDirectionCappedAtOnePerUnit, defaultDirectionTemplates, directionCode, directions, templateCode } from './directions.js';

// A call (申报批次) as data: what the province publishes each year. Pure: the demo call takes "now" as input.
// What a year may change beyond its calendar is data here too: its directions, the direction → template table,
// the direction capped at one per unit, and the applicant's notice texts; the shipped lists are the defaults.

const contact = z.object({ role: z.string(), name: z.string(), phone: z.string(), email: z.string().optional(), address: z.string().optional() });
const download = z.object({ title: z.string(), url: z.url() });

/** A call as the application keeps it. */
export const callSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  year: z.number().int().min(2000).max(2100),
  title: z.string().min(1),
  guide: z.string(),
  opensAt: z.date(),
  enterpriseDeadline: z.date(),
  cityDeadline: z.date(),
  /** The directions an application may declare, in the notice's order. */
  directions: z.array(callDirection).min(1, '至少要有一个申报方向'),
  /** The template (附件2–4) each direction declares on: exactly one row per direction. */
  directionTemplates: z.record(directionCode, templateCode),
  /** The direction each unit may recommend at most once (2021: the city platform), or none. */
  directionCappedAtOnePerUnit: directionCode.nullable(),
  noticeTexts,
  contacts: z.array(contact),
  downloads: z.array(download),
  correctionDays: z.number().int().min(1).max(90),
  maxCorrectionRounds: z.number().int().min(0).max(10),
  /** The working days an applicant has to upload the sealed scans once the materials are rendered. */
  sealDueDays: z.number().int().min(1).max(90),
  /** The working days a unit has to answer the province's return of an application at formal review (stage 4a). */
  returnAnswerDays: z.number().int().min(1).max(30),
  /** 全省重点项目培育数量不少于200项: the province-wide floor recommendations are measured against. */
  provinceFloor: z.number().int().min(0),
}).superRefine((call, context) => {
  for (const problem of vocabularyProblems(call)) context.addIssue({ code: 'custom', ...problem, input: call });
});
export type Call = z.infer<typeof callSchema>;

const contacts2021: Call['contacts'] = [
  { role: '项目申报', name: '裴进峰', phone: '0311-87908721', email: 'ronghechu@126.com', address: '石家庄市和平西路402号河北省工业和信息化厅（050071）' },
  { role: '企业两化融合评估咨询', name: '李胜茹、朱梦亚', phone: '0311-85866029' },
];

const downloads2021: Call['downloads'] = [
  { title: '附件1 工业互联网创新发展重点项目指标分配表', url: 'http://gxt.hebei.gov.cn/' },
  { title: '附件2 申报材料-模式应用类', url: 'http://gxt.hebei.gov.cn/' },
  { title: '附件3 申报材料-行业（区域）级工业互联网平台类', url: 'http://gxt.hebei.gov.cn/' },
  { title: '附件4 申报材料-工业互联网平台应用创新体验中心类', url: 'http://gxt.hebei.gov.cn/' },
  { title: '附件5 河北省工业互联网创新发展重点项目推荐表', url: 'http://gxt.hebei.gov.cn/' },
  { title: '推动新一代信息技术与制造业深度融合加快工业互联网创新发展导向目录（2021年）', url: 'http://gxt.hebei.gov.cn/' },
  { title: '河北省两化融合评估平台', url: 'http://hebeipg.cspiii.com/' },
];

const guide2021 =
  '按照《导向目录》，重点培育工业互联网网络改造提升、标识解析二级节点建设项目；企业级、行业（区域）级工业互联网平台；' +
  '个性化定制、平台化设计、智能化制造、网络化协同、服务化延伸、数字化管理等新模式应用项目；绿色制造、安全生产等关键领域数字化赋能项目；' +
  '工业互联网平台应用创新体验中心等项目。全省重点项目培育数量不少于200项，各市推荐市级工业互联网综合平台不超过1个。';

/**
 * The 2021 call, kept as history. The notice dates it 2021-11-29 and sets 2021-12-20 for the units; it sets no
 * enterprise deadline, so the default gives the units five days to review (2021-12-15), which each unit may change.
 */
export const call2021: Call = {
  id: '2021',
  year: 2021,
  title: '2021年河北省工业互联网创新发展重点项目申报',
  guide: guide2021,
  opensAt: new Date('2021-11-29T00:00:00+08:00'),
  enterpriseDeadline: new Date('2021-12-15T23:59:59+08:00'),
  cityDeadline: new Date('2021-12-20T23:59:59+08:00'),
  directions: directions.map((direction) => ({ ...direction })),
  directionTemplates: { ...defaultDirectionTemplates },
  directionCappedAtOnePerUnit: defaultDirectionCappedAtOnePerUnit,
  noticeTexts: { ...defaultNoticeTexts },
  contacts: contacts2021,
  downloads: downloads2021,
  correctionDays: 10,
  maxCorrectionRounds: 2,
  sealDueDays: 5,
  returnAnswerDays: 5,
  provinceFloor: 200,
};

const DAY = 86_400_000;

/** A demo call open now, so a new user can declare, review and recommend at once: 30 days for enterprises, 45 for units. */
export function demoCall(now: Date): Call {
  return {
    ...call2021,
    id: 'demo',
    year: now.getUTCFullYear(),
    title: `${now.getUTCFullYear()}年工业互联网创新发展重点项目申报（演示批次）`,
    opensAt: new Date(now.getTime() - DAY),
    enterpriseDeadline: new Date(now.getTime() + 30 * DAY),
    cityDeadline: new Date(now.getTime() + 45 * DAY),
  };
}

/** The enterprise deadline that applies to a unit: its own if it set one, else the call's. */
export function enterpriseDeadlineFor(call: Pick<Call, 'enterpriseDeadline'>, unitDeadline: Date | undefined): Date {
  return unitDeadline ?? call.enterpriseDeadline;
}

// helpers

type Vocabulary = Pick<Call, 'directions' | 'directionTemplates' | 'directionCappedAtOnePerUnit'>;

/** Where a call's directions, their templates and the capped direction disagree with one another. */
function vocabularyProblems(call: Vocabulary): { path: (string | number)[]; message: string }[] {
  const codes = call.directions.map((direction) => direction.code);
  const problems: { path: (string | number)[]; message: string }[] = [];
  call.directions.forEach((direction, index) => {
    if (codes.indexOf(direction.code) !== index) problems.push({ path: ['directions', index, 'code'], message: `申报方向 ${direction.code} 重复` });
    if (direction.subtypeOf !== undefined && (direction.subtypeOf === direction.code || !codes.includes(direction.subtypeOf))) {
      problems.push({ path: ['directions', index, 'subtypeOf'], message: `上级申报方向 ${direction.subtypeOf} 不是本批次的其他申报方向` });
    }
    if (!Object.hasOwn(call.directionTemplates, direction.code)) problems.push({ path: ['directionTemplates', direction.code], message: `申报方向 ${direction.code} 没有对应的申报书类别` });
  });
  for (const code of Object.keys(call.directionTemplates)) {
    if (!codes.includes(code)) problems.push({ path: ['directionTemplates', code], message: `申报书类别表中的 ${code} 不是本批次的申报方向` });
  }
  if (call.directionCappedAtOnePerUnit !== null && !codes.includes(call.directionCappedAtOnePerUnit)) {
    problems.push({ path: ['directionCappedAtOnePerUnit'], message: `限推1个的申报方向 ${call.directionCappedAtOnePerUnit} 不是本批次的申报方向` });
  }
  return problems;
}
