import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EngineClient } from './engine/client.js';
import { createDeploymentsApi } from './engine/deployments.js';
import { EngineError } from './engine/index.js';
import { decisionIdsOf, keyOf } from '../modeling/model-key.js';

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

/** A file of a deployment: its resource name and content. */
export interface ModelFile {
  fileName: string;
  content: string;
}

/** A form or decision a process deploys with, and the element that references it (the process for deployWithForm). */
export interface ModelReference {
  kind: 'form' | 'decision';
  id: string;
  elementId: string;
}

/**
 * Collects each process under processesDir with the forms (formsDir) and decisions (processesDir) it references:
 * camunda:formRef, camunda:decisionRef, and forms named by a process property `deployWithForm`.
 */
export async function collectModelBundles(processesDir: string, formsDir: string): Promise<ModelBundle[]> {
  const forms = await indexFiles(formsDir, '.form', (content) => [formIdOf(content) ?? '']);
  const decisions = await indexFiles(processesDir, '.dmn', decisionIdsOf);
  const bpmnFiles = (await readdir(processesDir)).filter((name) => name.endsWith('.bpmn')).sort();
  const bundles: ModelBundle[] = [];
  for (const fileName of bpmnFiles) {
    const content = await readFile(path.join(processesDir, fileName), 'utf8');
    bundles.push(bundleProcess(fileName.replace(/\.bpmn$/, ''), { fileName, content }, { form: forms, decision: decisions }));
  }
  return bundles;
}

/**
 * The bundle of one process: the process file and the files that provide what it references, looked up by form id
 * and decision id. Works the same for files on disk and for stored versions.
 */
export function bundleProcess(name: string, process: ModelFile, provided: Record<ModelReference['kind'], ReadonlyMap<string, ModelFile>>): ModelBundle {
  const files = new Map([[process.fileName, process.content]]);
  for (const reference of processReferences(process.content)) {
    const found = provided[reference.kind].get(reference.id);
    if (!found) throw new ModelDeploymentError(`${process.fileName} references ${reference.kind} "${reference.id}", which no file provides`);
    files.set(found.fileName, found.content);
  }
  return { name, files: [...files].map(([fileName, content]) => ({ fileName, content })) };
}

/**
 * What a process references: camunda:formRef, camunda:decisionRef, and `deployWithForm` properties (forms no task
 * names that still belong to the process). References by expression (`${…}`) are resolved at run time and skipped.
 */
export function processReferences(xml: string): ModelReference[] {
  const processId = keyOf('process', xml) ?? '';
  const found = new Map<string, ModelReference>();
  const add = (kind: ModelReference['kind'], id: string, elementId: string) => {
    if (!id.includes('${') && !found.has(`${kind}:${id}`)) found.set(`${kind}:${id}`, { kind, id, elementId });
  };
  for (const [tag] of xml.matchAll(/<[^>]+>/g)) {
    const elementId = /\sid="([^"]+)"/.exec(tag)?.[1] ?? processId;
    const formRef = /\bcamunda:formRef="([^"]+)"/.exec(tag)?.[1];
    const decisionRef = /\bcamunda:decisionRef="([^"]+)"/.exec(tag)?.[1];
    const deployWith = /^<camunda:property\s+name="deployWithForm"\s+value="([^"]+)"/.exec(tag)?.[1];
    if (formRef) add('form', formRef, elementId);
    if (decisionRef) add('decision', decisionRef, elementId);
    if (deployWith) add('form', deployWith, processId);
  }
  return [...found.values()];
}

/** The id of a form-js schema, if it has one. */
export function formIdOf(content: string): string | undefined {
  return keyOf('form', content);
}

/**
 * Deploys one bundle as one deployment. Duplicate filtering makes an unchanged bundle a no-op; all resources are
 * redeployed when any changed, because formRefBinding="deployment" needs the forms in the process's own deployment.
 */
export async function deployBundle(engine: EngineClient, bundle: ModelBundle): Promise<DeploymentOutcome> {
  try {
    const answer = await createDeploymentsApi(engine).deploy(bundle, { source: DEPLOYMENT_SOURCE, duplicateFiltering: true });
    return { name: bundle.name, deploymentId: answer.deploymentId, deployed: answer.definitions.length > 0, processDefinitionIds: answer.definitions.map((d) => d.id) };
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
