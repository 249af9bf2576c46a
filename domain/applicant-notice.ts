import { z } from 'zod';
import { applicationStatuses, type ApplicationStatus } from './application-status.js';

// What an applicant is told when its application changes status. The texts are data of a call (templates with
// {placeholders}), so a year's notice can word them; the shipped texts are the defaults.

/** What an applicant is told when its application changes status. */
export interface Notice {
  title: string;
  body: string;
}

/** The placeholders every notice text may use. */
const common = ['applicationNumber', 'projectName', 'status'] as const;

/** Each notice text and the placeholders it may use (`{status}` is the status's Chinese name). */
export const noticePlaceholders = {
  title: common,
  body: common,
  /** The line added when the change has a reason (a refusal, what to correct). */
  reason: [...common, 'reason'],
  /** The line added when a correction is due. */
  correctionDue: [...common, 'dueDate'],
  /** The line added when the sealed scans are due. */
  sealedScansDue: [...common, 'dueDate'],
  footer: common,
} as const satisfies Record<string, readonly string[]>;

/** The shipped notice texts. */
export const defaultNoticeTexts: NoticeTexts = {
  title: '申报编号 {applicationNumber}：{status}',
  body: '您单位申报的项目“{projectName}”（编号 {applicationNumber}）状态已更新为：{status}。',
  reason: '原因：{reason}',
  correctionDue: '请于 {dueDate}（北京时间）前登录平台完成补正，逾期未补正视为撤回申报。',
  sealedScansDue: '请于 {dueDate}（北京时间）前登录平台上传盖章材料，逾期未上传视为撤回申报。',
  footer: '此邮件由河北省工业互联网创新发展重点项目管理平台自动发送，请勿直接回复。',
};

/** A call's notice texts: every text present, each using only its own placeholders. */
export const noticeTexts = z.strictObject({
  title: noticeTemplate(noticePlaceholders.title),
  body: noticeTemplate(noticePlaceholders.body),
  reason: noticeTemplate(noticePlaceholders.reason),
  correctionDue: noticeTemplate(noticePlaceholders.correctionDue),
  sealedScansDue: noticeTemplate(noticePlaceholders.sealedScansDue),
  footer: noticeTemplate(noticePlaceholders.footer),
});

/** A call's notice texts. */
export type NoticeTexts = z.infer<typeof noticeTexts>;

/** The notice for a status change: the application, its new status and, for refusals and corrections, the reason. */
export function applicantNotice(
  texts: NoticeTexts,
  application: { applicationNumber: string; projectName: string },
  status: ApplicationStatus,
  reason?: string | null,
  dueDate?: Date,
): Notice {
  const values: Record<string, string> = { ...application, status: applicationStatuses[status], reason: reason ?? '', dueDate: dueDate ? formatBeijingTime(dueDate) : '' };
  const lines = [fill(texts.body, values)];
  if (reason) lines.push(fill(texts.reason, values));
  if (dueDate) lines.push(fill(status === 'awaiting-sealed-scans' ? texts.sealedScansDue : texts.correctionDue, values));
  lines.push(fill(texts.footer, values));
  return { title: fill(texts.title, values), body: lines.filter((line) => line !== '').join('\n') };
}

/** A time as people in Hebei read it: YYYY-MM-DD HH:mm in UTC+8. */
export function formatBeijingTime(at: Date): string {
  const beijing = new Date(at.getTime() + 8 * 3_600_000);
  return beijing.toISOString().slice(0, 16).replace('T', ' ');
}

// helpers

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** A notice text that uses only the placeholders given; an unknown one is refused with the ones it may use. */
function noticeTemplate(allowed: readonly string[]) {
  return z
    .string()
    .max(1000, '通知文字不能超过1000个字')
    .superRefine((text, context) => {
      const unknown = [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!).filter((name) => !allowed.includes(name));
      if (!unknown.length) return;
      const message = `不认识的占位符：${unknown.map((name) => `{${name}}`).join('、')}；可用：${allowed.map((name) => `{${name}}`).join('、')}`;
      context.addIssue({ code: 'custom', message, input: text });
    });
}

function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}
