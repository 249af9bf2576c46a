// Reading the deployed .form files and the facts about them that every form test needs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const formsDir = fileURLToPath(new URL('../../forms/', import.meta.url));

/** A form-js component as the tests look at it. */
export interface Component {
  id: string;
  type: string;
  key?: string;
  path?: string;
  values?: { label: string; value: string }[];
  components?: Component[];
  [property: string]: unknown;
}

/** A form-js schema as the tests look at it. */
export interface FormFile {
  id: string;
  type: string;
  schemaVersion: number;
  executionPlatform: string;
  executionPlatformVersion: string;
  exporter: { name: string; version: string };
  components: Component[];
}

/** Reads and parses forms/<name>.form. */
export function readForm(name: string): FormFile {
  return JSON.parse(readFileSync(path.join(formsDir, `${name}.form`), 'utf8')) as FormFile;
}

/** Every component of a form, depth first. */
export function allComponents(components: Component[]): Component[] {
  return components.flatMap((component) => [component, ...allComponents(component.components ?? [])]);
}

/** The component with this key (or, for a dynamic list, path); fails when there is none. */
export function componentByKey(form: FormFile, key: string): Component {
  const found = allComponents(form.components).find((component) => component.key === key || component.path === key);
  if (found === undefined) throw new Error(`form ${form.id} has no component with key ${key}`);
  return found;
}

/**
 * The schemaVersion of the installed form-js viewer. Its module needs a DOM even to be imported, so the constant
 * is read from the bundle's text.
 */
export function installedSchemaVersion(): number {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('@bpmn-io/form-js-viewer/package.json'));
  const bundle = readFileSync(path.join(packageDir, 'dist', 'index.es.js'), 'utf8');
  const match = /\bconst schemaVersion = (\d+);/.exec(bundle);
  if (match?.[1] === undefined) throw new Error('schemaVersion not found in @bpmn-io/form-js-viewer');
  return Number(match[1]);
}

/** The header every form of this project carries. */
export const expectedHeader = {
  type: 'default',
  executionPlatform: 'Camunda Platform',
  executionPlatformVersion: '7.24.0',
  exporter: { name: 'Camunda Modeler', version: '5.40.0' },
};
