import { summaryOf } from '../../../domain/application-summary.js';
import { candidateGroupForUnit, isUnitId } from '../../../domain/units.js';
import { withTransaction, type Pool, type Queryable } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import { findApplication } from '../../../store/application-repository.js';
import { queueProcessStart } from '../../../store/engine-command-repository.js';
import { projectsWithoutProcess } from '../../../store/project-repository.js';
import { definitionForCall } from '../../../store/release-repository.js';

// A project's process (processes/project.bpmn) is started by its batch's submission: queued in the submission's
// transaction through the engine-command outbox, so a refused or rolled-back submission starts none, and delivered
// after the commit (at once, or by the relay).

export const PROJECT_PROCESS = 'project';

/** The project's part of its process: who it is, which unit's group answers a return, what the forms show. */
export interface ProjectStartVariables extends Record<string, unknown> {
  projectId: string;
  applicationId: string;
  projectNumber: string;
  callId: string;
  unitId: string;
  cityGroup: string;
  direction: string;
  enterpriseName: string;
  projectName: string;
}

/** Queues the start of a project's process in the caller's transaction, on the call's release of the model. */
export async function queueProjectStart(
  db: Queryable,
  engine: Pick<EngineApi, 'latestProcessDefinition'>,
  project: { id: string; applicationId: string; projectNumber: string; callId: string; unitId: string },
): Promise<string> {
  const application = (await findApplication(db, project.applicationId))!;
  const summary = summaryOf(application.data);
  if (!isUnitId(project.unitId)) throw new Error(`Project ${project.id} has an unknown unit ${project.unitId}`);
  const definitionId = (await definitionForCall(db, project.callId, PROJECT_PROCESS)) ?? (await engine.latestProcessDefinition(PROJECT_PROCESS)).id;
  const variables: ProjectStartVariables = {
    projectId: project.id, applicationId: project.applicationId, projectNumber: project.projectNumber, callId: project.callId, unitId: project.unitId,
    cityGroup: candidateGroupForUnit(project.unitId), direction: String(application.data.direction ?? ''),
    enterpriseName: summary.enterpriseName, projectName: summary.projectName,
  };
  return queueProcessStart(db, {
    processDefinitionId: definitionId, processDefinitionKey: PROJECT_PROCESS, businessKey: project.projectNumber, variables, subject: { projectId: project.id },
  });
}

/**
 * Queues the start of every project that has none: projects created before the project process existed. Run at
 * start-up after the models are deployed; the relay delivers the starts.
 */
export async function queueMissingProjectStarts(deps: { db: Pool; engine: Pick<EngineApi, 'latestProcessDefinition'> }): Promise<number> {
  return withTransaction(deps.db, async (client) => {
    // One start-up at a time queues them: a second web replica finds them queued.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('project-start-backfill'))");
    const missing = await projectsWithoutProcess(client);
    for (const project of missing) await queueProjectStart(client, deps.engine, project);
    return missing.length;
  });
}
