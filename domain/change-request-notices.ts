import type { Notice } from './applicant-notice.js';
import type { ChangeKind } from './change-request-rules.js';

// What the enterprise is told when its change request is settled: refused by the city-platform rule, approved or
// refused by the province. Fixed wording: the call's notice texts cover the declaration's statuses only.

/** How a request was settled, as the enterprise is told. */
export type ChangeOutcome = 'refused-by-rule' | 'approved' | 'refused';

const outcomeLabels: Readonly<Record<ChangeOutcome, string>> = {
  'refused-by-rule': '按规则不予变更',
  approved: '已获省厅批准',
  refused: '未获省厅批准',
};

/** The notice of a settled request: the project, what was asked, the outcome and its reason or opinion. */
export function changeOutcomeNotice(project: { projectNumber: string; projectName: string }, kind: ChangeKind, outcome: ChangeOutcome, reason: string | null): Notice {
  const asked = kind === 'terminate' ? '终止申请' : '变更申请';
  const lines = [`贵单位的项目“${project.projectName}”（项目编号${project.projectNumber}）的${asked}${outcomeLabels[outcome]}。`];
  if (reason) lines.push(`${outcome === 'refused-by-rule' ? '原因' : '审批意见'}：${reason}`);
  if (outcome === 'approved') lines.push(kind === 'terminate' ? '项目已退出省级重点项目库。' : '变更内容已记入项目当前版本，入库时的快照保持不变。');
  lines.push('详情请登录平台，在项目页面查看。');
  return { title: `项目${asked}${outcomeLabels[outcome]}：${project.projectName}`, body: lines.join('\n') };
}
