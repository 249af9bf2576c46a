import { z } from 'zod';

// The directions (培育范围) and the three material templates. A call carries its own directions and its direction →
// template table as data (domain/call.ts); the lists here are what a new call starts from: the 2021 notice's
// section 一 and the 2021 导向目录. Templates are a fixed list: each is tied to a shipped form (附件2–4).

/** A direction as a call carries it: a stable English code stored with each application, and the label users read. */
export interface Direction {
  code: string;
  label: string;
  /** The direction this one is a sub-type of, listed on its own (the city platform under the industry platform). */
  subtypeOf?: string;
  /** Retired: no longer offered to new applications; applications that declare it keep its label. */
  retired?: boolean;
}

/** A direction's code: data of a call, so a string of this shape rather than a compile-time enum. */
export type DirectionCode = string;

/** The shape of a direction code: lower-case letters, digits and hyphens. */
export const directionCodePattern = /^[a-z0-9-]{1,60}$/;

/** A direction code, as a call declares it. */
export const directionCode = z.string().regex(directionCodePattern, '申报方向编码须为小写字母、数字和连字符');

/** One direction of a call. */
export const callDirection = z.strictObject({
  code: directionCode,
  label: z.string().trim().min(1, '申报方向名称不能为空').max(50, '申报方向名称不能超过50个字'),
  subtypeOf: directionCode.optional(),
  /** Retired: not offered to new applications and refused on a new submission; existing ones keep its label. */
  retired: z.boolean().optional(),
});

/** The shipped directions, in the notice's order: what a new call carries unless it says otherwise. */
export const directions: readonly Direction[] = [
  { code: 'network-upgrade', label: '网络改造提升' },
  { code: 'identifier-node', label: '标识解析二级节点' },
  { code: 'enterprise-platform', label: '企业级工业互联网平台' },
  { code: 'industry-platform', label: '行业（区域）级工业互联网平台' },
  // A sub-type of the industry platform, listed on its own because each unit may recommend at most one.
  { code: 'city-platform', label: '市级工业互联网综合平台', subtypeOf: 'industry-platform' },
  { code: 'mode-personalized-customization', label: '个性化定制' },
  { code: 'mode-platform-design', label: '平台化设计' },
  { code: 'mode-intelligent-manufacturing', label: '智能化制造' },
  { code: 'mode-networked-collaboration', label: '网络化协同' },
  { code: 'mode-service-extension', label: '服务化延伸' },
  { code: 'mode-digital-management', label: '数字化管理' },
  { code: 'green-manufacturing', label: '绿色制造' },
  { code: 'safety-production', label: '安全生产' },
  { code: 'experience-center', label: '工业互联网平台应用创新体验中心' },
];

/** The shipped direction each unit may recommend at most once (各市推荐市级工业互联网综合平台不超过1个). */
export const defaultDirectionCappedAtOnePerUnit: DirectionCode = 'city-platform';

/** The application material templates (附件2–4), each tied to a shipped form. */
export const templates = [
  { code: 'mode-application', label: '模式应用类', attachment: '附件2' },
  { code: 'industry-platform', label: '行业（区域）级工业互联网平台类', attachment: '附件3' },
  { code: 'experience-center', label: '工业互联网平台应用创新体验中心类', attachment: '附件4' },
] as const;

/** The code of one template. */
export type TemplateCode = (typeof templates)[number]['code'];

/** The template codes, for enums in schemas and SQL. */
export const templateCodes = templates.map((template) => template.code) as [TemplateCode, ...TemplateCode[]];

/** A template code, as requests and process variables carry it. */
export const templateCode = z.enum(templateCodes, { error: '没有这个申报类别' });

/** A direction → template table, as a call carries it. */
export type DirectionTemplates = Readonly<Record<DirectionCode, TemplateCode>>;

/** The shipped table: the two platform-level directions use 附件3, the experience center 附件4, the rest 附件2. */
export const defaultDirectionTemplates: DirectionTemplates = {
  'network-upgrade': 'mode-application',
  'identifier-node': 'mode-application',
  'enterprise-platform': 'mode-application',
  'industry-platform': 'industry-platform',
  'city-platform': 'industry-platform',
  'mode-personalized-customization': 'mode-application',
  'mode-platform-design': 'mode-application',
  'mode-intelligent-manufacturing': 'mode-application',
  'mode-networked-collaboration': 'mode-application',
  'mode-service-extension': 'mode-application',
  'mode-digital-management': 'mode-application',
  'green-manufacturing': 'mode-application',
  'safety-production': 'mode-application',
  'experience-center': 'experience-center',
};

/** The template a direction uses in a table (a call's), or undefined when the table has no such direction. */
export function templateForDirection(direction: DirectionCode, table: DirectionTemplates = defaultDirectionTemplates): TemplateCode | undefined {
  return Object.hasOwn(table, direction) ? table[direction] : undefined;
}

/** The Chinese label of a direction in a list (a call's); the code itself when the list lacks it. */
export function directionLabel(direction: DirectionCode, list: readonly Direction[] = directions): string {
  return list.find((entry) => entry.code === direction)?.label ?? direction;
}

/** The Chinese label of a template; the code itself for one this system does not know. */
export function templateLabel(template: string): string {
  return templates.find((entry) => entry.code === template)?.label ?? template;
}
