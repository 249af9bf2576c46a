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

  it('turns each call stored before it into a valid call: today’s labels, one template row per direction, the cap where the call has it, the notice texts', async () => {
    // given: a database migrated up to 017 holding a call whose directions are bare codes
    const { schema, pool, drop } = await freshSchema();
    cleanups.push(drop);
    const all = await readMigrations(MIGRATIONS_DIR);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'iiot-migrations-'));
    for (const migration of all.filter((m) => m.id < 18)) await copyFile(path.join(MIGRATIONS_DIR, migration.name), path.join(dir, migration.name));
    await migrate(pool, dir, schema);
    const insertOld = (id: string, codes: string[], table: Record<string, string>) => pool.query(
      `INSERT INTO call (id, year, title, guide, opens_at, enterprise_deadline, city_deadline, directions, direction_templates, contacts, downloads)
       VALUES ($1, 2021, '2021', '', '2021-11-29', '2021-12-15', '2021-12-20', $2, $3, '[]', '[]')`,
      [id, JSON.stringify(codes), JSON.stringify(table)],
    );
    // the 2021 call as seeded; a call with two directions whose table overrode one row and listed others it lacks;
    // a call with the city platform but not the industry platform it is a sub-type of
    await insertOld('old', directions.map((d) => d.code), defaultDirectionTemplates);
    await insertOld('subset', ['green-manufacturing', 'industry-platform'], { 'green-manufacturing': 'industry-platform', 'safety-production': 'mode-application' });
    await insertOld('orphan', ['city-platform', 'safety-production'], {});
    // when: 018 runs, and the migrations after it (so the call reads through today's repository)
    for (const migration of all.filter((m) => m.id >= 18)) await copyFile(path.join(MIGRATIONS_DIR, migration.name), path.join(dir, migration.name));
    await migrate(pool, dir, schema);
    // then: each reads as a valid call, with the labels, table and cap the code gave it before
    const old = (await findCall(pool, 'old'))!;
    expect(old.directions).toEqual(directions);
    expect(old.directionTemplates).toEqual(defaultDirectionTemplates);
    expect(old.directionCappedAtOnePerUnit).toBe('city-platform');
    expect(old.noticeTexts).toEqual(defaultNoticeTexts);
    expect(await findCall(pool, 'subset')).toMatchObject({
      directions: [{ code: 'green-manufacturing', label: '绿色制造' }, { code: 'industry-platform', label: '行业（区域）级工业互联网平台' }],
      directionTemplates: { 'green-manufacturing': 'industry-platform', 'industry-platform': 'industry-platform' },
      directionCappedAtOnePerUnit: null,
    });
    const orphan = (await findCall(pool, 'orphan'))!;
    expect(orphan.directions).toEqual([{ code: 'city-platform', label: '市级工业互联网综合平台' }, { code: 'safety-production', label: '安全生产' }]);
    expect(orphan.directionTemplates).toEqual({ 'city-platform': 'industry-platform', 'safety-production': 'mode-application' });
    expect(orphan.directionCappedAtOnePerUnit).toBe('city-platform');
  });
});
