import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listVersions } from '../../store/model-version-repository.js';
import { listReleases } from '../../store/release-repository.js';
import { seedShippedModels } from '../../web/server/studio/seed-shipped-models.js';
import { testEngine } from '../support/engine.js';
import { testApp } from '../support/web.js';
import { smallForm, smallProcess, testKey } from './fixtures.js';

// A model that once shipped and no longer does (an early demonstration process, in a developer's .data from an earlier
// start): its stored versions and release stay as history, the start does not fail, and nothing is deployed for it.

describe('seeding after a shipped model was removed', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let dirs: { processesDir: string; formsDir: string };
  const { api } = testEngine();
  const key = testKey('removed');
  const formId = testKey('removed-form');

  beforeAll(async () => {
    web = await testApp();
    const root = await mkdtemp(path.join(os.tmpdir(), 'iiot-seed-removed-'));
    dirs = { processesDir: root, formsDir: root };
  });
  afterAll(() => web.close());

  it('leaves its versions and release as they are, and seeds the rest', async () => {
    // given: a start that shipped the process and its form
    await writeFile(path.join(dirs.processesDir, `${key}.bpmn`), smallProcess(key, { taskAttributes: `camunda:formRef="${formId}" camunda:formRefBinding="deployment"` }));
    await writeFile(path.join(dirs.formsDir, `${formId}.form`), smallForm(formId));
    const first = (await seedShippedModels({ db: web.db, engine: api }, dirs)).find((o) => o.processKey === key)!;
    expect(first.release).toBeDefined();
    const definition = (await api.latestProcessDefinition(key)).id;

    // when: both files are gone, and the system starts again
    await rm(path.join(dirs.processesDir, `${key}.bpmn`));
    await rm(path.join(dirs.formsDir, `${formId}.form`));
    const again = await seedShippedModels({ db: web.db, engine: api }, dirs);

    // then: no outcome for the key, its history untouched, and the engine still has the definition it deployed
    expect(again.find((o) => o.processKey === key)).toBeUndefined();
    expect((await listVersions(web.db, 'process', key)).map((v) => `${v.version}:${v.source}`)).toEqual(['1:shipped']);
    expect((await listVersions(web.db, 'form', formId)).map((v) => `${v.version}:${v.source}`)).toEqual(['1:shipped']);
    expect((await listReleases(web.db, key)).map((r) => r.id)).toEqual([first.release!.id]);
    expect((await api.latestProcessDefinition(key)).id).toBe(definition);
  });
});
