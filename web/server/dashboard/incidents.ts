import type { Pool } from '../../../platform/database.js';
import { fromEngineDate, type EngineApi, type EngineIncident } from '../../../platform/engine/index.js';
import { EngineError } from '../../../platform/engine/index.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { processSubjects } from '../../../store/dashboard-repository.js';
import { engineCommandIncidents, isEngineCommandIncident, retryEngineCommand } from '../engine-commands/command-incidents.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import { mapWithLimit } from './map-with-limit.js';
import type { Incidents, IncidentView } from '../schemas/dashboard.js';
import { subjectView } from './subjects.js';

/** The most incidents one list shows (each costs the engine a few look-ups); the total is still counted. */
export const MAX_INCIDENT_ROWS = 200;
/** Details are a stack trace: enough of it to tell the cause, not a page of frames. */
const MAX_DETAILS = 4000;
/**
 * A retry gives one more attempt, as Cockpit does: if the cause is gone the step goes on; if not, the incident comes
 * back at once instead of after a further round of back-off.
 */
const RETRY_ATTEMPTS = 1;
const RETRYABLE = ['failedExternalTask', 'failedJob'];

type Deps = { db: Pool; engine: EngineApi };

/** Open incidents of every process, oldest first, each with its failed step, error and details, call, unit and application. */
export async function openIncidents(deps: Deps): Promise<Incidents> {
  const [incidents, total] = await Promise.all([deps.engine.openIncidents(MAX_INCIDENT_ROWS), deps.engine.openIncidentCount()]);
  const instanceIds = [...new Set(incidents.flatMap((i) => (i.processInstanceId ? [i.processInstanceId] : [])))];
  const definitionIds = [...new Set(incidents.flatMap((i) => (i.processDefinitionId ? [i.processDefinitionId] : [])))];
  const [subjects, processNames, activityNames] = await Promise.all([
    processSubjects(deps.db, instanceIds),
    lookUp(definitionIds, async (id) => {
      const definition = await deps.engine.processDefinitionName(id);
      return definition.name ?? definition.key;
    }),
    lookUp(instanceIds, async (id) => new Map((await deps.engine.historicActivities(id)).map((a) => [a.activityId, a.activityName]))),
  ]);
  const views = await mapWithLimit(incidents, 4, async (incident): Promise<IncidentView> => ({
    incidentId: incident.id,
    incidentType: incident.incidentType,
    at: fromEngineDate(incident.incidentTimestamp),
    processInstanceId: incident.processInstanceId,
    processName: (incident.processDefinitionId && processNames.get(incident.processDefinitionId)) || null,
    activityId: incident.activityId,
    activityName: (incident.processInstanceId && incident.activityId && activityNames.get(incident.processInstanceId)?.get(incident.activityId)) || null,
    message: incident.incidentMessage,
    ...(await failureOf(deps.engine, incident)),
    retryable: isRetryable(incident),
    ...subjectView(incident.processInstanceId ? subjects.get(incident.processInstanceId) : undefined),
  }));
  // Beside the engine's incidents, the engine calls the platform keeps failing to make (web/server/engine-commands/).
  const commands = await engineCommandIncidents(deps.db, MAX_INCIDENT_ROWS);
  return { total: Math.max(total, views.length) + commands.length, incidents: [...commands, ...views].sort((a, b) => a.at.getTime() - b.at.getTime()).slice(0, MAX_INCIDENT_ROWS) };
}

/**
 * Retries the failed step behind an incident (its root cause, should it sit in a called process): sets the external
 * task's or job's retries, which resolves the incident, and records who did it in the audit log.
 */
export async function retryIncident(deps: Deps, account: Account, incidentId: string): Promise<void> {
  if (isEngineCommandIncident(incidentId)) return retryEngineCommand(deps, account, incidentId);
  const incident = await deps.engine.openIncident(incidentId);
  if (!incident) throw new AppError('INCIDENT_RESOLVED');
  const root = incident.rootCauseIncidentId && incident.rootCauseIncidentId !== incident.id ? ((await deps.engine.openIncident(incident.rootCauseIncidentId)) ?? incident) : incident;
  if (!isRetryable(root)) throw new AppError('INCIDENT_NOT_RETRYABLE');
  const failed = root.configuration!;
  try {
    if (root.incidentType === 'failedExternalTask') await deps.engine.setExternalTaskRetries(failed, RETRY_ATTEMPTS);
    else await deps.engine.setJobRetries(failed, RETRY_ATTEMPTS);
  } catch (error) {
    // Resolved in the meantime: someone else retried it, or the instance was ended.
    if (error instanceof EngineError && error.status === 404) throw new AppError('INCIDENT_RESOLVED');
    throw error;
  }
  const subject = root.processInstanceId ? (await processSubjects(deps.db, [root.processInstanceId])).get(root.processInstanceId) : undefined;
  await insertAuditEntry(deps.db, {
    actor: account.username,
    action: 'incident.retried',
    subject: `process-instance:${root.processInstanceId ?? 'none'}`,
    detail: {
      incidentId: root.id, incidentType: root.incidentType, activityId: root.activityId, message: root.incidentMessage, retries: RETRY_ATTEMPTS,
      ...(root.incidentType === 'failedExternalTask' ? { externalTaskId: failed } : { jobId: failed }),
      ...(subject?.applicationNumber ? { applicationNumber: subject.applicationNumber } : {}),
    },
  });
}

// helpers

function isRetryable(incident: EngineIncident): boolean {
  return RETRYABLE.includes(incident.incidentType) && incident.configuration !== null;
}

/** The failed external task's or job's own error message and details; nothing if it is gone meanwhile. */
async function failureOf(engine: EngineApi, incident: EngineIncident): Promise<{ details: string | null; topicName: string | null }> {
  const id = incident.configuration;
  try {
    if (incident.incidentType === 'failedExternalTask' && id) {
      const [task, details] = await Promise.all([engine.externalTask(id), engine.externalTaskErrorDetails(id)]);
      return { details: clip(details ?? task.errorMessage), topicName: task.topicName };
    }
    if (incident.incidentType === 'failedJob' && id) {
      const [job, stacktrace] = await Promise.all([engine.job(id), engine.jobStacktrace(id)]);
      return { details: clip(stacktrace ?? job.exceptionMessage), topicName: null };
    }
  } catch (error) {
    if (!(error instanceof EngineError && error.status === 404)) throw error;
  }
  return { details: null, topicName: null };
}

function clip(text: string | null): string | null {
  return text && text.length > MAX_DETAILS ? `${text.slice(0, MAX_DETAILS)}\n…` : text;
}

/** Looks each key up once; a key the engine no longer knows is left out (its rows show no name). */
async function lookUp<V>(keys: readonly string[], find: (key: string) => Promise<V>): Promise<Map<string, V>> {
  const found = await mapWithLimit(keys, 4, async (key) => {
    try {
      return [[key, await find(key)] as const];
    } catch (error) {
      if (error instanceof EngineError && error.status === 404) return [];
      throw error;
    }
  });
  return new Map(found.flat());
}
