import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { EngineClient } from './engine-client.js';
import { EngineError } from './engine-client.js';

/** The deployment-source every model deployment of this project carries. */
export const DEPLOYMENT_SOURCE = 'iiot-models';

/** A model the engine refused, or a reference that cannot be resolved; start-up stops with this message. */
export class ModelDeploymentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelDeploymentError';
  }
}

export interface ModelBundle {
  /** The deployment name: the process file's name without extension. */
  name: string;
  files: { fileName: string; content: string }[];
}

export interface DeploymentOutcome {
  name: string;
  deploymentId: string;
  /** False when nothing in the bundle changed since the last deployment of the same name. */
  deployed: boolean;
  processDefinitionIds: string[];
}

const deploymentAnswer = z.object({
  id: z.string(),
  deployedProcessDefinitions: z.record(z.string(), z.object({ id: z.string() })).nullable().optional(),
});

/**
 * Collects each process under processesDir with the forms (formsDir) and decisions (processesDir) it references:
 * camunda:formRef, camunda:decisionRef, and forms named by a process property `deployWithForm`.
 */
export async function collectModelBundles(processesDir: string, formsDir: string): Promise<ModelBundle[]> {
  const forms = await indexFiles(formsDir, '.form', (content) => [formId(content)]);
  const decisions = await indexFiles(processesDir, '.dmn', (content) => [...content.matchAll(/<decision\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]!));
  const bpmnFiles = (await readdir(processesDir)).filter((name) => name.endsWith('.bpmn')).sort();
  const bundles: ModelBundle[] = [];
  for (const fileName of bpmnFiles) {
    const content = await readFile(path.join(processesDir, fileName), 'utf8');
    const files = new Map([[fileName, content]]);
    const link = (kind: string, ids: string[], index: Map<string, { fileName: string; content: string }>) => {
      for (const id of ids) {
        const found = index.get(id);
        if (!found) throw new ModelDeploymentError(`${fileName} references ${kind} "${id}", which no file provides`);
        files.set(found.fileName, found.content);
      }
    };
    link('form', [...attributeValues(content, 'camunda:formRef'), ...deployWithForms(content)], forms);
    link('decision', attributeValues(content, 'camunda:decisionRef'), decisions);
    bundles.push({ name: fileName.replace(/\.bpmn$/, ''), files: [...files].map(([name, text]) => ({ fileName: name, content: text })) });
  }
  return bundles;
}

/**
 * Deploys one bundle as one deployment. Duplicate filtering makes an unchanged bundle a no-op; all resources are
 * redeployed when any changed, because formRefBinding="deployment" needs the forms in the process's own deployment.
 */
export async function deployBundle(engine: EngineClient, bundle: ModelBundle): Promise<DeploymentOutcome> {
  const form = new FormData();
  form.set('deployment-name', bundle.name);
  form.set('deployment-source', DEPLOYMENT_SOURCE);
  form.set('enable-duplicate-filtering', 'true');
  form.set('deploy-changed-only', 'false');
  for (const file of bundle.files) {
    form.set(file.fileName, new Blob([file.content], { type: 'application/octet-stream' }), file.fileName);
  }
  try {
    const answer = await engine.request('POST', '/deployment/create', { form, schema: deploymentAnswer, timeoutMs: 120_000 });
    const definitions = Object.values(answer.deployedProcessDefinitions ?? {}).map((d) => d.id);
    return { name: bundle.name, deploymentId: answer.id, deployed: definitions.length > 0, processDefinitionIds: definitions };
  } catch (error) {
    if (error instanceof EngineError) {
      throw new ModelDeploymentError(`The engine rejected ${bundle.name} (${bundle.files.map((f) => f.fileName).join(', ')}): ${error.message}`);
    }
    throw error;
  }
}

/** Deploys every bundle in order; the first rejection stops and is thrown. */
export async function deployModels(engine: EngineClient, processesDir: string, formsDir: string): Promise<DeploymentOutcome[]> {
  const outcomes: DeploymentOutcome[] = [];
  for (const bundle of await collectModelBundles(processesDir, formsDir)) outcomes.push(await deployBundle(engine, bundle));
  return outcomes;
}

// helpers

// <camunda:property name="deployWithForm" value="…" />: a form no task references that still belongs to the process.
function deployWithForms(xml: string): string[] {
  return [...xml.matchAll(/<camunda:property\s+name="deployWithForm"\s+value="([^"]+)"/g)].map((m) => m[1]!);
}

function attributeValues(xml: string, attribute: string): string[] {
  const pattern = new RegExp(`\\b${attribute}="([^"]+)"`, 'g');
  return [...new Set([...xml.matchAll(pattern)].map((m) => m[1]!))];
}

function formId(content: string): string {
  const parsed = z.object({ id: z.string().min(1) }).safeParse(JSON.parse(content));
  return parsed.success ? parsed.data.id : '';
}

async function indexFiles(dir: string, extension: string, ids: (content: string) => string[]) {
  const index = new Map<string, { fileName: string; content: string }>();
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(extension));
  } catch {
    return index;
  }
  for (const fileName of names) {
    const content = await readFile(path.join(dir, fileName), 'utf8');
    for (const id of ids(content)) if (id) index.set(id, { fileName, content });
  }
  return index;
}
