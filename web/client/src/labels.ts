// Chinese labels the pages show for codes the API returns; the domain's own lists where it has them.
import { applicationStatuses } from '../../../domain/application-status.js';
import { templates } from '../../../domain/directions.js';

export const roleLabels: Record<string, string> = {
  applicant: '申报企业',
  'city-reviewer': '市工信局',
  'province-officer': '省工信厅',
  'division-head': '处长',
  finance: '财务处',
  leadership: '厅领导',
  expert: '评审专家',
  administrator: '平台管理员',
};

/** The statuses as the domain names them (one list for server and browser). */
export const statusLabels: Record<string, string> = applicationStatuses;

export const templateLabels: Record<string, string> = Object.fromEntries(templates.map((t) => [t.code, t.label]));

/** Tag colours dark enough for white text (WCAG AA); antd's light presets are not. */
export const tagColors = {
  good: '#237804',
  notice: '#874d00',
  action: '#ad4e00',
  bad: '#a8071a',
  info: '#0958d9',
} as const;
