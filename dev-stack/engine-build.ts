import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../platform/config.js';

/** The engine's Maven project. */
export const ENGINE_DIR = path.join(projectRoot, 'engine');
/** Where `mvn package` writes the jar (pom.xml's finalName); engine/Dockerfile copies this very path. */
export const ENGINE_JAR_BUILD_OUTPUT = 'target/engine.jar';

/** A hash of everything that goes into the jar: pom.xml and src/. */
export async function engineSourceHash(engineDir = ENGINE_DIR): Promise<string> {
  const hash = createHash('sha256');
  const files = ['pom.xml', ...(await listFiles(path.join(engineDir, 'src'))).map((f) => path.relative(engineDir, f))].sort();
  for (const file of files) {
    hash.update(file.split(path.sep).join('/')).update('\0').update(await readFile(path.join(engineDir, file))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The folder that keeps built jars between clones, keyed by source hash. */
export function engineCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.ENGINE_CACHE_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'hebei-iiot', 'engine');
}

export interface EngineJar {
  path: string;
  /** True when this call ran Maven; false when the cache had the jar. */
  built: boolean;
}

/**
 * Returns the engine jar for the current sources, building it with Maven only when the cache lacks it.
 * The jar is also placed at engine/target/engine.jar, where the Dockerfile expects it.
 */
export async function ensureEngineJar(options: { log: (line: string) => void; env?: NodeJS.ProcessEnv }): Promise<EngineJar> {
  const env = options.env ?? process.env;
  const cached = path.join(engineCacheDir(env), `engine-${await engineSourceHash()}.jar`);
  const buildOutput = path.join(ENGINE_DIR, ENGINE_JAR_BUILD_OUTPUT);
  let built = false;
  if (!existsSync(cached)) {
    options.log(`Building the engine with Maven (first start only; later starts reuse ${cached}) …`);
    await runMaven(env.MAVEN_CMD ?? 'mvn', ['-B', '-ntp', '-Dstyle.color=never', '-DskipTests', 'package'], options.log);
    await mkdir(path.dirname(cached), { recursive: true });
    const partial = `${cached}.${process.pid}.partial`;
    await copyFile(buildOutput, partial);
    await rename(partial, cached); // atomic: a concurrent start never sees half a jar
    built = true;
  } else if (!(await sameSize(cached, buildOutput))) {
    await mkdir(path.dirname(buildOutput), { recursive: true });
    await copyFile(cached, buildOutput);
  }
  return { path: cached, built };
}

// helpers

function runMaven(command: string, args: string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ENGINE_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach((line) => log(`[maven] ${line}`));
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.once('error', (error) => reject(new Error(`Cannot run Maven (${command}): ${error.message}. Install Maven 3.8+ and JDK 17+.`)));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Maven failed with exit code ${code}; see the [maven] lines above`))));
  });
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat();
}

async function sameSize(a: string, b: string): Promise<boolean> {
  try {
    return (await stat(a)).size === (await stat(b)).size;
  } catch {
    return false;
  }
}
