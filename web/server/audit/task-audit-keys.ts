import type { TaskSubject } from '../tasks/scope.js';

/** The audit log's keys of what a task is about: its application (and unit), or its unit's batch (call and unit). */
export function taskAuditKeys(subject: TaskSubject): { callId?: string; unitId?: string | null; applicationId?: string } {
  switch (subject.kind) {
    case 'application':
      return { applicationId: subject.application.id, unitId: subject.application.unitId };
    case 'batch':
      return { callId: subject.batch.callId, unitId: subject.batch.unitId };
    case 'seat':
      // Not keyed to the application: its 办理记录 is shown to the enterprise and the unit, who must not learn the
      // panel before the results are published (the session's own entries name the project).
      return {};
    case 'review-session':
      return { callId: subject.session.callId };
    case 'none':
      return {};
  }
}
