import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../../platform/config.js';
import { ENGINE_DIR, ENGINE_JAR_BUILD_OUTPUT } from '../../dev-stack/engine-build.js';
import { importClosure } from '../architecture/import-rules-checker.js';

const run = promisify(execFile);
const secrets = { POSTGRES_PASSWORD: 'pg-secret-123456', ENGINE_REST_PASSWORD: 'rest-secret-123456', ENGINE_ADMIN_PASSWORD: 'admin-secret-123456', SMTP_URL: 'smtp://relay.example:587' };

async function composeConfig(env: Record<string, string>) {
  return run('docker-compose', ['-f', path.join(projectRoot, 'docker-compose.yml'), 'config'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, ...env },
  });
}

describe('docker-compose.yml', () => {
  it('is valid, publishes only the web server, and scales the workers', async () => {
    const { stdout } = await composeConfig(secrets);
    const config = parse(stdout) as { services: Record<string, { ports?: unknown[]; expose?: unknown[]; deploy?: { replicas?: number } }> };
    expect(Object.keys(config.services).sort()).toEqual(['engine', 'mailer', 'postgres', 'web', 'workers']);
    expect(config.services.engine?.ports).toBeUndefined();
    expect(config.services.postgres?.ports).toBeUndefined();
    expect(config.services.web?.ports).toHaveLength(1);
    expect(config.services.workers?.deploy?.replicas).toBeGreaterThanOrEqual(2);
  });

  it('refuses to run without its secrets, naming the missing one', async () => {
    const error = await composeConfig({}).catch((e: { stderr: string }) => e);
    expect((error as { stderr: string }).stderr).toContain('set POSTGRES_PASSWORD');
  });

  it('builds the engine image from the very path the engine build writes', async () => {
    const pom = await readFile(path.join(ENGINE_DIR, 'pom.xml'), 'utf8');
    const finalName = /<finalName>([^<]+)<\/finalName>/.exec(pom)?.[1];
    expect(`target/${finalName}.jar`).toBe(ENGINE_JAR_BUILD_OUTPUT);
    const dockerfile = await readFile(path.join(ENGINE_DIR, 'Dockerfile'), 'utf8');
    const copied = /^COPY\s+(\S+)\s+/m.exec(dockerfile)?.[1];
    expect(copied).toBe(ENGINE_JAR_BUILD_OUTPUT);
  });

  it('copies into the application image every file its three commands load', async () => {
    // given: the folders the final stage of the Dockerfile copies, and the commands docker-compose.yml runs
    const dockerfile = await readFile(path.join(projectRoot, 'Dockerfile'), 'utf8');
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const copied = [...finalStage.matchAll(/^COPY\s+(?!--from)(\S+)\s+\.\/(\S+)$/gm)].map((match) => `${match[2]}/`);
    const entries = ['web/server/main.ts', 'workers/main.ts', 'workers/outbox/main.ts'];

    // when
    const loaded = importClosure(projectRoot, entries);

    // then
    expect(loaded.length).toBeGreaterThan(50);
    expect(loaded.filter((file) => !copied.some((folder) => file.startsWith(folder)))).toEqual([]);
  });
});
