import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../../platform/config.js';

/** Where the workers' element templates live: one file per topic, next to the workers they describe. */
export const ELEMENT_TEMPLATES_DIR = path.join(projectRoot, 'workers', 'templates');

/** Every element template (Camunda 7 element template JSON), in file order. */
export async function loadElementTemplates(dir = ELEMENT_TEMPLATES_DIR): Promise<Record<string, unknown>[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(path.join(dir, name), 'utf8')) as Record<string, unknown>));
}
