import { applicationStatuses, type ApplicationStatus } from './application-status.js';
import { fillNoticeText as fill, type NoticeTexts } from './notice-texts.js';

// What an applicant is told when its application changes status. The texts are data of a call (templates with
// {placeholders}), so a year's notice can word them; the shipped texts are the defaults.

/** What an applicant is told when its application changes status. */
export interface Notice {
  title: string;
  body: string;
}

export { defaultNoticeTexts, noticeTexts, type NoticeTexts } from './notice-texts.js';

/** The values a status change fills its texts with (`{status}` is the status's Chinese name). */
export function statusNoticeValues(application: { applicationNumber: string; projectName: string }, status: ApplicationStatus): Record<'applicationNumber' | 'projectName' | 'status', string> {
  return { applicationNumber: application.applicationNumber, projectName: application.projectName, status: applicationStatuses[status] };
}

/** The notice for a status change: the application, its new status and, for refusals and corrections, the reason. */
export function applicantNotice(
  texts: NoticeTexts,
  application: { applicationNumber: string; projectName: string },
  status: ApplicationStatus,
  reason?: string | null,
  dueDate?: Date,
): Notice {
  const values = { ...statusNoticeValues(application, status), reason: reason ?? '', dueDate: dueDate ? formatBeijingTime(dueDate) : '' };
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
