import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every reader of a form-js schema uses modeling/form-schema.ts: no other production file declares its own
// component type (a `components` property typed as a list of its own components, or a zod schema of one).

const repository = fileURLToPath(new URL('../..', import.meta.url));
const productionFolders = ['bench', 'dev-stack', 'documents', 'domain', 'modeling', 'platform', 'scripts', 'store', 'web', 'workers'];
const theModule = 'modeling/form-schema.ts';

// A `components` property or parameter holding components of a type other than the module's FormComponent
// (`components?: Component[]`, `components: z.array(component)`); a list of anything (`z.array(z.unknown())`) is
// no component type.
const componentList = /\bcomponents\??\s*:\s*(?:readonly\s+)?(?:(?!FormComponent\b)[A-Z]\w*\[\]|\{[^{}]*\}\[\]|Array<|z\.array\((?!z\.unknown\(\)\)))/;

interface Exception {
  file: string;
  /** Why it declares its own today, and which part of the work removes it. */
  reason: string;
}

// An entry that no longer matches fails the test too: delete it once its file uses the module.
const exceptions: Exception[] = [];

function sourceFiles(folder: string): string[] {
  const absolute = path.join(repository, folder);
  let entries;
  try {
    entries = readdirSync(absolute, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return ['node_modules', 'dist'].includes(entry.name) ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

/** The production files, other than the module, that declare a form-js component type of their own. */
function ownComponentTypes(): string[] {
  return productionFolders
    .flatMap(sourceFiles)
    .filter((file) => file !== theModule && componentList.test(readFileSync(path.join(repository, file), 'utf8')))
    .sort();
}

describe('the readers of form-js schemas', () => {
  it('declare no component type of their own, apart from the listed exceptions, each of which is still needed', () => {
    // given / when
    const found = ownComponentTypes();
    // then
    expect(found.filter((file) => !exceptions.some((e) => e.file === file))).toEqual([]);
    expect(exceptions.filter((e) => !found.includes(e.file)).map((e) => e.file)).toEqual([]);
  });

  it.each([
    ['an interface', 'interface Component { type: string; components?: Component[] }', true],
    ['a readonly list', 'function walk(components: readonly Component[]) {}', true],
    ['an inline type', 'const form = parsed as { components: { type?: unknown; text?: unknown }[] };', true],
    ['a zod schema', 'const component = z.looseObject({ components: z.array(z.lazy(() => component)) });', true],
    ['a list of anything', 'const form = z.looseObject({ components: z.array(z.unknown()) });', false],
    ['the shared type', 'function walk(components: readonly FormComponent[]) {}', false],
    ['a use of the shared walker', 'const all = allComponents(form.components);', false],
  ])('recognises %s', (_case, source, declares) => {
    expect(componentList.test(source)).toBe(declares);
  });
});
