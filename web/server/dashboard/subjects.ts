import { z } from 'zod';
import { unitById } from '../../../domain/units.js';
import type { ProcessSubject } from '../../../store/dashboard-repository.js';

/** What an engine task or incident is about, as the dashboards show it: call, unit, application. */
export const subjectFields = {
  applicationId: z.string().nullable(),
  applicationNumber: z.string().nullable(),
  projectName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  callId: z.string().nullable(),
  callTitle: z.string().nullable(),
};

export type SubjectView = { [K in keyof typeof subjectFields]: z.infer<(typeof subjectFields)[K]> };

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
