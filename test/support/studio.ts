import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Pool } from '../../platform/database.js';
import type { EngineApi } from '../../platform/engine/index.js';
import { projectRoot } from '../../platform/config.js';
import { collectModelBundles, type ModelBundle } from '../../platform/model-deployment.js';
import { keyOf, nameOf } from '../../modeling/model-key.js';
import { kindOfFileName } from '../../modeling/problem.js';
import { contentSha256, insertVersion, latestVersion, type ModelVersion } from '../../store/model-version-repository.js';
import { setCallRelease, type Release } from '../../store/release-repository.js';
import { deployRelease } from '../../web/server/studio/deploy-release.js';
import { createTestAccount, signIn } from './web.js';

/**
 * Releases a bundle of model files the way the studio does, for tests that change a shipped model: each file becomes
 * the latest version of its model (unless it already is), the process is deployed with them as one release, and
 * the given calls are moved onto it. Deploying the shipped files again restores the shipped state for later tests.
 */
export async function releaseBundle(db: Pool, engine: EngineApi, bundle: ModelBundle, pinCallIds: readonly string[] = []): Promise<Release> {
  const versions: ModelVersion[] = [];
  for (const file of bundle.files) {
    const kind = kindOfFileName(file.fileName)!;
    const key = keyOf(kind, file.content)!;
    const latest = await latestVersion(db, kind, key);
    versions.push(latest?.sha256 === contentSha256(file.content)
      ? latest
      : await insertVersion(db, { kind, key, content: file.content, name: nameOf(kind, file.content), fileName: latest?.fileName ?? file.fileName, author: 'test', comment: 'test', source: 'studio', basedOn: null }));
  }
  const process = versions.find((v) => v.kind === 'process')!;
  const release = await deployRelease({ db, engine }, { process, members: versions.filter((v) => v !== process), deployedBy: 'test', comment: 'test', source: 'iiot-test' });
  for (const callId of pinCallIds) await setCallRelease(db, { callId, processKey: release.processKey, releaseId: release.id, setBy: 'test' });
  return release;
}

/**
 * Releases a shipped bundle (e.g. `declaration`) with one of its files edited, the calls given moved onto it; with
 * `edit` the identity, the shipped models again.
 */
export async function releaseShippedWith(db: Pool, engine: EngineApi, bundleName: string, fileName: string, edit: (content: string) => string, pinCallIds: readonly string[] = []): Promise<Release> {
  const bundle = (await collectModelBundles(path.join(projectRoot, 'processes'), path.join(projectRoot, 'forms'))).find((b) => b.name === bundleName)!;
  const files = bundle.files.map((f) => (f.fileName === fileName ? { ...f, content: edit(f.content) } : f));
  return releaseBundle(db, engine, { ...bundle, files }, pinCallIds);
}

/** Signs in a new administrator and answers the headers, for the studio's API. */
export async function studioAdministrator(app: FastifyInstance, db: Pool): Promise<Record<string, string>> {
  return signIn(app, await createTestAccount(db, 'administrator'));
}

/** Saves a version over the studio's API; answers the HTTP answer. */
export function saveOverApi(app: FastifyInstance, headers: Record<string, string>, kind: string, key: string, content: string, comment = '测试保存', basedOn?: string) {
  return app.inject({ method: 'POST', url: `/api/studio/models/${kind}/${encodeURIComponent(key)}/versions`, headers, payload: { content, comment, ...(basedOn ? { basedOn } : {}) } });
}

/** Uploads a model file to the studio's import (multipart, as the browser sends it). */
export async function importOverApi(app: FastifyInstance, headers: Record<string, string>, fileName: string, content: string, comment = '测试导入') {
  const form = new FormData();
  form.set('comment', comment);
  form.set('file', new Blob([content]), fileName);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return app.inject({ method: 'POST', url: '/api/studio/import', headers: { ...headers, 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
}
