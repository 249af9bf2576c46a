import { z } from 'zod';
import type { EngineClient } from './client.js';
import { toEngineVariables } from './wire-format.js';

// Process instances: starting one, by the latest version of a key or by one process definition (a release).

const processInstance = z.object({ id: z.string(), definitionId: z.string(), businessKey: z.string().nullable().optional(), ended: z.boolean() });

/** Process instances: start one with a business key and plain variables (objects become Json). */
export function createProcessInstancesApi(engine: EngineClient) {
  return {
    startProcess: (key: string, businessKey: string, variables: Record<string, unknown>) =>
      engine.request('POST', `/process-definition/key/${encodeURIComponent(key)}/start`, {
        json: { businessKey, variables: toEngineVariables(variables) },
        schema: processInstance,
      }),

    /** Starts an instance of one process definition (a release), not of the latest version of a key. */
    startProcessById: (processDefinitionId: string, businessKey: string, variables: Record<string, unknown>) =>
      engine.request('POST', `/process-definition/${encodeURIComponent(processDefinitionId)}/start`, {
        json: { businessKey, variables: toEngineVariables(variables) },
        schema: processInstance,
      }),
  };
}

export type ProcessInstancesApi = ReturnType<typeof createProcessInstancesApi>;
