import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Which folder may import which (README, "Where things are"), checked over the source text: a regex over
// `import … from '…'`, `import '…'`, `import('…')` and `export … from '…'` after comments are removed, with relative
// specifiers resolved to the folder they land in. Deliberately simple: it reads no TypeScript configuration.

export type RuleId = 'domain-pure' | 'web-workers-apart' | 'http-client-in-engine-adapter';

export interface Violation {
  rule: RuleId;
  /** The file, relative to the checked root, with forward slashes. */
  file: string;
  /** What breaks the rule: an import specifier, `fetch(` or a raw engine request. */
  found: string;
}

/** The engine adapter: the only folder whose files may speak HTTP (to the engine). */
export const engineAdapter = { folder: 'platform/engine/' };

/**
 * Production code the HTTP rule covers; the browser client, tests, scripts, benchmarks and the dev stack (which probes
 * the engine it spawned) drive HTTP by design.
 */
const httpRuleScope = ['domain/', 'store/', 'platform/', 'web/server/', 'workers/', 'documents/', 'modeling/'];

const ioModules = new Set(['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'child_process', 'dgram', 'dns', 'tls', 'cluster', 'worker_threads', 'readline', 'os', 'process', 'inspector', 'v8', 'vm', 'sqlite']);
const ioPackages = new Set(['pg', 'pg-pool', 'undici', 'got', 'axios', 'node-fetch', 'nodemailer', 'camunda-external-task-client-js']);
const httpClientModules = new Set(['http', 'https', 'http2', 'undici', 'got', 'axios', 'node-fetch', 'ky', 'superagent', 'camunda-external-task-client-js']);

const skippedFolders = new Set(['node_modules', '.git', '.data', 'dist', 'target', 'test']);

/** Every .ts/.tsx file under `root` (relative, forward slashes), skipping dependencies, build output and test/. */
export function sourceFiles(root: string, dir = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) files.push(...sourceFiles(root, relative));
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      files.push(relative);
    }
  }
  return files.sort();
}

/** Checks every source file under `root` against the three rules. */
export function checkImportRules(root: string): Violation[] {
  return sourceFiles(root).flatMap((file) => checkFile(file, readFileSync(path.join(root, file), 'utf8')));
}

/** The violations of one file, given its path relative to the root and its text. */
export function checkFile(file: string, text: string): Violation[] {
  const code = withoutComments(text);
  const violations: Violation[] = [];
  for (const { specifier, typeOnly } of importsOf(code)) {
    const target = resolve(file, specifier);
    if (file.startsWith('domain/') && breaksDomainPurity(target)) violations.push({ rule: 'domain-pure', file, found: specifier });
    if ((file.startsWith('web/') && target.startsWith('workers/')) || (file.startsWith('workers/') && target.startsWith('web/'))) {
      violations.push({ rule: 'web-workers-apart', file, found: specifier });
    }
    if (inHttpScope(file) && !typeOnly && httpClientModules.has(bareModule(target))) violations.push({ rule: 'http-client-in-engine-adapter', file, found: specifier });
  }
  if (inHttpScope(file)) {
    if (/(?<![\w$.])fetch\s*\(/.test(code)) violations.push({ rule: 'http-client-in-engine-adapter', file, found: 'fetch(' });
    // The engine client's generic request, used anywhere but in the adapter, is a raw HTTP call to the engine.
    for (const match of code.matchAll(/\.request\(\s*['"](GET|POST|PUT|DELETE|PATCH)['"]/g)) {
      violations.push({ rule: 'http-client-in-engine-adapter', file, found: `request('${match[1]}')` });
    }
  }
  return violations;
}

/**
 * Every source file `entries` load, following relative imports (type-only ones too: tsx resolves nothing at run time
 * for them, but a deployment that lacks the folder is still one refactor from breaking).
 */
export function importClosure(root: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { specifier } of importsOf(withoutComments(readFileSync(path.join(root, file), 'utf8')))) {
      const target = resolve(file, specifier);
      if (isBare(target)) continue;
      const source = target.replace(/\.js$/, '.ts');
      const candidates = [source, `${source}x`, target];
      const found = candidates.find((candidate) => sourceExists(root, candidate));
      if (found) pending.push(found);
    }
  }
  return [...seen].sort();
}

// helpers

function sourceExists(root: string, file: string): boolean {
  try {
    return readFileSync(path.join(root, file)).length >= 0;
  } catch {
    return false;
  }
}

function inHttpScope(file: string): boolean {
  return httpRuleScope.some((prefix) => file.startsWith(prefix)) && !inEngineAdapter(file);
}

function inEngineAdapter(file: string): boolean {
  return file.startsWith(engineAdapter.folder);
}

/** A relative import outside domain/, an I/O module of Node.js, or a database or network package. */
function breaksDomainPurity(target: string): boolean {
  if (target.startsWith('./') || target.startsWith('../')) return true; // resolved above the root
  if (!isBare(target)) return !target.startsWith('domain/');
  return ioModules.has(bareModule(target)) || ioPackages.has(bareModule(target));
}

/** `node:fs/promises` → `fs/promises`, `pg/lib/x` → `pg`, `@scope/pkg/x` → `@scope/pkg`; a resolved path stays. */
function bareModule(target: string): string {
  if (!isBare(target)) return '';
  const name = target.slice('bare:'.length).replace(/^node:/, '');
  if (name.startsWith('fs/')) return name;
  const parts = name.split('/');
  return name.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function isBare(target: string): boolean {
  return target.startsWith('bare:');
}

/** A relative specifier as the root-relative path it lands on; a package or built-in as `bare:<name>`. */
function resolve(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return `bare:${specifier}`;
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
}

function importsOf(code: string): { specifier: string; typeOnly: boolean }[] {
  const found: { specifier: string; typeOnly: boolean }[] = [];
  for (const match of code.matchAll(/\b(import|export)\s+(type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g)) found.push({ specifier: match[3]!, typeOnly: Boolean(match[2]) });
  for (const match of code.matchAll(/\bimport\s*\(?\s*['"]([^'"]+)['"]/g)) found.push({ specifier: match[1]!, typeOnly: false });
  return found;
}

/** The text with line and block comments blanked, leaving strings and template literals as they are. */
function withoutComments(text: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      out += char;
      if (char === '\\') out += text[++i] ?? '';
      else if (char === quote) quote = null;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
      out += ' ';
    } else {
      if (char === "'" || char === '"' || char === '`') quote = char;
      out += char;
    }
  }
  return out;
}
