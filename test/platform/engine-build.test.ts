import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_DIR, engineCacheDir, engineSourceHash } from '../../dev-stack/engine-build.js';

describe('the engine build cache key', () => {
  it('changes when a source file or the pom changes, and only then', async () => {
    // given: a copy of the engine project
    const copy = await mkdtemp(path.join(os.tmpdir(), 'iiot-engine-src-'));
    await cp(path.join(ENGINE_DIR, 'pom.xml'), path.join(copy, 'pom.xml'));
    await cp(path.join(ENGINE_DIR, 'src'), path.join(copy, 'src'), { recursive: true });
    const original = await engineSourceHash(copy);
    // then: the copy hashes like the original, wherever it lies
    expect(original).toBe(await engineSourceHash(ENGINE_DIR));
    // when / then
    await writeFile(path.join(copy, 'src', 'main', 'resources', 'extra.properties'), 'a=1\n');
    const withFile = await engineSourceHash(copy);
    expect(withFile).not.toBe(original);
    await writeFile(path.join(copy, 'pom.xml'), '<project/>');
    expect(await engineSourceHash(copy)).not.toBe(withFile);
  });

  it('lives outside the clone, under the user cache folder unless ENGINE_CACHE_DIR says otherwise', () => {
    expect(engineCacheDir({ HOME: '/home/u' } as NodeJS.ProcessEnv)).toMatch(/\.cache\/hebei-iiot\/engine$/);
    expect(engineCacheDir({ XDG_CACHE_HOME: '/var/cache/u' })).toBe('/var/cache/u/hebei-iiot/engine');
    expect(engineCacheDir({ ENGINE_CACHE_DIR: '/opt/jars' })).toBe('/opt/jars');
  });
});
