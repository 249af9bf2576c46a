import type { EngineApi } from '../../../platform/engine-api.js';

/** The process whose deployment carries the application forms. */
export const DECLARATION_PROCESS = 'declaration';

/** The form id of each application material template (附件2–4). */
export const applicationFormIds = {
  'mode-application': 'application-mode',
  'industry-platform': 'application-industry-platform',
  'experience-center': 'application-experience-center',
} as const;

/**
 * Reads forms from the engine's deployment of the declaration process, so the server validates a submission
 * against exactly the form the process version was deployed with. A deployment never changes: cache by its id.
 */
export function deployedForms(engine: EngineApi) {
  const cache = new Map<string, unknown>();
  return {
    async current(formId: string): Promise<{ form: unknown; processDefinitionId: string }> {
      const definition = await engine.latestProcessDefinition(DECLARATION_PROCESS);
      const cacheKey = `${definition.deploymentId}/${formId}`;
      if (!cache.has(cacheKey)) {
        const resources = await engine.deploymentResources(definition.deploymentId);
        const resource = resources.find((r) => r.name === `${formId}.form`);
        if (!resource) throw new Error(`The deployment of ${definition.id} has no form ${formId}`);
        cache.set(cacheKey, await engine.deploymentResourceJson(definition.deploymentId, resource.id));
      }
      return { form: cache.get(cacheKey), processDefinitionId: definition.id };
    },
  };
}

export type DeployedForms = ReturnType<typeof deployedForms>;
