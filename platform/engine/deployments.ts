import { z } from 'zod';
import type { EngineClient } from './client.js';

// Deployments: the one multipart `POST /deployment/create` of a bundle of model files, and reading a deployment's
// resources back (the forms a process version deploys with).

/** The files of one deployment, under the deployment's name. */
export interface DeploymentFiles {
  name: string;
  files: { fileName: string; content: string }[];
}

/** How a deployment is made: its deployment-source, and whether an unchanged bundle is a no-op. */
export interface DeploymentOptions {
  source: string;
  duplicateFiltering: boolean;
}

/** A process definition a deployment made. */
export interface DeployedDefinition {
  id: string;
  key: string;
  version: number;
}

const deploymentAnswer = z.object({
  id: z.string(),
  deployedProcessDefinitions: z.record(z.string(), z.object({ id: z.string(), key: z.string(), version: z.number() })).nullable().optional(),
});

/** Deployments: create one from a bundle of files, read its resources. */
export function createDeploymentsApi(engine: EngineClient) {
  return {
    /**
     * One `POST /deployment/create` of a bundle's files; answers the deployment and the process definitions it made
     * (none when duplicate filtering found the bundle unchanged). An engine refusal is thrown as the EngineError.
     */
    async deploy(bundle: DeploymentFiles, options: DeploymentOptions): Promise<{ deploymentId: string; definitions: DeployedDefinition[] }> {
      const form = new FormData();
      form.set('deployment-name', bundle.name);
      form.set('deployment-source', options.source);
      form.set('enable-duplicate-filtering', String(options.duplicateFiltering));
      form.set('deploy-changed-only', 'false');
      for (const file of bundle.files) {
        form.set(file.fileName, new Blob([file.content], { type: 'application/octet-stream' }), file.fileName);
      }
      const answer = await engine.request('POST', '/deployment/create', { form, schema: deploymentAnswer, timeoutMs: 120_000 });
      return { deploymentId: answer.id, definitions: Object.values(answer.deployedProcessDefinitions ?? {}) };
    },

    deploymentResources: (deploymentId: string) =>
      engine.request('GET', `/deployment/${encodeURIComponent(deploymentId)}/resources`, { schema: z.array(z.object({ id: z.string(), name: z.string() })) }),

    deploymentResourceJson: (deploymentId: string, resourceId: string) =>
      engine.request('GET', `/deployment/${encodeURIComponent(deploymentId)}/resources/${encodeURIComponent(resourceId)}/data`, { schema: z.unknown() }),
  };
}

export type DeploymentsApi = ReturnType<typeof createDeploymentsApi>;
