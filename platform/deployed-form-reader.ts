import type { EngineApi } from './engine/index.js';

/** Reads a form from the deployment of a process definition: the very form that version was deployed with. */
export interface DeployedFormReader {
  form(processDefinitionId: string, formId: string): Promise<unknown>;
  /** The form deployed with the process version an instance (running or ended) runs on. */
  formOfInstance(processInstanceId: string, formId: string): Promise<unknown>;
}

/** A reader over the engine's REST API; deployments never change, so answers are cached by definition and form. */
export function deployedFormReader(engine: EngineApi): DeployedFormReader {
  const cache = new Map<string, Promise<unknown>>();
  async function load(processDefinitionId: string, formId: string): Promise<unknown> {
    const { deploymentId } = await engine.processDefinition(processDefinitionId);
    const resource = (await engine.deploymentResources(deploymentId)).find((r) => r.name === `${formId}.form`);
    if (!resource) throw new Error(`The deployment of ${processDefinitionId} has no form ${formId}`);
    return engine.deploymentResourceJson(deploymentId, resource.id);
  }
  const reader: DeployedFormReader = {
    form(processDefinitionId, formId) {
      const key = `${processDefinitionId}/${formId}`;
      if (!cache.has(key)) cache.set(key, load(processDefinitionId, formId).catch((error: unknown) => { cache.delete(key); throw error; }));
      return cache.get(key)!;
    },
    async formOfInstance(processInstanceId, formId) {
      const instance = await engine.historicProcessInstance(processInstanceId);
      return reader.form(instance.processDefinitionId, formId);
    },
  };
  return reader;
}
