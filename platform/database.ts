import pg from 'pg';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;
/** Anything that runs a query: the pool itself or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;

/** The schema that holds the application's tables; the engine's tables live in ENGINE_SCHEMA. */
export const APP_SCHEMA = 'app';
/** The schema that holds Camunda's tables, in the same database. */
export const ENGINE_SCHEMA = 'camunda';

/** A pool whose connections resolve unqualified table names in the application schema. */
export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, options: `-c search_path=${APP_SCHEMA}` });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs fn inside one transaction: commit when it resolves, roll back when it throws. */
export async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Creates the application and engine schemas if they are missing (idempotent, safe to race). */
export async function ensureSchemas(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Two processes starting at once would otherwise race on the catalog.
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['iiot.ensure-schemas']);
    for (const schema of [APP_SCHEMA, ENGINE_SCHEMA]) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    }
  } finally {
    await client.end();
  }
}

/** True when the database answers a trivial query. */
export async function isDatabaseReachable(pool: Queryable): Promise<boolean> {
  try {
    await pool.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
