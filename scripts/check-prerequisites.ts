// `npm test` runs this first: it names every missing tool at once instead of failing somewhere deep in a test.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cjkFont } from '../documents/cjk-font.js';
import { CHROMIUM } from '../test/support/browser.js';
import { engineCacheDir, engineSourceHash } from '../platform/engine-build.js';

interface Check {
  what: string;
  ok: boolean;
  hint: string;
}

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
    cjkFont();
    return true;
  } catch {
    return false;
  }
}

const [nodeMajor = 0, nodeMinor = 0] = process.versions.node.split('.').map(Number);
const engineCached = existsSync(path.join(engineCacheDir(), `engine-${await engineSourceHash()}.jar`));

const checks: Check[] = [
  { what: 'Node.js 20.19 or newer', ok: nodeMajor > 20 || (nodeMajor === 20 && nodeMinor >= 19), hint: 'install Node.js 20 LTS (20.19+)' },
  { what: 'Java 17 or newer (java)', ok: javaMajor() >= 17, hint: 'apt-get install openjdk-17-jdk-headless' },
  { what: 'Maven (mvn), to build the engine once', ok: engineCached || version('mvn', ['-v']) !== undefined, hint: 'apt-get install maven' },
  { what: 'docker-compose, to validate docker-compose.yml', ok: version('docker-compose', ['version']) !== undefined, hint: 'apt-get install docker-compose' },
  { what: 'poppler-utils (pdftotext, pdffonts, pdftoppm), to read rendered PDFs back', ok: version('pdftotext', ['-v']) !== undefined, hint: 'apt-get install poppler-utils' },
  { what: 'a CJK font for the rendered PDFs', ok: hasCjkFont(), hint: 'apt-get install fonts-noto-cjk' },
  { what: `chromium (${CHROMIUM}), for the browser tests`, ok: existsSync(CHROMIUM), hint: 'apt-get install chromium (or set CHROMIUM_PATH)' },
];

const missing = checks.filter((check) => !check.ok);
if (missing.length) {
  console.error('Missing prerequisites for the tests:');
  for (const check of missing) console.error(`  - ${check.what}: ${check.hint}`);
  console.error('On Debian, `.ci/run` installs all of them.');
  process.exit(1);
}
