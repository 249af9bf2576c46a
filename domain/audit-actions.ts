// The Chinese label of each audit action (audit_log.action), as the audit page, its Excel export and an
// application's trail show it. An action not listed here (a newer one, or one of an older release) shows its code.

export const auditActionLabels: Readonly<Record<string, string>> = {
  // registration and accounts (issue 14)
  'registration.submitted': '提交企业注册',
  'registration.confirmed': '确认注册邮箱',
  'registration.approved': '通过企业注册',
  'registration.rejected': '驳回企业注册',
  'registration.claim-approved': '通过企业账号认领',
  'registration.expired': '注册申请过期作废',
  'account.created': '新建账号',
  'account.updated': '修改账号',
  'account.disabled': '停用账号',
  'account.enabled': '启用账号',
  'account.password-set': '设置初始密码',
  'account.password-reset': '重置密码',
  'account.password-reset-requested': '申请找回密码',
  'message.sent': '发送消息',
  'project.created': '项目登记（待形式审查）',
  'project.status-changed': '变更项目状态',
  // the expert pool (issue 16)
  'expert.created': '新增专家',
  'expert.updated': '修改专家信息',
  'expert.deactivated': '停用专家',
  'expert.activated': '启用专家',
  'experts.imported': '导入专家库',
  // applications
  'application.submitted': '提交申报',
  'application.corrected': '提交补正材料',
  'application.sealed-scans-submitted': '上传盖章材料',
  'application.withdrawn': '撤回申报',
  'application.recommended': '推荐项目',
  'application.recommendation-withdrawn': '撤回推荐',
  // calls
  'call.created': '新建申报批次',
  'call.calendar.changed': '修改申报日程',
  'call.guide.changed': '修改申报指南',
  'call.contacts.changed': '修改联系方式',
  'call.links.changed': '修改相关链接',
  'call.download.added': '上传下载文件',
  'call.download.removed': '删除下载文件',
  'call.published': '发布申报批次',
  'call.closed': '关闭申报批次',
  'call.directions.replaced': '修改申报方向',
  'notice-texts.saved': '保存通知文本',
  'working-days.replaced': '保存工作日历',
  // indicators, recommendation and batches
  'indicators.replaced': '保存培育指标',
  'indicator.set': '设置单位指标',
  'unit-window.reopened': '重新开放单位报送',
  'recommendations.ranked': '调整推荐排序',
  'batch.started': '生成推荐表',
  'batch.submitted': '报送推荐批次',
  // the tasklist
  'task.claimed': '认领任务',
  'task.released': '释放任务',
  'task.dates-set': '设置任务期限',
  'task.completed': '办理任务',
  // operations
  'incident.retried': '重试流程异常',
  'engine-command.retried': '重试引擎指令',
  'unit-groups.replaced': '修改单位分组',
  // the studio
  'studio.version.saved': '保存模型版本',
  'studio.version.restored': '恢复模型版本',
  'studio.release.deployed': '部署流程版本',
  'studio.call-set.moved': '调整批次流程版本',
};

/** The Chinese label of an audit action; an unknown action is shown as its code. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(auditActionLabels, action) ? auditActionLabels[action]! : action;
}

/** Every labelled action, for the audit page's action filter, in the order above. */
export function auditActionOptions(): { value: string; label: string }[] {
  return Object.entries(auditActionLabels).map(([value, label]) => ({ value, label }));
}
