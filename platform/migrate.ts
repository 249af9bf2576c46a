import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { APP_SCHEMA, withTransaction } from './database.js';

const MIGRATION_FILE = /^(\d{3,})_[a-z0-9_]+\.sql$/;
// One lock id for every runner of this project: whoever holds it applies the next migration.
const LOCK_KEY = 'iiot.migrations';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Reads numbered migrations (`001_name.sql`) from a folder, in order; a gap or a duplicate number is an error. */
export async function readMigrations(dir: string): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    const match = MIGRATION_FILE.exec(name);
    if (!match) throw new Error(`Migration file name ${name} does not match NNN_lower_snake.sql`);
    const id = Number(match[1]);
    if (id !== migrations.length + 1) throw new Error(`Migration ${name} breaks the sequence: expected number ${migrations.length + 1}`);
    migrations.push({ id, name, sql: await readFile(path.join(dir, name), 'utf8') });
  }
  return migrations;
}

/**
 * Applies pending migrations, each in its own transaction under an advisory lock, so two runners starting at once
 * both succeed and each migration runs exactly once. Returns the names this runner applied.
 */
export async function migrate(pool: pg.Pool, dir: string, schema = APP_SCHEMA): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await withTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${LOCK_KEY}:${schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(`SET LOCAL search_path TO ${schema}`);
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migration (
        id integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const done = await client.query('SELECT 1 FROM schema_migration WHERE id = $1', [migration.id]);
      if (done.rowCount) return false;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migration (id, name) VALUES ($1, $2)', [migration.id, migration.name]);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}
