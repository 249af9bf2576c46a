import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { ensureSchemas } from '../platform/database.js';
import { ensureEngineJar } from './engine-build.js';
import { startEngineProcess } from './engine-process.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { assertPortFree } from '../platform/ports.js';
import { stopStack } from './stop-stack.js';

export interface LocalStackOptions {
  /** Use this server instead of starting the embedded one. */
  databaseUrl?: string;
  embeddedPostgres: { dataDir: string; port: number; password: string };
  engine: { port: number; restUser: string; restPassword: string; adminUser: string; adminPassword: string; javaOptions: string };
  /** Engine and PostgreSQL output goes to files here. */
  logDir: string;
  log: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

export interface LocalStack {
  databaseUrl: string;
  engineUrl: string;
  /** True when this start ran Maven. */
  engineBuilt: boolean;
  pids: { engine: number; postgres?: number };
  stop(): Promise<void>;
}

const DATABASE_NAME = 'iiot';

/** Starts the database (embedded unless a URL is given) and the engine; on any failure stops what it started. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const stack = stopStack();
  try {
    await mkdir(options.logDir, { recursive: true });
    await assertPortFree(options.engine.port, 'ENGINE_PORT');
    let databaseUrl = options.databaseUrl;
    let postgresPid: number | undefined;
    if (!databaseUrl) {
      await assertPortFree(options.embeddedPostgres.port, 'EMBEDDED_PG_PORT');
      options.log(`Starting the embedded PostgreSQL on port ${options.embeddedPostgres.port} (data: ${options.embeddedPostgres.dataDir}) …`);
      const pgLog = createWriteStream(path.join(options.logDir, 'postgres.log'), { flags: 'a' });
      const postgres = await startEmbeddedPostgres({ ...options.embeddedPostgres, user: 'iiot', onLog: (line) => pgLog.write(`${line}\n`), onNotice: options.log });
      stack.push('postgres', async () => {
        await postgres.stop();
        pgLog.end();
      });
      postgresPid = postgres.pid;
      await createDatabaseIfMissing(postgres.url('postgres'), DATABASE_NAME);
      databaseUrl = postgres.url(DATABASE_NAME);
    }
    await ensureSchemas(databaseUrl);

    const jar = await ensureEngineJar({ log: options.log, env: options.env });
    options.log(`Starting the engine on port ${options.engine.port} (log: ${path.join(options.logDir, 'engine.log')}) …`);
    const engineLog = createWriteStream(path.join(options.logDir, 'engine.log'), { flags: 'a' });
    const engine = await startEngineProcess({ jarPath: jar.path, databaseUrl, ...options.engine, log: (line) => engineLog.write(`${line}\n`) });
    stack.push('engine', async () => {
      await engine.stop();
      engineLog.end();
    });
    return {
      databaseUrl,
      engineUrl: engine.restUrl,
      engineBuilt: jar.built,
      pids: { engine: engine.pid, postgres: postgresPid },
      stop: () => stack.stopAll((name, error) => options.log(`could not stop ${name}: ${String(error)}`)),
    };
  } catch (error) {
    await stack.stopAll();
    throw error;
  }
}

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await client.end();
  }
}
