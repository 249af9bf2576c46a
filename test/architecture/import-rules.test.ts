import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImportRules, type RuleId, type Violation } from './import-rules-checker.js';

// The import rules of README's "Where things are": domain/ imports no I/O and nothing outside itself; web/ and
// workers/ never import each other; only the engine adapter speaks HTTP. Each rule has a fixture that breaks it.

const repository = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => path.join(repository, 'test/fixtures/import-rules', name);

interface Exception {
  rule: RuleId;
  file: string;
  /** Why it may break the rule today, and which part of the work removes it. */
  reason: string;
}

// Known exceptions, none today. An entry that no longer matches fails the test too: delete it once its file is fixed.
const exceptions: Exception[] = [];

const excepted = (v: Violation) => exceptions.some((e) => e.rule === v.rule && e.file === v.file);
const summary = (violations: Violation[]) => violations.map((v) => `${v.rule}: ${v.file} → ${v.found}`);

describe('import rules', () => {
  it('hold on the real tree, apart from the listed exceptions, each of which is still needed', () => {
    // given / when
    const violations = checkImportRules(repository);

    // then
    expect(summary(violations.filter((v) => !excepted(v)))).toEqual([]);
    const stale = exceptions.filter((e) => !violations.some((v) => v.rule === e.rule && v.file === e.file));
    expect(stale.map((e) => e.file)).toEqual([]);
  });

  it('reports a domain file that imports I/O, the database driver or a folder outside domain/', () => {
    expect(summary(checkImportRules(fixture('domain-pure')))).toEqual([
      'domain-pure: domain/call-from-file.ts → node:fs',
      'domain-pure: domain/call-from-file.ts → pg',
      'domain-pure: domain/call-from-file.ts → ../store/call-row.js',
    ]);
  });

  it('reports web importing workers and workers importing web', () => {
    expect(summary(checkImportRules(fixture('web-workers-apart')))).toEqual([
      'web-workers-apart: web/server/route-runs-topic.ts → ../../workers/topic.js',
      'web-workers-apart: workers/topic.ts → ../web/server/route-runs-topic.js',
    ]);
  });

  it('reports an HTTP module, fetch(, a raw engine request and the external-task client outside the engine adapter, and nothing inside its folder, for a type-only import or in the browser', () => {
    expect(summary(checkImportRules(fixture('http-client')))).toEqual([
      'http-client-in-engine-adapter: store/calls-out.ts → node:https',
      'http-client-in-engine-adapter: store/calls-out.ts → fetch(',
      "http-client-in-engine-adapter: store/calls-out.ts → request('POST')",
      'http-client-in-engine-adapter: workers/runtime.ts → camunda-external-task-client-js',
    ]);
  });
});
