import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withTransaction, type Pool, type Queryable } from '../../../platform/database.js';
import { noticeSamples } from '../../../domain/notice-preview.js';
import { noticeKinds, noticeTextCatalogue, noticeTextKeys, noticeTextsProblems, placeholderLabels, type NoticeKind, type NoticeTextDefinition } from '../../../domain/notice-texts.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { findCall } from '../../../store/call-repository.js';
import { lockNoticeTexts, noticeTextVersions, saveNoticeTexts } from '../../../store/notice-text-repository.js';
import { AppError } from '../errors.js';
import { accountOf } from '../plugins/authentication.js';
import { callParams } from '../schemas/common.js';
import { noticeTextsAnswer, noticeTextsPreview, noticeTextsPreviewRequest, noticeTextsSave, noticeTextsSaved, type NoticeTextsAnswer } from '../schemas/notice-texts.js';

// The notice texts of a call (issue 13): the province officer words every notice a call sends, each text checked
// against its placeholders before it is saved as the call's next version, and previews them with sample values.

const notices = (Object.keys(noticeKinds) as NoticeKind[]).map((kind) => ({ kind, ...noticeKinds[kind] }));
const catalogue = noticeTextKeys.map((key) => {
  const definition: NoticeTextDefinition = noticeTextCatalogue[key];
  return {
    key, notice: definition.notice, name: definition.name, usage: definition.usage, defaultText: definition.defaultText,
    placeholders: definition.placeholders.map((name) => ({ name, label: placeholderLabels[name] })),
    singleLine: definition.singleLine === true, mayBeEmpty: definition.mayBeEmpty === true,
  };
});

export const noticeTextRoutes: FastifyPluginAsyncZod<{ db: Pool }> = async (app, { db }) => {
  async function answerOf(queryable: Queryable, callId: string): Promise<NoticeTextsAnswer> {
    const call = await findCall(queryable, callId);
    if (!call) throw new AppError('NOT_FOUND', '没有找到这个申报批次，请从批次列表中重新选择。');
    const versions = await noticeTextVersions(queryable, callId);
    const current = versions[0]!;
    return {
      callId, callTitle: call.title, version: current.version, texts: current.texts, notices, catalogue,
      versions: versions.map((v) => ({ version: v.version, createdBy: v.createdBy, createdAt: v.createdAt, texts: v.texts })),
    };
  }

  app.get('/api/calls/:callId/notice-texts', {
    config: { access: ['province-officer'] },
    schema: { tags: ['calls'], summary: 'A call’s notice texts (the current version), the catalogue of texts with their placeholders, and every version', params: callParams, response: { 200: noticeTextsAnswer } },
  }, async (request) => answerOf(db, request.params.callId));

  app.put('/api/calls/:callId/notice-texts', {
    config: { access: ['province-officer'] },
    schema: {
      tags: ['calls'],
      summary: 'Save a call’s notice texts as its next version: every text checked (placeholders, braces, empty, line breaks in titles); any problem refuses all, naming the text; audited',
      params: callParams,
      body: noticeTextsSave,
      response: { 200: noticeTextsSaved },
    },
  }, async (request) => {
    const { callId } = request.params;
    const { texts, baseVersion } = request.body;
    const problems = noticeTextsProblems(texts);
    if (problems.length) {
      throw new AppError('VALIDATION_FAILED', `通知文字有 ${problems.length} 处问题，未保存。${problems[0]!.message}`, problems.map((p) => ({ path: `body.texts.${p.key}`, message: p.message })));
    }
    const actor = accountOf(request).username;
    return withTransaction(db, async (client) => {
      const current = await lockNoticeTexts(client, callId);
      if (current === undefined) throw new AppError('NOT_FOUND', '没有找到这个申报批次，请从批次列表中重新选择。');
      if (current !== baseVersion) throw new AppError('CONFLICT', `通知文字已由他人保存为第 ${current} 版，请刷新页面，在最新版本上修改。`);
      const version = await saveNoticeTexts(client, callId, texts, actor);
      if (version !== null) {
        await insertAuditEntry(client, { actor, action: 'notice-texts.saved', subject: `call:${callId}`, callId, detail: { version, from: current, texts } });
      }
      return { ...(await answerOf(client, callId)), saved: version !== null };
    });
  });

  app.post('/api/calls/:callId/notice-texts/preview', {
    config: { access: ['province-officer'] },
    schema: {
      tags: ['calls'],
      summary: 'Render the given notice texts with sample values, as in-app messages and mails, with the problems a save would meet; saves nothing',
      params: callParams,
      body: noticeTextsPreviewRequest,
      response: { 200: noticeTextsPreview },
    },
  }, async (request) => {
    if (!(await findCall(db, request.params.callId))) throw new AppError('NOT_FOUND', '没有找到这个申报批次，请从批次列表中重新选择。');
    const { texts } = request.body;
    return {
      samples: noticeSamples(texts),
      problems: noticeTextsProblems(texts).map((p) => ({ key: p.key, placeholder: p.placeholder ?? null, message: p.message })),
    };
  });
};
