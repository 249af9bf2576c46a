// `npm test` and `npm start` run this first (`check-prerequisites.ts [test|start]`, default test): it installs the
// Debian packages they need and the machine lacks (as root, with apt-get), or prints the one command to run; whatever
// apt cannot fix it names, all at once, and exits 1. `npm start` needs only Java, Maven (for the first engine build)
// and the CJK font its rendered PDFs embed; the tests need the rest too.
// PREREQUISITES_PRETEND_MISSING=poppler-utils,chromium reports packages as missing; PREREQUISITES_DRY_RUN=1 prints
// the commands instead of running them. Both let a test exercise this without changing the machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { cjkFont } from '../documents/cjk-font.js';
import { CHROMIUM } from '../dev-stack/chromium.js';
import { engineCacheDir, engineSourceHash } from '../dev-stack/engine-build.js';
import { projectRoot } from '../platform/config.js';
import { DEBIAN_PACKAGES, prerequisitePlan, type DebianPackage } from './prerequisites-plan.js';

type Purpose = 'test' | 'start';

interface Check {
  what: string;
  /** Needed by `npm start` as well as by the tests (everything is needed by the tests). */
  forStart?: true;
  ok: () => boolean;
  /** The Debian package that provides it; none when apt cannot help (then the hint says what to do). */
  package?: DebianPackage;
  hint: string;
}

const env = z
  .object({
    PREREQUISITES_PRETEND_MISSING: z.string().default('').transform((list) => list.split(/[\s,]+/).filter(Boolean)).pipe(z.array(z.enum(DEBIAN_PACKAGES))),
    PREREQUISITES_DRY_RUN: z.enum(['', '0', '1', 'false', 'true']).default('').transform((flag) => flag === '1' || flag === 'true'),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(`check-prerequisites: ${env.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  process.exit(2);
}
const { PREREQUISITES_PRETEND_MISSING: pretendMissing, PREREQUISITES_DRY_RUN: dryRun } = env.data;
const purposeArgument = z.enum(['test', 'start']).default('test').safeParse(process.argv[2]);
if (!purposeArgument.success) {
  console.error(`check-prerequisites: the argument must be "test" or "start", not "${process.argv[2]}"`);
  process.exit(2);
}
const purpose: Purpose = purposeArgument.data;
const forWhat = purpose === 'start' ? '`npm start`' : 'the tests';

/** What the command printed (stdout and stderr: java prints its version on stderr), or undefined if it failed. */
function version(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? `${result.stdout}${result.stderr}` : undefined;
}

function javaMajor(): number {
  const match = /version "(\d+)/.exec(version('java', ['-version']) ?? '');
  return match ? Number(match[1]) : 0;
}

function hasCjkFont(): boolean {
  try {
    return existsSync(cjkFont().path);
  } catch {
    return false;
  }
}

// package.json's "engines" is the one statement of the Node.js we need (">=22.13"); scripts/node.sh provides it.
const engines = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
const [wantMajor = 0, wantMinor = 0] = (/^>=\s*(\d+)\.(\d+)/.exec(engines) ?? []).slice(1).map(Number);
const [nodeMajor = 0, nodeMinor = 0] = process.versions.node.split('.').map(Number);
const engineCached = existsSync(path.join(engineCacheDir(), `engine-${await engineSourceHash()}.jar`));

const allChecks: Check[] = [
  { what: `Node.js ${engines}`, forStart: true, ok: () => nodeMajor > wantMajor || (nodeMajor === wantMajor && nodeMinor >= wantMinor), hint: `run through \`sh scripts/node.sh\` (as \`npm test\` does), which fetches the pinned Node.js; this is ${process.versions.node}` },
  { what: 'Java 17 or newer (java)', forStart: true, ok: () => javaMajor() >= 17, package: 'openjdk-17-jdk-headless', hint: 'a JDK 17 or newer' },
  { what: 'Maven (mvn), to build the engine once', forStart: true, ok: () => engineCached || version('mvn', ['-v']) !== undefined, package: 'maven', hint: 'Maven 3.8+' },
  { what: 'docker-compose, to validate docker-compose.yml', ok: () => version('docker-compose', ['version']) !== undefined, package: 'docker-compose', hint: 'docker-compose v1' },
  { what: 'poppler-utils (pdftotext, pdffonts, pdftoppm), to read rendered PDFs back', ok: () => version('pdftotext', ['-v']) !== undefined, package: 'poppler-utils', hint: 'poppler-utils' },
  process.env.CJK_FONT_PATH
    ? { what: `the CJK font CJK_FONT_PATH names (${process.env.CJK_FONT_PATH})`, forStart: true, ok: hasCjkFont, hint: 'set CJK_FONT_PATH to an existing font file, or unset it' }
    : { what: 'a CJK font for the rendered PDFs', forStart: true, ok: hasCjkFont, package: 'fonts-noto-cjk', hint: 'Noto Sans CJK (or set CJK_FONT_PATH)' },
  process.env.CHROMIUM_PATH
    ? { what: `the chromium CHROMIUM_PATH names (${CHROMIUM})`, ok: () => existsSync(CHROMIUM), hint: 'set CHROMIUM_PATH to an existing chromium, or unset it' }
    : { what: `chromium (${CHROMIUM}), for the browser tests`, ok: () => existsSync(CHROMIUM), package: 'chromium', hint: 'chromium (or set CHROMIUM_PATH)' },
];
const checks = allChecks.filter((check) => purpose === 'test' || check.forStart);

const failing = (pretend: readonly DebianPackage[]) => checks.filter((check) => (check.package && pretend.includes(check.package)) || !check.ok());
const fail = (lines: string[]): never => {
  for (const line of lines) console.error(line);
  process.exit(1);
};

const missing = failing(pretendMissing);
const beyondApt = missing.filter((check) => !check.package);
if (beyondApt.length) fail([`Missing prerequisites for ${forWhat}:`, ...beyondApt.map((check) => `  - ${check.what}: ${check.hint}`)]);

const plan = prerequisitePlan({
  missing: missing.flatMap((check) => (check.package ? [check.package] : [])),
  root: process.getuid?.() === 0,
  apt: version('apt-get', ['--version']) !== undefined,
});
if (plan.kind === 'name') {
  fail([`Missing prerequisites for ${forWhat} (no apt-get here: install their equivalents):`, ...missing.map((check) => `  - ${check.what}: ${check.hint} (Debian: ${check.package})`)]);
}
if (plan.kind === 'ask') {
  fail([`${purpose === 'start' ? '`npm start` needs' : 'The tests need'} Debian packages this machine lacks: ${plan.packages.join(', ')}. Run this, then \`npm ${purpose}\` again:`, `  ${plan.command}`]);
}
if (plan.kind === 'install') {
  console.log(`Installing the Debian packages ${forWhat} need${purpose === 'start' ? 's' : ''}: ${plan.packages.join(' ')}`);
  for (const command of plan.commands) {
    if (dryRun) {
      console.log(`would run: ${command.join(' ')}`);
      continue;
    }
    const result = spawnSync(command[0]!, command.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) fail([`\`${command.join(' ')}\` failed (${result.status ?? result.signal}); install the packages by hand: ${plan.packages.join(' ')}`]);
  }
  // Installed for real: the tools themselves must now answer (a package can install and still not provide them).
  const still = dryRun ? [] : failing([]);
  if (still.length) fail(['Still missing after apt-get install:', ...still.map((check) => `  - ${check.what}`)]);
}
