import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { withTransaction, type Pool } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import { EngineError } from '../../../platform/engine/index.js';
import type { Logger } from '../../../platform/logger.js';
import { bundleProcess, DEPLOYMENT_SOURCE, ModelDeploymentError, type ModelFile } from '../../../platform/model-deployment.js';
import { decisionIdsOf, keyOf, nameOf } from '../../../modeling/model-key.js';
import type { ModelKind } from '../../../modeling/problem.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { contentSha256, findVersionWithContent, insertVersion, type ModelVersion } from '../../../store/model-version-repository.js';
import { callsPinnedTo, listReleases, setCallRelease, type Release } from '../../../store/release-repository.js';
import { AppError } from '../errors.js';
import { deployRelease } from './deploy-release.js';

/** Who shipped versions and releases are by. */
export const SHIPPED = 'shipped';

export interface SeedOutcome {
  processKey: string;
  /** The release made now, if one was. */
  release?: Release;
  /** Why no release was made: unchanged, or kept because the studio deployed this process. */
  kept?: 'unchanged' | 'studio-deployed';
}

interface ShippedFile extends ModelFile {
  kind: ModelKind;
  key: string;
}

/**
 * The shipped files in processes/ and forms/ become versions (source 'shipped') when their content is not stored
 * yet. A shipped process is released (deployed with its forms and decisions) when its key has no release, or when
 * every release of the key so far deployed shipped versions only — a developer's update, which also moves the calls
 * pinned to the previous release. Once an administrator has deployed a studio version of a key, a restart never
 * deploys shipped content over it: the shipped change waits as a version an administrator may deploy.
 * Runs under a lock, so web servers starting together seed once.
 */
export async function seedShippedModels(deps: { db: Pool; engine: EngineApi; logger?: Logger }, dirs: { processesDir: string; formsDir: string }): Promise<SeedOutcome[]> {
  const lock = await deps.db.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', ['iiot.seed-shipped-models']);
    const files = await shippedFiles(dirs);
    const versions = new Map<string, ModelVersion>();
    for (const file of files) versions.set(file.fileName, await storeShippedVersion(deps.db, file));
    const provided = {
      form: new Map(files.filter((f) => f.kind === 'form').map((f) => [f.key, f])),
      decision: new Map(files.filter((f) => f.kind === 'decision').flatMap((f) => decisionIdsOf(f.content).map((id) => [id, f] as const))),
    };
    const outcomes: SeedOutcome[] = [];
    for (const file of files.filter((f) => f.kind === 'process')) {
      const bundle = bundleProcess(file.key, file, provided);
      const members = bundle.files.map((f) => versions.get(f.fileName)!).filter((v) => v.kind !== 'process');
      outcomes.push(await releaseIfShippedOnly(deps, versions.get(file.fileName)!, members));
    }
    return outcomes;
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', ['iiot.seed-shipped-models']).catch(() => undefined);
    lock.release();
  }
}

// helpers

async function releaseIfShippedOnly(deps: { db: Pool; engine: EngineApi; logger?: Logger }, process: ModelVersion, members: ModelVersion[]): Promise<SeedOutcome> {
  const releases = await listReleases(deps.db, process.key);
  const wanted = new Set([process.id, ...members.map((m) => m.id)]);
  const latest = releases[0];
  if (latest && latest.members.length === wanted.size && latest.members.every((m) => wanted.has(m.versionId))) return { processKey: process.key, kept: 'unchanged' };
  if (releases.some((r) => r.members.some((m) => m.source !== 'shipped'))) {
    deps.logger?.info({ processKey: process.key }, 'shipped model changed, but the studio deployed this process: stored as a version, not deployed');
    return { processKey: process.key, kept: 'studio-deployed' };
  }
  let release: Release;
  try {
    release = await deployRelease(deps, { process, members, deployedBy: SHIPPED, comment: '随软件发布', source: DEPLOYMENT_SOURCE });
  } catch (error) {
    if (error instanceof EngineError || error instanceof AppError) {
      const name = process.fileName.replace(/\.bpmn$/, '');
      throw new ModelDeploymentError(`The engine rejected ${name} (${[process, ...members].map((v) => v.fileName).join(', ')}): ${error.message}`);
    }
    throw error;
  }
  if (latest) await moveCallsForward(deps.db, latest, release);
  deps.logger?.info({ processKey: process.key, releaseId: release.id, processDefinitionId: release.processDefinitionId }, 'shipped model deployed');
  return { processKey: process.key, release };
}

// A developer's update replaces the shipped release it follows, for the calls that were on it.
async function moveCallsForward(db: Pool, from: Release, to: Release): Promise<void> {
  for (const { callId } of await callsPinnedTo(db, from.id)) {
    await withTransaction(db, async (client) => {
      await setCallRelease(client, { callId, processKey: to.processKey, releaseId: to.id, setBy: SHIPPED });
      await insertAuditEntry(client, {
        actor: SHIPPED,
        action: 'studio.call-set.moved',
        subject: `call:${callId}`,
        detail: { processKey: to.processKey, from: from.id, to: to.id, processDefinitionId: to.processDefinitionId, comment: '随软件更新' },
      });
    });
  }
}

async function storeShippedVersion(db: Pool, file: ShippedFile): Promise<ModelVersion> {
  const stored = await findVersionWithContent(db, file.kind, file.key, contentSha256(file.content));
  if (stored) return stored;
  return withTransaction(db, async (client) => {
    const version = await insertVersion(client, {
      kind: file.kind, key: file.key, content: file.content, name: nameOf(file.kind, file.content), fileName: file.fileName,
      author: SHIPPED, comment: `随软件发布：${file.fileName}`, source: 'shipped', basedOn: null,
    });
    await insertAuditEntry(client, { actor: SHIPPED, action: 'studio.version.saved', subject: `${file.kind}:${file.key}`, detail: { versionId: version.id, version: version.version, source: 'shipped', sha256: version.sha256 } });
    return version;
  });
}

async function shippedFiles(dirs: { processesDir: string; formsDir: string }): Promise<ShippedFile[]> {
  const read = async (dir: string, extension: string, kind: ModelKind) => {
    const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith(extension)).sort();
    return Promise.all(names.map(async (fileName) => {
      const content = await readFile(path.join(dir, fileName), 'utf8');
      const key = keyOf(kind, content);
      if (!key) throw new ModelDeploymentError(`${fileName} declares no ${kind === 'form' ? 'form id' : kind === 'process' ? 'process id' : 'decision'}`);
      return { kind, key, fileName, content };
    }));
  };
  const files = [...(await read(dirs.formsDir, '.form', 'form')), ...(await read(dirs.processesDir, '.dmn', 'decision')), ...(await read(dirs.processesDir, '.bpmn', 'process'))];
  const seen = new Map<string, string>();
  for (const file of files) {
    const other = seen.get(`${file.kind}:${file.key}`);
    if (other) throw new ModelDeploymentError(`${file.fileName} and ${other} both declare ${file.kind} "${file.key}"`);
    seen.set(`${file.kind}:${file.key}`, file.fileName);
  }
  return files;
}
