import '@fastify/multipart';
import { createTwoFilesPatch } from 'diff';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Pool } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine-api.js';
import { findUnstorableText, unstorableTextMessages } from '../../../domain/storable-text.js';
import { lintModel } from '../../../modeling/lint-model.js';
import { keyOf } from '../../../modeling/model-key.js';
import { kindOfFileName, modelKinds } from '../../../modeling/problem.js';
import { findVersion, latestVersionsOfKind, listModels, listVersions } from '../../../store/model-version-repository.js';
import { listReleases } from '../../../store/release-repository.js';
import { AppError } from '../errors.js';
import { accountOf } from '../plugins/authentication.js';
import { callSets, moveCallSet } from '../studio/call-sets.js';
import { deployVersion } from '../studio/deploy-version.js';
import { loadElementTemplates } from '../studio/element-templates.js';
import { exportedFile } from '../studio/model-files.js';
import { importKey, KEY_PATTERN } from '../studio/model-content.js';
import { requiredDecisionIds, saveVersion } from '../studio/save-version.js';

// The low-code studio's API (administrators only): model versions, checks, releases, call sets, files, templates.

const access = ['administrator'] as const;
const kind = z.enum(modelKinds);
const key = z.string().regex(KEY_PATTERN, '须为模型标识');
const id = z.string().regex(/^[1-9][0-9]{0,17}$/, '须为编号');
const comment = z.string().trim().min(1, '请填写说明').max(500, '说明不能超过500个字');
// A model file; the body limit (1 MB) bounds it first.
const content = z.string().min(1, '内容为空');

const problem = z.object({ rule: z.string(), elementId: z.string(), message: z.string(), category: z.enum(['error', 'warn']) });
const saved = z.object({ id: z.string(), version: z.number(), problems: z.array(problem) });
const versionView = z.object({ id: z.string(), kind, key: z.string(), version: z.number(), content: z.string(), comment: z.string(), author: z.string(), createdAt: z.date(), source: z.string() });
const releaseView = z.object({
  id: z.string(),
  processKey: z.string(),
  processDefinitionId: z.string(),
  processDefinitionVersion: z.number(),
  members: z.array(z.object({ kind, key: z.string(), version: z.number(), versionId: z.string() })),
  deployedAt: z.date(),
  deployedBy: z.string(),
  comment: z.string(),
  runningInstances: z.number(),
});

