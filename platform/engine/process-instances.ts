import { z } from 'zod';
import type { EngineClient } from './client.js';
import { toEngineVariables } from './wire-format.js';

// Process instances: starting one, by the latest version of a key or by one process definition (a release), and
// delivering a message to the one instance of a business key that waits for it.

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

    /**
     * Delivers a message to the instance of the business key that waits for it, with process variables; the engine
     * refuses (an EngineError) when no instance of the key waits for it.
     */
    correlateMessage: (messageName: string, businessKey: string, variables: Record<string, unknown>) =>
      engine.request('POST', '/message', {
        json: { messageName, businessKey, processVariables: toEngineVariables(variables), resultEnabled: true },
        schema: z.array(z.object({ resultType: z.string() })),
      }),
  };
}

export type ProcessInstancesApi = ReturnType<typeof createProcessInstancesApi>;
