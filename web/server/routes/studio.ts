import '@fastify/multipart';
import { createTwoFilesPatch } from 'diff';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import { findUnstorableText, unstorableTextMessages } from '../../../domain/storable-text.js';
import { lintModel } from '../../../modeling/lint-model.js';
import { keyOf } from '../../../modeling/model-key.js';
import { kindOfFileName } from '../../../modeling/problem.js';
import { findVersion, latestVersionsOfKind, listModels, listVersions } from '../../../store/model-version-repository.js';
import { listReleases } from '../../../store/release-repository.js';
import { AppError } from '../errors.js';
import { accountOf } from '../plugins/authentication.js';
import { noContent } from '../schemas/common.js';
import {
  callReleaseList, callSetMove, callSetParams, changeComment, deployed, deployRequest, diffParams, elementTemplates, formSummaries, importedVersion, lintAnswer,
  lintRequest, modelParams, modelSummaries, modelVersion, newVersion, releaseList, releaseQuery, restoreRequest, savedVersion, versionDiff, versionParams,
  versionSummaries,
} from '../schemas/studio.js';
import { multipartText } from './multipart-field.js';
import { callSets, moveCallSet } from '../studio/call-sets.js';
import { deployVersion } from '../studio/deploy-version.js';
import { loadElementTemplates } from '../studio/element-templates.js';
import { exportedFile } from '../studio/model-files.js';
import { importKey } from '../studio/model-content.js';
import { requiredDecisionIds, saveVersion } from '../studio/save-version.js';
import { sharedFieldProblems } from '../studio/shared-fields-lint.js';

// The low-code studio's API (administrators only): model versions, checks, releases, call sets, files, templates.

