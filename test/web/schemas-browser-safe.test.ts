import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The browser bundle imports web/server/schemas/ to parse the server's answers, so a schema file may reach only zod,
// domain/, the other schema files and two pure data files the browser already uses; never fastify, pg or node:*.

const repository = fileURLToPath(new URL('../..', import.meta.url));
const allowedFiles = [/^domain\//, /^web\/server\/schemas\//, /^modeling\/problem\.ts$/, /^web\/server\/identity\/roles\.ts$/];
const allowedPackages = ['zod'];

describe('the shared schemas (web/server/schemas/)', () => {
  it('reach only zod, domain/ and pure data files, so the browser bundle can import them', () => {
    // given
    const schemaFiles = readdirSync(path.join(repository, 'web/server/schemas')).map((name) => path.join(repository, 'web/server/schemas', name));

    // when / then
    expect(schemaFiles.length).toBeGreaterThan(10);
    expect(unsafeImports(schemaFiles)).toEqual([]);
  });

  it('would report a schema file that reaches fastify or the database module', () => {
    expect(unsafeImports([path.join(repository, 'test/web/fixtures/server-only-schema.ts')])).toEqual([
      'test/web/fixtures/server-only-schema.ts → fastify',
      'test/web/fixtures/server-only-schema.ts → ../../../platform/database.js',
    ]);
  });
});

// helpers

/** Every import, followed through the files it reaches, that the browser must not load. */
function unsafeImports(entries: readonly string[]): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const relative = path.relative(repository, file).split(path.sep).join('/');
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        if (!allowedPackages.includes(specifier)) found.push(`${relative} → ${specifier}`);
        continue;
      }
      const target = path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.ts');
      const targetRelative = path.relative(repository, target).split(path.sep).join('/');
      if (allowedFiles.some((pattern) => pattern.test(targetRelative))) visit(target);
      else found.push(`${relative} → ${specifier}`);
    }
  };
  entries.forEach(visit);
  return found;
}

function importsOf(source: string): string[] {
  return [...source.matchAll(/^\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]/gm)].map((match) => match[1]!);
}
