import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../platform/migrate.js';
import { MIGRATIONS_DIR } from '../../web/server/server.js';
import { freshSchema, testDatabaseUrl } from '../support/database.js';

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'iiot-migrations-'));
  for (const [name, sql] of Object.entries(files)) await writeFile(path.join(dir, name), sql);
  return dir;
}

describe('migrations', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('two runners started together both succeed and apply each migration once', async () => {
    // given: migrations whose second one would fail if it ran twice (unique row) — and would double a count
    const { schema, pool, drop } = await freshSchema();
    cleanups.push(drop);
    const dir = await migrationsDir({
      '001_counter.sql': 'CREATE TABLE counter (id int PRIMARY KEY, note text)',
      '002_first_row.sql': "INSERT INTO counter (id, note) VALUES (1, 'once'); SELECT pg_sleep(0.2)",
      '003_second_row.sql': "INSERT INTO counter (id, note) VALUES (2, 'once')",
    });
    const second = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
    cleanups.push(() => second.end());

    // when
    const [a, b] = await Promise.all([migrate(pool, dir, schema), migrate(second, dir, schema)]);

    // then
    expect([...a, ...b].sort()).toEqual(['001_counter.sql', '002_first_row.sql', '003_second_row.sql']);
    const rows = await pool.query('SELECT id FROM counter ORDER BY id');
    expect(rows.rows).toEqual([{ id: 1 }, { id: 2 }]);
    const recorded = await pool.query('SELECT id, name FROM schema_migration ORDER BY id');
    expect(recorded.rows.map((r) => r.name)).toEqual(['001_counter.sql', '002_first_row.sql', '003_second_row.sql']);
  });

  it('a second run applies nothing', async () => {
    const { schema, pool, drop } = await freshSchema();
    cleanups.push(drop);
    const first = await migrate(pool, MIGRATIONS_DIR, schema);
    expect(first.length).toBeGreaterThan(0);
    expect(await migrate(pool, MIGRATIONS_DIR, schema)).toEqual([]);
  });

  it('a failing migration rolls back whole and is not recorded', async () => {
    // given
    const { schema, pool, drop } = await freshSchema();
    cleanups.push(drop);
    const dir = await migrationsDir({
      '001_ok.sql': 'CREATE TABLE ok (id int)',
      '002_broken.sql': 'CREATE TABLE half (id int); SELECT * FROM no_such_table',
    });
    // when / then
    await expect(migrate(pool, dir, schema)).rejects.toThrow(/no_such_table/);
    const tables = await pool.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', [schema]);
    expect(tables.rows.map((r) => r.table_name)).toEqual(['ok', 'schema_migration']);
    const recorded = await pool.query('SELECT name FROM schema_migration');
    expect(recorded.rows).toEqual([{ name: '001_ok.sql' }]);
  });

  it('refuses a gap in the numbering', async () => {
    const dir = await migrationsDir({ '001_a.sql': 'SELECT 1', '003_c.sql': 'SELECT 1' });
    await expect(readMigrations(dir)).rejects.toThrow('003_c.sql breaks the sequence: expected number 2');
  });
});
