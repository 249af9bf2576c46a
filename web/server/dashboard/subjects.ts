import { unitById } from '../../../domain/units.js';
import type { ProcessSubject } from '../../../store/dashboard-repository.js';
import type { SubjectView } from '../schemas/dashboard.js';

/** The subject of a process instance, or empty fields for an instance that belongs to no application or batch. */
export function subjectView(subject: ProcessSubject | undefined): SubjectView {
  return {
    applicationId: subject?.applicationId ?? null,
    applicationNumber: subject?.applicationNumber ?? null,
    projectName: subject?.projectName ?? null,
    unitId: subject?.unitId ?? null,
    unitName: (subject?.unitId && unitById(subject.unitId)?.name) || null,
    callId: subject?.callId ?? null,
    callTitle: subject?.callTitle ?? null,
  };
}
