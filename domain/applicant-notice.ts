import { applicationStatuses, type ApplicationStatus } from './application-status.js';

/** What an applicant is told when its application changes status. */
export interface Notice {
  title: string;
  body: string;
}

/** The notice for a status change: the application, its new status and, for refusals and corrections, the reason. */
export function applicantNotice(application: { applicationNumber: string; projectName: string }, status: ApplicationStatus, reason?: string | null, dueDate?: Date): Notice {
  const title = `申报编号 ${application.applicationNumber}：${applicationStatuses[status]}`;
  const lines = [`您单位申报的项目“${application.projectName}”（编号 ${application.applicationNumber}）状态已更新为：${applicationStatuses[status]}。`];
  if (reason) lines.push(`原因：${reason}`);
  if (dueDate) {
    const task = status === 'awaiting-sealed-scans' ? ['上传盖章材料', '未上传'] : ['完成补正', '未补正'];
    lines.push(`请于 ${formatBeijingTime(dueDate)}（北京时间）前登录平台${task[0]}，逾期${task[1]}视为撤回申报。`);
  }
  lines.push('此邮件由河北省工业互联网创新发展重点项目管理平台自动发送，请勿直接回复。');
  return { title, body: lines.join('\n') };
}

/** A time as people in Hebei read it: YYYY-MM-DD HH:mm in UTC+8. */
export function formatBeijingTime(at: Date): string {
  const beijing = new Date(at.getTime() + 8 * 3_600_000);
  return beijing.toISOString().slice(0, 16).replace('T', ' ');
}
