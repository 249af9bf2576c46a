import { spawn } from 'node:child_process';
import { stopChild } from './child-process.js';
import { ENGINE_SCHEMA } from '../platform/database.js';

export interface EngineProcessOptions {
  jarPath: string;
  port: number;
  databaseUrl: string;
  restUser: string;
  restPassword: string;
  adminUser: string;
  adminPassword: string;
  javaOptions?: string;
  log: (line: string) => void;
  readyTimeoutMs?: number;
}

export interface RunningEngine {
  readonly restUrl: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** The environment engine/src/main/resources/application.yaml reads, derived from a postgres:// URL. */
export function engineEnvironment(options: Omit<EngineProcessOptions, 'jarPath' | 'log'>): Record<string, string> {
  const url = new URL(options.databaseUrl);
  const query = new URLSearchParams(url.search);
  query.set('currentSchema', ENGINE_SCHEMA);
  return {
    ENGINE_PORT: String(options.port),
    ENGINE_BIND_ADDRESS: '127.0.0.1',
    ENGINE_DB_URL: `jdbc:postgresql://${url.host}${url.pathname}?${query}`,
    ENGINE_DB_USER: decodeURIComponent(url.username),
    ENGINE_DB_PASSWORD: decodeURIComponent(url.password),
    ENGINE_REST_USER: options.restUser,
    ENGINE_REST_PASSWORD: options.restPassword,
    ENGINE_ADMIN_USER: options.adminUser,
    ENGINE_ADMIN_PASSWORD: options.adminPassword,
  };
}

/** Starts the engine jar and resolves once its REST API answers the service account. */
export async function startEngineProcess(options: EngineProcessOptions): Promise<RunningEngine> {
  const restUrl = `http://127.0.0.1:${options.port}/engine-rest`;
  const javaArgs = (options.javaOptions ?? '-Xmx1g').split(/\s+/).filter(Boolean);
  const child = spawn('java', [...javaArgs, '-jar', options.jarPath], {
    env: { ...process.env, ...engineEnvironment(options) },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own: a terminal's Ctrl-C reaches only `npm start`, which stops the parts in order.
    detached: true,
  });
  const recent: string[] = [];
  const onOutput = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      // Keep what explains a failed start for the error message; stack frames only bury it.
      if (!/^\s+at |^\s*\.\.\. \d+ more/.test(line)) recent.push(line);
      if (recent.length > 40) recent.shift();
      options.log(line);
    }
  };
  child.stdout!.on('data', onOutput);
  child.stderr!.on('data', onOutput);
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`Cannot run java: ${error.message}. Install JDK 17+.`)));
    child.once('exit', (code) => reject(new Error(`The engine exited with code ${code} while starting:\n${recent.join('\n')}`)));
  });
  exited.catch(() => undefined);
  const auth = `Basic ${Buffer.from(`${options.restUser}:${options.restPassword}`).toString('base64')}`;
  try {
    await Promise.race([exited, waitForRest(restUrl, auth, options.readyTimeoutMs ?? 300_000)]);
  } catch (error) {
    await stopChild(child, 'SIGTERM');
    throw error;
  }
  return { restUrl, pid: child.pid!, stop: () => stopChild(child, 'SIGTERM') }; // Spring shuts down gracefully on SIGTERM
}

async function waitForRest(restUrl: string, authorization: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${restUrl}/version`, { headers: { authorization }, signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The engine did not answer at ${restUrl} within ${Math.round(timeoutMs / 1000)} s`);
}
