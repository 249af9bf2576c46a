import { z } from 'zod';
import type { EngineClient } from './client.js';

// Incidents: a failed external task or job that ran out of retries.

const incident = z.object({ id: z.string(), incidentType: z.string(), incidentMessage: z.string().nullable(), processInstanceId: z.string().nullable(), activityId: z.string().nullable() });
// What the province's dashboards read: an incident in full (the failed external task or job is `configuration`).
const openIncident = incident.extend({
  processDefinitionId: z.string().nullable(),
  incidentTimestamp: z.string(),
  rootCauseIncidentId: z.string().nullable(),
  configuration: z.string().nullable(),
});

export type EngineIncident = z.infer<typeof openIncident>;

/** Incidents: those of one process instance, and the open ones of every process. */
export function createIncidentsApi(engine: EngineClient) {
  return {
    incidents: (processInstanceId: string) =>
      engine.request('GET', `/incident?processInstanceId=${encodeURIComponent(processInstanceId)}`, { schema: z.array(incident) }),

    /** Open incidents of every process, oldest first. */
    openIncidents: (maxResults: number) =>
      engine.request('GET', `/incident?sortBy=incidentTimestamp&sortOrder=asc&firstResult=0&maxResults=${maxResults}`, { schema: z.array(openIncident) }),

    openIncidentCount: () => engine.request('GET', '/incident/count', { schema: z.object({ count: z.number() }) }).then((answer) => answer.count),

    /** One open incident, or undefined once it is resolved. */
    openIncident: (id: string) =>
      engine.request('GET', `/incident?incidentId=${encodeURIComponent(id)}`, { schema: z.array(openIncident) }).then((found) => found[0]),
  };
}

export type IncidentsApi = ReturnType<typeof createIncidentsApi>;
