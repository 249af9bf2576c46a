import type { Queryable } from '../platform/database.js';
import type { Notice } from '../domain/applicant-notice.js';
import { contactEmailOf } from '../domain/application-summary.js';
import type { Application } from './application-repository.js';
import { addInAppMessage, queueEmail } from './notification-repository.js';
import type { NoticeTextsUsed } from './notice-text-repository.js';

/** The domain of the Message-IDs this system writes. */
export const MESSAGE_ID_DOMAIN = 'iiot.gxt.hebei.local';

/** Tells an applicant by e-mail (its contact address) and in the application, once per event, recording the texts' version. */
export async function notifyApplicant(db: Queryable, application: Application, eventKey: string, notice: Notice, noticeTexts: NoticeTextsUsed): Promise<void> {
  const recipient = contactEmailOf(application.data);
  if (recipient) {
    await queueEmail(db, { eventKey, recipient, subject: notice.title, body: notice.body, noticeTexts }, MESSAGE_ID_DOMAIN);
  }
  await addInAppMessage(db, { eventKey, enterpriseUscc: application.enterpriseUscc, applicationId: application.id, title: notice.title, body: notice.body, noticeTexts });
}
