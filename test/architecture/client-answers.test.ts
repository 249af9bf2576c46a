import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './import-rules-checker.js';

// The browser reads every API answer through web/client/src/api.ts, which parses it with the route's shared schema
// (README, "The web application"): no page reads a body itself or re-types what a call answered with a cast.

const repository = fileURLToPath(new URL('../..', import.meta.url));
const clientRoot = 'web/client/src/';
const answerReader = 'web/client/src/api.ts';

/** Where a client file reads a response body itself, or casts what an API call answered. */
export function unparsedAnswers(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    if (file !== answerReader && /\.json\(\)/.test(line)) found.push(`${where} reads a body itself`);
    if (/\b(api|postForm|useRemote)\s*(<[^>]*>)?\([^;]*\)\s*\)?\s*as\s+(?!const\b)\w/.test(line)) found.push(`${where} casts an answer`);
  });
  return found;
}

describe('API answers in the browser client', () => {
  it('are read only by api.ts and never cast', () => {
    const files = sourceFiles(repository).filter((file) => file.startsWith(clientRoot));
    expect(files.length).toBeGreaterThan(30);
    expect(files.flatMap((file) => unparsedAnswers(file, readFileSync(path.join(repository, file), 'utf8')))).toEqual([]);
  });

  it('reports a page that reads a body itself and one that casts an answer', () => {
    const page = ["const raw = await (await fetch('/api/x')).json();", "const view = (await api('GET', '/api/x', anything)) as View;", "const ok = await api('GET', '/api/x', view);"].join('\n');
    expect(unparsedAnswers('web/client/src/pages/Bad.tsx', page)).toEqual(['web/client/src/pages/Bad.tsx:1 reads a body itself', 'web/client/src/pages/Bad.tsx:2 casts an answer']);
  });
});
