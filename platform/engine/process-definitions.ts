import { z } from 'zod';
import type { EngineClient } from './client.js';

// Process definitions: the deployed versions of a process, their XML and how many instances each runs.

const definition = z.object({ id: z.string(), deploymentId: z.string(), version: z.number() });

/** Process definitions: one by id or the latest of a key, its XML and name, running instances per definition. */
export function createProcessDefinitionsApi(engine: EngineClient) {
  return {
    processDefinition: (id: string) => engine.request('GET', `/process-definition/${encodeURIComponent(id)}`, { schema: definition }),

    latestProcessDefinition: (key: string) => engine.request('GET', `/process-definition/key/${encodeURIComponent(key)}`, { schema: definition }),

    processDefinitionName: (id: string) =>
      engine.request('GET', `/process-definition/${encodeURIComponent(id)}`, { schema: z.object({ key: z.string(), name: z.string().nullable() }) }),

    processDefinitionXml: (id: string) =>
      engine.request('GET', `/process-definition/${encodeURIComponent(id)}/xml`, { schema: z.object({ id: z.string(), bpmn20Xml: z.string() }) }),

    /** Running instances per process definition, for every definition that has any. */
    runningInstancesByDefinition: () =>
      engine.request('GET', '/process-definition/statistics', { schema: z.array(z.object({ id: z.string(), instances: z.number() })) })
        .then((rows) => new Map(rows.map((row) => [row.id, row.instances]))),
  };
}

export type ProcessDefinitionsApi = ReturnType<typeof createProcessDefinitionsApi>;