/** The studio's routes; every one is for administrators and audited where it changes anything. */
export const studioRoutes: FastifyPluginAsyncZod<{ db: Pool; engine: EngineApi }> = async (app, deps) => {
  const { db } = deps;
  const versionOr404 = async (versionId: string) => (await findVersion(db, versionId)) ?? Promise.reject(new AppError('NOT_FOUND', '没有这个版本。'));
  const actor = (request: Parameters<typeof accountOf>[0]) => {
    const account = accountOf(request);
    return { id: account.id, username: account.username };
  };

  app.get('/api/studio/models', {
    config: { access },
    schema: {
      tags: ['studio'],
      summary: 'Every process, form and decision with its latest and its deployed version',
      response: { 200: z.array(z.object({ kind, key: z.string(), name: z.string(), latestVersion: z.number(), latestVersionId: z.string(), deployedVersion: z.number().nullable(), fileName: z.string() })) },
    },
  }, async () => (await listModels(db)).map((model) => ({ ...model, name: model.name ?? model.key })));

  app.get('/api/studio/forms', {
    config: { access },
    schema: { tags: ['studio'], summary: 'The forms a user task or start event may link', response: { 200: z.array(z.object({ key: z.string(), name: z.string(), latestVersion: z.number() })) } },
  }, async () => (await latestVersionsOfKind(db, 'form')).map((v) => ({ key: v.key, name: v.name ?? v.key, latestVersion: v.version })));

  app.get('/api/studio/models/:kind/:key/versions', {
    config: { access },
    schema: {
      tags: ['studio'],
      summary: 'Every version of a model, newest first, with the releases that deployed it',
      params: z.object({ kind, key }),
      response: {
        200: z.array(z.object({
          id: z.string(), version: z.number(), author: z.string(), authorName: z.string(), createdAt: z.date(), comment: z.string(), source: z.string(), sha256: z.string(),
          releases: z.array(z.object({ id: z.string(), deployedAt: z.date(), processDefinitionId: z.string() })),
        })),
      },
    },
  }, async (request) => listVersions(db, request.params.kind, request.params.key));

  app.post('/api/studio/models/:kind/:key/versions', {
    config: { access },
    schema: {
      tags: ['studio'],
      summary: 'Save a new version (kept even with lint problems; refused when it does not parse or names another key)',
      params: z.object({ kind, key }),
      body: z.object({ content, comment, basedOn: id.optional() }),
      response: { 201: saved },
    },
  }, async (request, reply) => {
    const { version, problems } = await saveVersion(db, actor(request), { ...request.params, ...request.body, source: 'studio' });
    return reply.status(201).send({ id: version.id, version: version.version, problems });
  });

  app.get('/api/studio/versions/:versionId', {
    config: { access },
    schema: { tags: ['studio'], summary: 'One version with its content', params: z.object({ versionId: id }), response: { 200: versionView } },
  }, async (request) => versionOr404(request.params.versionId));

  app.post('/api/studio/versions/:versionId/restore', {
    config: { access },
    schema: { tags: ['studio'], summary: 'Save an old version’s content as the newest version', params: z.object({ versionId: id }), body: z.object({ comment }), response: { 201: saved } },
  }, async (request, reply) => {
    const old = await versionOr404(request.params.versionId);
    const { version, problems } = await saveVersion(db, actor(request), { kind: old.kind, key: old.key, content: old.content, comment: request.body.comment, source: 'restore', basedOn: old.id });
    return reply.status(201).send({ id: version.id, version: version.version, problems });
  });

  app.get('/api/studio/versions/:versionId/diff/:otherId', {
    config: { access },
    schema: { tags: ['studio'], summary: 'A textual unified diff from one version to another', params: z.object({ versionId: id, otherId: id }), response: { 200: z.object({ unified: z.string() }) } },
  }, async (request) => {
    const [from, to] = await Promise.all([versionOr404(request.params.versionId), versionOr404(request.params.otherId)]);
    return { unified: createTwoFilesPatch(`${from.fileName}（第 ${from.version} 版）`, `${to.fileName}（第 ${to.version} 版）`, from.content, to.content) };
  });

  app.get('/api/studio/versions/:versionId/file', {
    config: { access },
    schema: { tags: ['studio'], summary: 'The version as a file the desktop Camunda Modeler opens', params: z.object({ versionId: id }) },
  }, async (request, reply) => {
    const file = exportedFile(await versionOr404(request.params.versionId));
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  });

  app.post('/api/studio/lint', {
    config: { access },
    schema: { tags: ['studio'], summary: 'The editor’s checks, run on the server', body: z.object({ kind, content }), response: { 200: z.object({ problems: z.array(problem) }) } },
  }, async (request) => {
    const { kind: modelKind, content: text } = request.body;
    const modelKey = modelKind === 'decision' ? keyOf('decision', text) : undefined;
    return { problems: await lintModel(modelKind, text, { requiredDecisionIds: modelKey ? await requiredDecisionIds(db, modelKind, modelKey) : [] }) };
  });

  app.post('/api/studio/versions/:versionId/deploy', {
    config: { access },
    schema: {
      tags: ['studio'],
      summary: 'Deploy a process version with the forms and decisions it references (latest saved, or the members named); refused with 422 on a lint error',
      params: z.object({ versionId: id }),
      body: z.object({ comment, members: z.array(id).max(100).optional() }),
      response: { 201: z.object({ releaseId: z.string(), processDefinitionId: z.string(), processDefinitionVersion: z.number() }) },
    },
  }, async (request, reply) => {
    const release = await deployVersion(deps, accountOf(request), request.params.versionId, { comment: request.body.comment, memberIds: request.body.members });
    return reply.status(201).send({ releaseId: release.id, processDefinitionId: release.processDefinitionId, processDefinitionVersion: release.processDefinitionVersion });
  });

  app.get('/api/studio/releases', {
    config: { access },
    schema: { tags: ['studio'], summary: 'Releases, newest first, with the instances still running on each', querystring: z.object({ processKey: key.optional() }), response: { 200: z.array(releaseView) } },
  }, async (request) => {
    const [releases, running] = await Promise.all([listReleases(db, request.query.processKey), deps.engine.runningInstancesByDefinition()]);
    return releases.map(({ members, processVersionId: _process, deploymentId: _deployment, ...release }) => ({
      ...release,
      members: members.map(({ source: _source, ...member }) => member),
      runningInstances: running.get(release.processDefinitionId) ?? 0,
    }));
  });

  app.get('/api/studio/calls', {
    config: { access },
    schema: {
      tags: ['studio'],
      summary: 'Every call with the release of each process its new instances start on (null: the latest release)',
      response: { 200: z.array(z.object({ callId: z.string(), name: z.string(), year: z.number(), releases: z.array(z.object({ processKey: z.string(), releaseId: z.string().nullable(), processDefinitionVersion: z.number().nullable() })) })) },
    },
  }, async () => callSets(db));

  app.put('/api/studio/calls/:callId/releases/:processKey', {
    config: { access },
    schema: {
      tags: ['studio'],
      summary: 'Move a call’s set: its new instances of the process start on this release',
      params: z.object({ callId: z.string().max(40), processKey: key }),
      body: z.object({ releaseId: id, comment }),
      response: { 204: z.null() },
    },
  }, async (request, reply) => {
    await moveCallSet(db, accountOf(request).username, { ...request.params, ...request.body });
    return reply.status(204).send(null);
  });

  app.post('/api/studio/import', {
    config: { access },
    schema: { tags: ['studio'], summary: 'Import a .bpmn, .dmn or .form file as a new version (multipart: file, comment)', response: { 201: saved.extend({ kind, key: z.string() }) } },
  }, async (request, reply) => {
    const part = await request.file({ limits: { files: 1, fieldSize: 4096 } });
    if (!part) throw new AppError('VALIDATION_FAILED', '请选择要导入的文件。', [{ path: 'file', message: '缺少文件' }]);
    const text = (await part.toBuffer()).toString('utf8').replace(/^\uFEFF/, '');
    const fileKind = kindOfFileName(part.filename);
    if (!fileKind) throw new AppError('VALIDATION_FAILED', '只能导入 .bpmn、.dmn 或 .form 文件。', [{ path: 'file', message: '文件类型不支持' }]);
    const note = comment.safeParse(fieldValue(part.fields.comment) ?? '');
    if (!note.success) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'comment', message: note.error.issues[0]!.message }]);
    // A multipart upload is not a JSON body: the shared check (plugins/storable-text.ts) does not see it.
    const unstorable = findUnstorableText({ file: text, comment: note.data }, '');
    if (unstorable.length) throw new AppError('VALIDATION_FAILED', undefined, unstorable.map(({ path, reason }) => ({ path, message: unstorableTextMessages[reason] })));
    const existing = fileKind === 'decision' ? new Set((await latestVersionsOfKind(db, 'decision')).map((v) => v.key)) : new Set<string>();
    const modelKey = importKey(fileKind, text, existing);
    const { version, problems } = await saveVersion(db, actor(request), { kind: fileKind, key: modelKey, content: text, comment: note.data, source: 'import' });
    return reply.status(201).send({ kind: fileKind, key: version.key, id: version.id, version: version.version, problems });
  });

  app.get('/api/studio/element-templates', {
    config: { access },
    schema: { tags: ['studio'], summary: 'The Camunda 7 element templates of this project’s workers, one per topic', response: { 200: z.array(z.record(z.string(), z.unknown())) } },
  }, async () => loadElementTemplates());
};

// helpers

function fieldValue(field: unknown): string | undefined {
  const value = (Array.isArray(field) ? field[0] : field) as { type?: string; value?: unknown } | undefined;
  return value?.type === 'field' && typeof value.value === 'string' ? value.value : undefined;
}
