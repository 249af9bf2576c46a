import { copyFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultNoticeTexts } from '../../domain/notice-texts.js';
import { migrate, readMigrations } from '../../platform/migrate.js';
import { findCall } from '../../store/call-repository.js';
import { currentNoticeTexts, noticeTextVersions } from '../../store/notice-text-repository.js';
import { MIGRATIONS_DIR } from '../../web/server/server.js';
import { freshSchema } from '../support/database.js';

// Migration 022 on a database that holds calls and messages from before it: each call keeps its own texts, gains
// the new ones as shipped, starts at version 1, and the notices already sent are marked as worded with version 1.

describe('migration 022', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('fills each call’s missing texts with the shipped ones, makes its version 1, and marks the reminders already sent', async () => {
    // given: a database migrated up to 021 with a call of its own title and a reminder sent to 石家庄
    const { schema, pool, drop } = await freshSchema();
    cleanups.push(drop);
    const all = await readMigrations(MIGRATIONS_DIR);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'iiot-migrations-'));
    for (const migration of all.filter((m) => m.id < 22)) await copyFile(path.join(MIGRATIONS_DIR, migration.name), path.join(dir, migration.name));
    await migrate(pool, dir, schema);
    const { title, body, reason, correctionDue, sealedScansDue, footer } = defaultNoticeTexts;
    const before = { title: '【{status}】{projectName}', body, reason, correctionDue, sealedScansDue, footer };
    await pool.query(
      `INSERT INTO call (id, year, title, guide, opens_at, enterprise_deadline, city_deadline, directions, direction_templates, contacts, downloads, notice_texts)
       VALUES ('old', 2021, '2021', '', '2021-11-29', '2021-12-15', '2021-12-20', $1, $2, '[]', '[]', $3)`,
      [JSON.stringify([{ code: 'green-manufacturing', label: '绿色制造' }]), JSON.stringify({ 'green-manufacturing': 'mode-application' }), JSON.stringify(before)],
    );
    await pool.query("INSERT INTO in_app_message (event_key, unit_id, title, body) VALUES ('batch-reminder:old:130100:2021-12-18', '130100', 't', 'b'), ('other:1', '130100', 't', 'b')");
    // when
    const twentyTwo = all.find((m) => m.id === 22)!;
    await copyFile(path.join(MIGRATIONS_DIR, twentyTwo.name), path.join(dir, twentyTwo.name));
    await migrate(pool, dir, schema);
    // (and the later migrations, which leave the texts alone: today's code reads today's schema)
    await migrate(pool, MIGRATIONS_DIR, schema);
    // then: the call reads with its own title and today's other texts, as version 1
    const expected = { ...defaultNoticeTexts, title: '【{status}】{projectName}' };
    expect((await findCall(pool, 'old'))?.noticeTexts).toEqual(expected);
    expect(await noticeTextVersions(pool, 'old')).toEqual([expect.objectContaining({ version: 1, texts: expected, createdBy: 'system' })]);
    const marked = await pool.query('SELECT event_key, notice_call_id, notice_text_version FROM in_app_message ORDER BY event_key');
    expect(marked.rows).toEqual([
      { event_key: 'batch-reminder:old:130100:2021-12-18', notice_call_id: 'old', notice_text_version: 1 },
      { event_key: 'other:1', notice_call_id: null, notice_text_version: null },
    ]);
    // and a later change of the texts, by whatever path, is version 2
    await pool.query(`UPDATE call SET notice_texts = jsonb_set(notice_texts, '{footer}', '""') WHERE id = 'old'`);
    expect(await currentNoticeTexts(pool, 'old')).toMatchObject({ version: 2, texts: { ...expected, footer: '' }, createdBy: 'system' });
  });
});