const access = ['administrator'] as const;

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
      response: { 200: modelSummaries },
    },
  }, async () => (await listModels(db)).map((model) => ({ ...model, name: model.name ?? model.key })));

  app.get('/api/studio/forms', {
    config: { access },
    schema: { tags: ['studio'], summary: 'The forms a user task or start event may link', response: { 200: formSummaries } },
  }, async () => (await latestVersionsOfKind(db, 'form')).map((v) => ({ key: v.key, name: v.name ?? v.key, latestVersion: v.version })));

  app.get('/api/studio/models/:kind/:key/versions', {
    config: { access },
    schema: {
      tags: ['studio'],
      summary: 'Every version of a model, newest first, with the releases that deployed it',
      params: modelParams,
      response: { 200: versionSummaries },
    },
  }, async (request) => listVersions(db, request.params.kind, request.params.key));

  app.post('/api/studio/models/:kind/:key/versions', {
    config: { access },
    schema: {
      tags: ['studio'],
      summary: 'Save a new version (kept even with lint problems; refused when it does not parse or names another key)',
      params: modelParams,
      body: newVersion,
      response: { 201: savedVersion },
    },
  }, async (request, reply) => {
    const { version, problems } = await saveVersion(db, actor(request), { ...request.params, ...request.body, source: 'studio' });
    return reply.status(201).send({ id: version.id, version: version.version, problems });
  });

  app.get('/api/studio/versions/:versionId', {
    config: { access },
    schema: { tags: ['studio'], summary: 'One version with its content', params: versionParams, response: { 200: modelVersion } },
  }, async (request) => versionOr404(request.params.versionId));

  app.post('/api/studio/versions/:versionId/restore', {
    config: { access },
    schema: { tags: ['studio'], summary: 'Save an old version’s content as the newest version', params: versionParams, body: restoreRequest, response: { 201: savedVersion } },
  }, async (request, reply) => {
    const old = await versionOr404(request.params.versionId);
    const { version, problems } = await saveVersion(db, actor(request), { kind: old.kind, key: old.key, content: old.content, comment: request.body.comment, source: 'restore', basedOn: old.id });
    return reply.status(201).send({ id: version.id, version: version.version, problems });
  });

  app.get('/api/studio/versions/:versionId/diff/:otherId', {
    config: { access },
    schema: { tags: ['studio'], summary: 'A textual unified diff from one version to another', params: diffParams, response: { 200: versionDiff } },
  }, async (request) => {
    const [from, to] = await Promise.all([versionOr404(request.params.versionId), versionOr404(request.params.otherId)]);
    return { unified: createTwoFilesPatch(`${from.fileName}（第 ${from.version} 版）`, `${to.fileName}（第 ${to.version} 版）`, from.content, to.content) };
  });

  app.get('/api/studio/versions/:versionId/file', {
    config: { access },
    schema: { tags: ['studio'], summary: 'The version as a file the desktop Camunda Modeler opens', params: versionParams },
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
    schema: { tags: ['studio'], summary: 'The editor’s checks, run on the server', body: lintRequest, response: { 200: lintAnswer } },
  }, async (request) => {
    const { kind: modelKind, content: text } = request.body;
    const modelKey = modelKind === 'decision' ? keyOf('decision', text) : undefined;
    return {
      problems: [
        ...await lintModel(modelKind, text, { requiredDecisionIds: modelKey ? await requiredDecisionIds(db, modelKind, modelKey) : [] }),
        ...await sharedFieldProblems(db, modelKind, modelKind === 'form' ? keyOf('form', text) : undefined, text),
      ],
    };
  });

  app.post('/api/studio/versions/:versionId/deploy', {
    config: { access },
    schema: {
      tags: ['studio'],
      summary: 'Deploy a process version with the forms and decisions it references (latest saved, or the members named); refused with 422 on a lint error',
      params: versionParams,
      body: deployRequest,
      response: { 201: deployed },
    },
  }, async (request, reply) => {
    const release = await deployVersion(deps, accountOf(request), request.params.versionId, { comment: request.body.comment, memberIds: request.body.members });
    return reply.status(201).send({ releaseId: release.id, processDefinitionId: release.processDefinitionId, processDefinitionVersion: release.processDefinitionVersion });
  });

  app.get('/api/studio/releases', {
    config: { access },
    schema: { tags: ['studio'], summary: 'Releases, newest first, with the instances still running on each', querystring: releaseQuery, response: { 200: releaseList } },
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
      response: { 200: callReleaseList },
    },
  }, async () => callSets(db));

  app.put('/api/studio/calls/:callId/releases/:processKey', {
    config: { access },
    schema: {
      tags: ['studio'],
      summary: 'Move a call’s set: its new instances of the process start on this release',
      params: callSetParams,
      body: callSetMove,
      response: { 204: noContent },
    },
  }, async (request, reply) => {
    await moveCallSet(db, accountOf(request).username, { ...request.params, ...request.body });
    return reply.status(204).send(null);
  });

  app.post('/api/studio/import', {
    config: { access },
    schema: { tags: ['studio'], summary: 'Import a .bpmn, .dmn or .form file as a new version (multipart: file, comment)', response: { 201: importedVersion } },
  }, async (request, reply) => {
    const part = await request.file({ limits: { files: 1, fieldSize: 4096 } });
    if (!part) throw new AppError('VALIDATION_FAILED', '请选择要导入的文件。', [{ path: 'file', message: '缺少文件' }]);
    const text = (await part.toBuffer()).toString('utf8').replace(/^\uFEFF/, '');
    const fileKind = kindOfFileName(part.filename);
    if (!fileKind) throw new AppError('VALIDATION_FAILED', '只能导入 .bpmn、.dmn 或 .form 文件。', [{ path: 'file', message: '文件类型不支持' }]);
    const note = changeComment.safeParse(multipartText(part.fields.comment) ?? '');
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
    schema: { tags: ['studio'], summary: 'The Camunda 7 element templates of this project’s workers, one per topic', response: { 200: elementTemplates } },
  }, async () => loadElementTemplates());
};
