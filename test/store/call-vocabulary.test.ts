import { copyFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultNoticeTexts } from '../../domain/applicant-notice.js';
import { call2021 } from '../../domain/call.js';
import { defaultDirectionTemplates, directions } from '../../domain/directions.js';
import { createPool } from '../../platform/database.js';
import { migrate, readMigrations } from '../../platform/migrate.js';
import { findCall, updateCallVocabulary } from '../../store/call-repository.js';
import { MIGRATIONS_DIR } from '../../web/server/server.js';
import { freshSchema, testDatabaseUrl } from '../support/database.js';
import { openTestCall } from '../support/declaration.js';

// A call carries its directions, their templates, the capped direction and the notice texts as data, stored with it.

describe('a call’s vocabulary in the database', () => {
  const db = createPool(testDatabaseUrl());
  afterAll(() => db.end());

  it('is stored and read back with the call', async () => {
    // given: a year with a direction of its own and its own notice title
    const call = await openTestCall(db, new Date(), {
      directions: [...call2021.directions, { code: 'data-element', label: '数据要素应用' }],
      directionTemplates: { ...call2021.directionTemplates, 'data-element': 'mode-application' },
      noticeTexts: { ...call2021.noticeTexts, title: '【{status}】{projectName}' },
    });
    // when
    const found = await findCall(db, call.id);
    // then
    expect(found).toEqual(call);
  });

  it('is replaced as a whole, and a replacement that breaks the call changes nothing', async () => {
    // given
    const call = await openTestCall(db);
    const vocabulary = { directions: call.directions.slice(0, 2), directionTemplates: { 'network-upgrade': 'mode-application' as const, 'identifier-node': 'mode-application' as const }, directionCappedAtOnePerUnit: null, noticeTexts: call.noticeTexts };
    // when
    await updateCallVocabulary(db, call.id, vocabulary);
    // then
    expect(await findCall(db, call.id)).toMatchObject(vocabulary);
    // when: a notice text with a placeholder it does not know
    await expect(updateCallVocabulary(db, call.id, { ...vocabulary, noticeTexts: { ...call.noticeTexts, body: '{projectTitle}' } })).rejects.toThrow(/projectTitle/);
    // then
    expect((await findCall(db, call.id))!.noticeTexts).toEqual(call.noticeTexts);
  });

  it('refuses to store a call whose notice texts use an unknown placeholder', async () => {
    await expect(openTestCall(db, new Date(), { noticeTexts: { ...call2021.noticeTexts, footer: '{sender}' } })).rejects.toThrow(/sender/);
  });
});

describe('migration 018', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('gives a call stored before it today’s labels, capped direction and notice texts', async () => {
    // given: a database migrated up to 017 holding a call whose directions are bare codes
    const { schema, pool, drop } = await freshSchema();
    cleanups.push(drop);
    const all = await readMigrations(MIGRATIONS_DIR);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'iiot-migrations-'));
    for (const migration of all.filter((m) => m.id < 18)) await copyFile(path.join(MIGRATIONS_DIR, migration.name), path.join(dir, migration.name));
    await migrate(pool, dir, schema);
    await pool.query(
      `INSERT INTO call (id, year, title, guide, opens_at, enterprise_deadline, city_deadline, directions, direction_templates, contacts, downloads)
       VALUES ('old', 2021, '2021', '', '2021-11-29', '2021-12-15', '2021-12-20', $1, $2, '[]', '[]')`,
      [JSON.stringify(directions.map((d) => d.code)), JSON.stringify(defaultDirectionTemplates)],
    );
    // when
    const eighteen = all.find((m) => m.id === 18)!;
    await copyFile(path.join(MIGRATIONS_DIR, eighteen.name), path.join(dir, eighteen.name));
    await migrate(pool, dir, schema);
    // then
    const stored = (await findCall(pool, 'old'))!;
    expect(stored.directions).toEqual(directions);
    expect(stored.directionCappedAtOnePerUnit).toBe('city-platform');
    expect(stored.noticeTexts).toEqual(defaultNoticeTexts);
  });
});
