import type { TaskSubject } from '../tasks/scope.js';

/** The audit log's keys of what a task is about: its application (and unit), or its unit's batch (call and unit). */
export function taskAuditKeys(subject: TaskSubject): { callId?: string; unitId?: string | null; applicationId?: string } {
  switch (subject.kind) {
    case 'application':
      return { applicationId: subject.application.id, unitId: subject.application.unitId };
    case 'batch':
      return { callId: subject.batch.callId, unitId: subject.batch.unitId };
    case 'seat':
      return { applicationId: subject.application.id, unitId: subject.application.unitId };
    case 'review-session':
      return { callId: subject.session.callId };
    case 'none':
      return {};
  }
}
