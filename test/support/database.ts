import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import '../provided-context.js';

/** The URL of the test database the global setup started. */
export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}

/** A fresh schema of its own for a test that needs a clean database; dropped by the returned cleanup. */
export async function freshSchema(): Promise<{ schema: string; pool: pg.Pool; drop(): Promise<void> }> {
  const schema = `t_${randomBytes(5).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 5, options: `-c search_path=${schema}` });
  return {
    schema,
    pool,
    async drop() {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}
