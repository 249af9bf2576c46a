import type { Queryable } from '../platform/database.js';
import { contactEmailOf } from '../domain/application-summary.js';
import { changeOutcomeNotice, type ChangeOutcome } from '../domain/change-request-notices.js';
import { MESSAGE_ID_DOMAIN } from './applicant-notifications.js';
import { addInAppMessage, queueEmail } from './notification-repository.js';
import type { ChangeRequest } from './project-change-repository.js';
import type { Project } from './project-repository.js';

/**
 * Tells the enterprise how its change request was settled, in the application and by e-mail to its contact, in the
 * caller's transaction: once per request and outcome, however often the step is retried.
 */
export async function notifyChangeOutcome(db: Queryable, project: Project, request: Pick<ChangeRequest, 'id' | 'kind'>, outcome: ChangeOutcome, reason: string | null): Promise<void> {
  const data = (await db.query<{ data: unknown }>('SELECT data FROM application WHERE id = $1', [project.applicationId])).rows[0]?.data;
  const notice = changeOutcomeNotice(project, request.kind, outcome, reason);
  const eventKey = `project-change:${request.id}:${outcome}`;
  const recipient = contactEmailOf(data);
  if (recipient) await queueEmail(db, { eventKey, recipient, subject: notice.title, body: notice.body }, MESSAGE_ID_DOMAIN);
  await addInAppMessage(db, { eventKey, enterpriseUscc: project.enterpriseUscc, applicationId: project.applicationId, title: notice.title, body: notice.body });
}
