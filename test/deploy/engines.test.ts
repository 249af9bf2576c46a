import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// One Node.js story: package.json's "engines", every locked dependency's own "engines", the Node.js that
// scripts/node-env.sh pins (and .ci/run and the npm scripts use) and the Dockerfile's image must agree, or
// `npm ci` prints EBADENGINE and the image runs a Node the project never claimed.

const root = path.join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

const packageJson = z
  .object({ engines: z.object({ node: z.string() }), scripts: z.record(z.string(), z.string()), devDependencies: z.record(z.string(), z.string()) })
  .parse(JSON.parse(read('package.json')));
const lock = z
  .object({ packages: z.record(z.string(), z.object({ version: z.string().optional(), engines: z.unknown().optional() })) })
  .parse(JSON.parse(read('package-lock.json')));
const nodeEnv = read('scripts/node-env.sh');
const pinned = /^NODE_VERSION=(\d+\.\d+\.\d+)$/m.exec(nodeEnv)?.[1];
const pinnedMinimum = /^NODE_MINIMUM=(\d+\.\d+)$/m.exec(nodeEnv)?.[1];
const declared = packageJson.engines.node;
const minimum = semver.minVersion(declared)?.version;

/** Every locked package's engines.node range (an "engines" that is no object, or has no node, says nothing). */
function lockedNodeRanges(): { name: string; range: string }[] {
  return Object.entries(lock.packages).flatMap(([name, entry]) => {
    const node = (entry.engines as { node?: unknown } | undefined)?.node;
    return typeof node === 'string' ? [{ name: name ? `${name.replace(/^.*node_modules\//, '')}@${entry.version}` : 'the lockfile\'s own root', range: node }] : [];
  });
}

describe('the Node.js the project declares, pins and ships', () => {
  it('declares a range with a minimum, and the lockfile has ranges to compare', () => {
    expect(minimum, declared).toBeDefined();
    expect(lockedNodeRanges().length).toBeGreaterThan(100);
  });

  it.each([
    ['the declared minimum', minimum],
    ['the pinned runtime', pinned],
  ])('every locked package admits %s (%s)', (_what, version) => {
    const refusing = lockedNodeRanges().filter(({ range }) => !semver.satisfies(version!, range));
    expect(refusing.map(({ name, range }) => `${name} wants ${range}`)).toEqual([]);
  });

  it('pins a Node.js that the declared range admits, with the same minimum as the declaration', () => {
    expect(pinned).toBeDefined();
    expect(semver.satisfies(pinned!, declared)).toBe(true);
    expect(pinnedMinimum && semver.coerce(pinnedMinimum)?.version).toBe(minimum);
  });

  it("ships the pinned Node.js's major in every Dockerfile stage, and types for it", () => {
    const images = [...read('Dockerfile').matchAll(/^FROM\s+(\S+)/gm)].map((match) => match[1]!);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toMatch(new RegExp(`^node:${semver.major(pinned!)}(\\.|-|$)`));
    expect(semver.minVersion(packageJson.devDependencies['@types/node']!)?.major).toBe(semver.major(pinned!));
  });

  it('runs `npm ci` in CI, and `npm start` and `npm test` everywhere, on that Node.js', () => {
    const ci = read('.ci/run').split('\n');
    const sourced = ci.findIndex((line) => /^\.\s+scripts\/node-env\.sh\b/.test(line.trim()));
    const npmCi = ci.findIndex((line) => /^npm ci\b/.test(line.trim()));
    expect(sourced).toBeGreaterThanOrEqual(0);
    expect(npmCi).toBeGreaterThan(sourced);
    expect(packageJson.scripts.start).toMatch(/^sh scripts\/node\.sh /);
    expect(packageJson.scripts.test).toMatch(/^sh scripts\/node\.sh /);
  });
});
