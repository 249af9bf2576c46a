// The directions (培育范围) of the notice's section 一 and the 2021 导向目录, and the three material templates.
// Codes are stable English ids stored with each application; labels are what users read.

/** Every direction an application can declare, in the notice's order. */
export const directions = [
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
] as const;

/** The code of one direction. */
export type DirectionCode = (typeof directions)[number]['code'];

/** The direction codes alone, for enums in schemas. */
export const directionCodes: readonly DirectionCode[] = directions.map((direction) => direction.code);

/** The direction each reporting unit may recommend at most once (各市推荐市级工业互联网综合平台不超过1个). */
export const directionCappedAtOnePerUnit: DirectionCode = 'city-platform';

/** The application material templates (附件2–4). */
export const templates = [
  { code: 'mode-application', label: '模式应用类', attachment: '附件2' },
  { code: 'industry-platform', label: '行业（区域）级工业互联网平台类', attachment: '附件3' },
  { code: 'experience-center', label: '工业互联网平台应用创新体验中心类', attachment: '附件4' },
] as const;

/** The code of one template. */
export type TemplateCode = (typeof templates)[number]['code'];

/** A direction → template table; a call may replace any of its rows. */
export type DirectionTemplates = Readonly<Record<DirectionCode, TemplateCode>>;

/** The default table: the two platform-level directions use 附件3, the experience center 附件4, the rest 附件2. */
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

/** The template a direction uses by default. */
export function defaultTemplateForDirection(direction: DirectionCode): TemplateCode {
  return defaultDirectionTemplates[direction];
}

/** The template a direction uses in a call that overrides some rows of the default table. */
export function templateForDirection(direction: DirectionCode, overrides: Partial<DirectionTemplates> = {}): TemplateCode {
  return overrides[direction] ?? defaultDirectionTemplates[direction];
}

/** The Chinese label of a direction. */
export function directionLabel(direction: DirectionCode): string {
  return directions.find((entry) => entry.code === direction)?.label ?? direction;
}
