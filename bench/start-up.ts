// Start-up benchmark: a first start (fresh data folder, empty engine cache: Maven builds the jar, the engine
// creates its schema), a warm start on the same folders, and the raw engine jar alone for comparison.
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../platform/config.js';
import { findFreePort } from '../platform/ports.js';
import { residentMemory } from './process-tree.js';

export interface StartMeasurement {
  label: string;
  seconds: number;
  /** Of those, the demo seeding's own time, as start-up prints it (undefined when it seeded nothing). */
  demoSeconds?: number;
  memory: { name: string; mib: number }[];
}

async function measureStart(label: string, env: Record<string, string>): Promise<StartMeasurement> {
  const began = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Ready in')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`start exited (${code}) before it was ready:\n${output}`)));
  });
  const seconds = (performance.now() - began) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // let the engine settle before reading memory
  const memory = residentMemory(child.pid!);
  child.kill('SIGINT');
  await exited;
  const demo = /Demo applications: seeded \d+ in ([\d.]+) s/.exec(output);
  return { label, seconds, demoSeconds: demo ? Number(demo[1]) : undefined, memory };
}

/** Runs the first and the warm start on fresh folders and returns both measurements. */
export async function benchmarkStartUp(): Promise<StartMeasurement[]> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'iiot-bench-start-'));
  await chmod(root, 0o755);
  try {
    const env = {
      DATA_DIR: path.join(root, 'data'),
      ENGINE_CACHE_DIR: path.join(root, 'engine-cache'),
      WEB_PORT: String(await findFreePort()),
      ENGINE_PORT: String(await findFreePort()),
      EMBEDDED_PG_PORT: String(await findFreePort()),
    };
    const first = await measureStart('first start (Maven build, new database)', env);
    const warm = await measureStart('warm start (cached jar, existing database)', env);
    return [first, warm];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Prints the start-up table. */
export function printStartUp(rows: StartMeasurement[]): void {
  console.log('\nStart-up of `npm start` (until "Ready"), and resident memory of the whole system once ready');
  console.log(`(${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} when printed)`);
  console.log('| start | seconds | of which demo seeding | memory MiB | of which |');
  console.log('|---|---:|---:|---:|---|');
  for (const row of rows) {
    const byName = new Map<string, number>();
    for (const { name, mib } of row.memory) byName.set(name, (byName.get(name) ?? 0) + mib);
    const total = [...byName.values()].reduce((a, b) => a + b, 0);
    const parts = [...byName].sort((a, b) => b[1] - a[1]).map(([name, mib]) => `${name} ${mib.toFixed(0)}`).join(', ');
    const demo = row.demoSeconds === undefined ? '—' : row.demoSeconds.toFixed(1);
    console.log(`| ${row.label} | ${row.seconds.toFixed(1)} | ${demo} | ${total.toFixed(0)} | ${parts} |`);
  }
}
