// Writes the three application forms (forms/application-*.form) and domain/application-shared-fields.ts from the
// fragments in forms/fragments/: `sh scripts/node.sh npx tsx scripts/generate-forms.ts` (`--check` only compares).
// The same fragments give the same bytes, so regenerating shipped forms leaves git status clean.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { applicationForms, sharedFields, sharedFieldsModule, type Fragments } from './form-fragments.js';

const LAYOUT = 'application-form';

/** The project's root folder. */
export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/** Reads the fragment files of a fragments folder: `application-form.json`, the other `*.json`, `templates/*.json`. */
export function readFragments(dir: string): Fragments {
  const jsonFiles = (folder: string) =>
    readdirSync(folder).filter((name) => name.endsWith('.json')).sort().map((name) => [path.basename(name, '.json'), JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as unknown] as const);
  const { [LAYOUT]: layout, ...shared } = Object.fromEntries(jsonFiles(dir));
  if (layout === undefined) throw new Error(`${dir} has no ${LAYOUT}.json`);
  return { layout, shared, templates: Object.fromEntries(jsonFiles(path.join(dir, 'templates'))) };
}

/** Every generated file, by its path relative to the project root, from the fragments in `<root>/forms/fragments`. */
export function generatedFiles(root = repositoryRoot): Map<string, string> {
  const fragments = readFragments(path.join(root, 'forms', 'fragments'));
  const files = new Map([...applicationForms(fragments)].map(([name, content]) => [`forms/${name}`, content]));
  files.set('domain/application-shared-fields.ts', sharedFieldsModule(sharedFields(fragments)));
  return files;
}

// helpers

function main(check: boolean): void {
  let stale = 0;
  for (const [file, content] of generatedFiles()) {
    const target = path.join(repositoryRoot, file);
    let current: string | undefined;
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === content) continue;
    stale += 1;
    if (check) console.error(`${file} differs from its fragments`);
    else {
      writeFileSync(target, content);
      console.log(`wrote ${file}`);
    }
  }
  if (check && stale) process.exit(1);
  if (!stale) console.log('all generated files match their fragments');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main(process.argv.includes('--check'));
