import type { ApplicationFields } from './application.js';
import { candidateGroupForUnit } from './units.js';

// A type, not an interface: it is passed where any record of variables is taken.
/** The application's part of its declaration process: what the models and workers read, and who may see its tasks. */
export type ApplicationProcessVariables = {
  applicationId: string;
  applicationNumber: string;
  direction: string;
  priorityQualifications: string[];
  /** The candidate group of the enterprise's accounts (its own tasks: correction, sealed scans). */
  applicantGroup: string;
  /** The candidate group of the declared unit's reviewers. */
  cityGroup: string;
  enterpriseName: string;
  projectName: string;
};

/**
 * The process variables of an application, from its submitted (or corrected) fields: the submission starts the
 * instance with them, and a correction sends them again, so the process always reads the data the applicant last gave.
 */
export function applicationProcessVariables(
  application: { id: string; applicationNumber: string; enterpriseUscc: string },
  fields: Pick<ApplicationFields, 'declaredUnit' | 'direction' | 'priorityQualifications' | 'enterpriseName' | 'projectName'>,
): ApplicationProcessVariables {
  return {
    applicationId: application.id,
    applicationNumber: application.applicationNumber,
    direction: fields.direction,
    priorityQualifications: [...fields.priorityQualifications],
    applicantGroup: `enterprise${application.enterpriseUscc}`,
    cityGroup: candidateGroupForUnit(fields.declaredUnit),
    enterpriseName: fields.enterpriseName,
    projectName: fields.projectName,
  };
}
