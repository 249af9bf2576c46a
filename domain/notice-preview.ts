import { applicantNotice, statusNoticeValues, type Notice } from './applicant-notice.js';
import { fillNoticeText, noticeKinds, type NoticeKind, type NoticeTexts } from './notice-texts.js';
import { batchReminderNotice, withdrawalNotice } from './unit-notices.js';

// Every notice of a call rendered with sample values, as its recipients would see it: the in-app message and, for
// the notices that are mailed, the mail's subject and body (the outbox sends the same title and text).

/** One sample notice: which notice, the case shown, the in-app message and the mail (null when it is not mailed). */
export interface NoticeSample {
  notice: NoticeKind;
  example: string;
  inApp: Notice;
  mail: { subject: string; body: string } | null;
}

const application = { applicationNumber: '2021-130100-0007', projectName: '智能排产示范项目' };
const dueDate = new Date('2021-12-10T16:00:00Z');

/** The notices the texts give for sample applications and units. */
export function noticeSamples(texts: NoticeTexts): NoticeSample[] {
  const sealedScans = fillNoticeText(texts.sealedScansRequest, statusNoticeValues(application, 'awaiting-sealed-scans'));
  const recommendationWithdrawn = fillNoticeText(texts.recommendationWithdrawnReason, statusNoticeValues(application, 'in-city-library'));
  const withdrawn = fillNoticeText(texts.applicantWithdrawalReason, { ...statusNoticeValues(application, 'withdrawn'), reason: '企业经营计划调整' });
  return [
    sample('status-change', '要求补正（有原因和补正期限）', applicantNotice(texts, application, 'correction-requested', '【E4】请补充项目实施方案', dueDate)),
    sample('status-change', '通过自动审查，要求上传盖章材料', applicantNotice(texts, application, 'awaiting-sealed-scans', sealedScans, dueDate)),
    sample('status-change', '已推荐至省厅（无原因）', applicantNotice(texts, application, 'recommended')),
    sample('status-change', '推荐单位撤回推荐', applicantNotice(texts, application, 'in-city-library', recommendationWithdrawn)),
    sample('status-change', '企业撤回申报', applicantNotice(texts, application, 'withdrawn', withdrawn)),
    sample('batch-reminder', '石家庄市尚未报送', batchReminderNotice(texts, { callTitle: '2021年河北省工业互联网创新发展重点项目申报', unitName: '石家庄市', deadline: new Date('2021-12-20T15:59:00Z') })),
    sample('application-withdrawn', '已推荐的项目被企业撤回', withdrawalNotice(texts, { ...application, enterpriseName: '河北智造科技有限公司', reason: '企业经营计划调整' }, true)),
  ];
}

// helpers

function sample(notice: NoticeKind, example: string, inApp: Notice): NoticeSample {
  return { notice, example, inApp, mail: noticeKinds[notice].mail ? { subject: inApp.title, body: inApp.body } : null };
}
