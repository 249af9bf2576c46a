import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prerequisitePlan, type Situation } from '../../scripts/prerequisites-plan.js';

// `npm test`'s first step: the decision (pure, table-driven) and the step itself as a child process, told that
// poppler-utils is missing and to print rather than run what it would do, so the machine is left as it is.

const projectRoot = path.join(import.meta.dirname, '..', '..');

describe('prerequisitePlan', () => {
  const cases: { name: string; situation: Situation; plan: ReturnType<typeof prerequisitePlan> }[] = [
    { name: 'nothing missing', situation: { missing: [], root: true, apt: true }, plan: { kind: 'nothing' } },
    {
      name: 'root on Debian installs, in the list order, after one update',
      situation: { missing: ['poppler-utils', 'fonts-noto-cjk'], root: true, apt: true },
      plan: {
        kind: 'install',
        packages: ['fonts-noto-cjk', 'poppler-utils'],
        commands: [['apt-get', 'update'], ['apt-get', 'install', '-y', '--no-install-recommends', 'fonts-noto-cjk', 'poppler-utils']],
      },
    },
    {
      name: 'not root: the one command to run',
      situation: { missing: ['chromium'], root: false, apt: true },
      plan: { kind: 'ask', packages: ['chromium'], command: 'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium' },
    },
    { name: 'no apt-get: named only', situation: { missing: ['maven'], root: true, apt: false }, plan: { kind: 'name', packages: ['maven'] } },
  ];
  it.each(cases)('$name', ({ situation, plan }) => {
    expect(prerequisitePlan(situation)).toEqual(plan);
  });
});

function runStep(env: Record<string, string>, purpose: 'test' | 'start' = 'test'): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // As `npm test` and `npm start` run it: through scripts/node.sh, so it checks on the Node.js the project declares.
  const child = spawn('sh', ['scripts/node.sh', path.join('node_modules', '.bin', 'tsx'), 'scripts/check-prerequisites.ts', purpose], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('the prerequisite step with poppler-utils reported missing', () => {
  it(process.getuid?.() === 0 ? 'as root: updates apt once and installs poppler-utils' : 'not root: prints the one apt-get command and exits 1', async () => {
    // when
    const result = await runStep({ PREREQUISITES_PRETEND_MISSING: 'poppler-utils', PREREQUISITES_DRY_RUN: '1' });

    // then: poppler-utils is among what it installs (with whatever else this machine truly lacks)
    if (process.getuid?.() === 0) {
      expect(result, result.stderr).toMatchObject({ code: 0 });
      const commands = result.stdout.split('\n').filter((line) => line.startsWith('would run: '));
      expect(commands[0]).toBe('would run: apt-get update');
      expect(commands[1]).toMatch(/^would run: apt-get install -y --no-install-recommends ([a-z0-9-]+ )*poppler-utils( [a-z0-9-]+)*$/);
      expect(commands).toHaveLength(2);
    } else {
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^ {2}sudo apt-get update && sudo apt-get install -y --no-install-recommends ([a-z0-9-]+ )*poppler-utils( [a-z0-9-]+)*$/m);
    }
  }, 60_000);

  it('refuses a package name it does not know, naming the variable', async () => {
    const result = await runStep({ PREREQUISITES_PRETEND_MISSING: 'popler-utils', PREREQUISITES_DRY_RUN: '1' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PREREQUISITES_PRETEND_MISSING');
    expect(result.stdout).not.toContain('would run');
  }, 60_000);
});

describe('the prerequisite step of npm start', () => {
  it('installs what the running system needs (the CJK font), never the tests\' tools (chromium, poppler-utils)', async () => {
    // when
    const result = await runStep({ PREREQUISITES_PRETEND_MISSING: 'fonts-noto-cjk,chromium,poppler-utils', PREREQUISITES_DRY_RUN: '1' }, 'start');

    // then
    const output = `${result.stdout}${result.stderr}`;
    expect(output).toMatch(/fonts-noto-cjk/);
    expect(output).not.toMatch(/chromium|poppler-utils/);
    if (process.getuid?.() === 0) {
      expect(result, result.stderr).toMatchObject({ code: 0 });
      expect(result.stdout).toContain('would run: apt-get update');
    } else {
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('then `npm start` again');
    }
  }, 60_000);
});
