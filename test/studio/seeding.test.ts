import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listVersions } from '../../store/model-version-repository.js';
import { listReleases } from '../../store/release-repository.js';
import { seedShippedModels } from '../../web/server/studio/seed-shipped-models.js';
import { openTestCall } from '../support/declaration.js';
import { testEngine } from '../support/engine.js';
import { saveOverApi, studioAdministrator } from '../support/studio.js';
import { testApp } from '../support/web.js';
import { smallForm, smallProcess, testKey } from './fixtures.js';

// The shipped files seed the first versions; a developer's update is deployed on restart while only shipped
// versions were ever released; once an administrator deployed a studio version, a restart keeps it deployed.

describe('seeding the shipped models at start', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let headers: Record<string, string>;
  let dirs: { processesDir: string; formsDir: string };
  const { api } = testEngine();
  const key = testKey('seeded');
  const formId = testKey('seeded-form');
  const process = (taskName: string) => smallProcess(key, { taskName, taskAttributes: `camunda:formRef="${formId}" camunda:formRefBinding="deployment"` });
  const ship = async (files: { process?: string; form?: string }) => {
    if (files.process) await writeFile(path.join(dirs.processesDir, `${key}.bpmn`), files.process);
    if (files.form) await writeFile(path.join(dirs.formsDir, `${formId}.form`), files.form);
  };
  const seed = async () => (await seedShippedModels({ db: web.db, engine: api }, dirs)).find((o) => o.processKey === key)!;
  const versions = async (kind: 'process' | 'form', modelKey: string) => (await listVersions(web.db, kind, modelKey)).map((v) => `${v.version}:${v.source}`);

  beforeAll(async () => {
    web = await testApp();
    headers = await studioAdministrator(web.app, web.db);
    const root = await mkdtemp(path.join(os.tmpdir(), 'iiot-seed-'));
    dirs = { processesDir: root, formsDir: root };
  });
  afterAll(() => web.close());

  it('stores, deploys, follows a developer’s update, and never deploys over a studio release', async () => {
    // given: a shipped process and its form
    await ship({ process: process('审核'), form: smallForm(formId) });

    // when: the first start seeds them
    const first = await seed();

    // then: version 1 of each, released together
    expect(first.release).toBeDefined();
    expect(await versions('process', key)).toEqual(['1:shipped']);
    expect(await versions('form', formId)).toEqual(['1:shipped']);
    expect(first.release!.members.map((m) => `${m.kind}:${m.key}:${m.version}`).sort()).toEqual([`form:${formId}:1`, `process:${key}:1`]);

    // when: restarted with nothing changed
    expect(await seed()).toEqual({ processKey: key, kept: 'unchanged' });
    expect(await versions('process', key)).toEqual(['1:shipped']);

    // given: a call made now, on the first release; when: a developer changes the shipped form and restarts
    const call = await openTestCall(web.db);
    await ship({ form: smallForm(formId, [{ id: 'Field_note', type: 'textarea', key: 'note', label: '备注（新）' }]) });
    const update = await seed();

    // then: the form's version 2 is stored and released with the process, and the call follows
    expect(await versions('form', formId)).toEqual(['2:shipped', '1:shipped']);
    expect(update.release!.processDefinitionVersion).toBe(2);
    const pinned = (await web.db.query('SELECT release_id::text FROM call_release WHERE call_id = $1 AND process_key = $2', [call.id, key])).rows[0];
    expect(pinned).toEqual({ release_id: update.release!.id });
    const followed = (await web.db.query("SELECT actor, detail FROM audit_log WHERE action = 'studio.call-set.moved' AND subject = $1", [`call:${call.id}`])).rows;
    expect(followed).toEqual([{ actor: 'shipped', detail: expect.objectContaining({ from: first.release!.id, to: update.release!.id }) }]);

    // when: an administrator saves and deploys a studio version of the process
    const studio = await saveOverApi(web.app, headers, 'process', key, process('工作室审核'), '工作室修改');
    expect(studio.statusCode, studio.body).toBe(201);
    const deployed = await web.app.inject({ method: 'POST', url: `/api/studio/versions/${studio.json().id}/deploy`, headers, payload: { comment: '管理员部署' } });
    expect(deployed.statusCode, deployed.body).toBe(201);

    // and then a developer changes the shipped process, and the system restarts (twice)
    await ship({ process: process('开发者审核') });
    const afterStudio = await seed();
    await seed();

    // then: the shipped change is kept as a version an administrator may deploy, and the studio release stays
    expect(afterStudio).toEqual({ processKey: key, kept: 'studio-deployed' });
    expect(await versions('process', key)).toEqual(['3:shipped', '2:studio', '1:shipped']);
    const latest = (await listReleases(web.db, key))[0]!;
    expect(latest.id).toBe(deployed.json().releaseId);
    expect(latest.processVersionId).toBe(studio.json().id);
    expect((await api.latestProcessDefinition(key)).id).toBe(deployed.json().processDefinitionId);
  });
});
