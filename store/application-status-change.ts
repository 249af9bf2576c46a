import type { Queryable } from '../platform/database.js';
import { applicantNotice, statusNoticeValues } from '../domain/applicant-notice.js';
import { fillNoticeText } from '../domain/notice-texts.js';
import { summaryOf } from '../domain/application-summary.js';
import type { ApplicationStatus } from '../domain/application-status.js';
import { checkStatusMove, statusTellsApplicant } from '../domain/application-status-moves.js';
import { notifyApplicant } from './applicant-notifications.js';
import { findApplication, type Application } from './application-repository.js';
import { currentNoticeTexts } from './notice-text-repository.js';

// The one way an application's status changes, for every web service and worker: inside the caller's transaction,
// lock the row, check the move against the domain's table, record the event with its cause and reason, and queue the
// applicant's notice. A step that is retried, or a move two paths make (the web server's recommendation, then the
// process's guard step), changes nothing the second time and so tells the applicant once.

export interface StatusChange {
  applicationId: string;
  status: ApplicationStatus;
  at: Date;
  /** Who made it: an account's username, `city<unit>`, or `system`. */
  actor: string;
  /** Recorded with the event and shown in the history: why it was refused, what to correct. */
  reason: string | null;
  /** The engine task that caused it: a retried task records nothing twice, whatever the status is by then. */
  causeKey?: string;
  /**
   * What the notice says beyond the status: in place of the recorded reason a text of the call's (the sealed-scans
   * request, worded from the same version as the notice) or a text given, and a due date.
   */
  notice?: { reasonText?: 'sealedScansRequest'; text?: string; dueDate?: Date };
}

/** What a change did: `changed` false when the application already had the status, or the cause was recorded. */
export interface StatusChangeResult {
  changed: boolean;
  /** The application as locked, with its status after the change. */
  application: Application;
}

/** A move the domain's table does not allow; the message names the application and both statuses. */
export class IllegalStatusChange extends Error {
  constructor(
    readonly applicationId: string,
    readonly from: ApplicationStatus,
    readonly to: ApplicationStatus,
    readonly reason: string,
  ) {
    super(`Application ${applicationId} cannot move from ${from} to ${to}: ${reason}`);
    this.name = 'IllegalStatusChange';
  }
}

/** Changes an application's status in the caller's transaction; throws IllegalStatusChange for an illegal move. */
export async function changeApplicationStatus(db: Queryable, change: StatusChange): Promise<StatusChangeResult> {
  const application = await findApplication(db, change.applicationId, true);
  if (!application) throw new Error(`Application ${change.applicationId} does not exist`);
  if (change.causeKey && (await causeRecorded(db, change.causeKey))) return { changed: false, application };
  const move = checkStatusMove(application.status, change.status);
  if (move.outcome === 'unchanged') return { changed: false, application };
  if (move.outcome === 'illegal') throw new IllegalStatusChange(application.id, application.status, change.status, move.reason);
  await db.query(
    'INSERT INTO application_status_event (application_id, status, at, actor, reason, cause_key) VALUES ($1, $2, $3, $4, $5, $6)',
    [application.id, change.status, change.at, change.actor, change.reason, change.causeKey ?? null],
  );
  await db.query('UPDATE application SET status = $2, updated_at = $3 WHERE id = $1', [application.id, change.status, change.at]);
  if (statusTellsApplicant(change.status) && application.applicationNumber) {
    // Worded with the latest version of the application's call's texts, whose number the notice records.
    const texts = await currentNoticeTexts(db, application.callId);
    if (!texts) throw new Error(`Call ${application.callId} of application ${application.id} does not exist`);
    const subject = { applicationNumber: application.applicationNumber, projectName: summaryOf(application.data).projectName };
    const reasonText = change.notice?.reasonText;
    const notice = applicantNotice(
      texts.texts,
      subject,
      change.status,
      reasonText ? fillNoticeText(texts.texts[reasonText], statusNoticeValues(subject, change.status)) : change.notice?.text ?? change.reason,
      change.notice?.dueDate,
    );
    await notifyApplicant(db, application, noticeKey(application, change.status), notice, { callId: texts.callId, version: texts.version });
  }
  return { changed: true, application: { ...application, status: change.status, updatedAt: change.at } };
}

/** The key of the applicant's notice of a status: one per application, status and correction round. */
export function noticeKey(application: Pick<Application, 'id' | 'correctionRound'>, status: ApplicationStatus): string {
  return `application:${application.id}:${status}:round-${application.correctionRound}`;
}

// helpers

async function causeRecorded(db: Queryable, causeKey: string): Promise<boolean> {
  const result = await db.query('SELECT 1 FROM application_status_event WHERE cause_key = $1', [causeKey]);
  return result.rowCount === 1;
}
