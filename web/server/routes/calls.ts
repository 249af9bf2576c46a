import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileTypeFromBuffer } from 'file-type';
import { storageKeyFor, type AttachmentStore } from '../../../platform/attachment-store.js';
import type { Clock } from '../../../platform/clock.js';
import { withTransaction, type Pool, type Queryable } from '../../../platform/database.js';
import { judgeAttachmentType } from '../../../domain/attachment-types.js';
import type { Call } from '../../../domain/call.js';
import { callState, judgeScheduleChange, shiftByYears, titleForYear, type CallSchedule } from '../../../domain/call-calendar.js';
import { unstorableReason, unstorableTextMessages } from '../../../domain/storable-text.js';
import { unitNameOf } from '../../../domain/units.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { deleteCallDownload, findCallDownload, insertCallDownload, listCallDownloads, type CallDownload } from '../../../store/call-download-repository.js';
import {
  callHasApplications, callYearTaken, closeCall, copyIndicators, findCallLifecycle, listUnitDeadlines, markCallDraft, publishCall, updateCallContacts,
  updateCallGuide, updateCallLinks, updateCallSchedule,
} from '../../../store/call-lifecycle-repository.js';
import { findCall, insertCallIfMissing } from '../../../store/call-repository.js';
import { AppError } from '../errors.js';
import { accountOf } from '../plugins/authentication.js';
import {
  callClosing, callContactsChange, callDownloadParams, callDownloadTitle, callGuideChange, callLinksChange, callScheduleChange, callSettings, newCallFrom,
  type CallSettings,
} from '../schemas/calls.js';
import { callParams } from '../schemas/common.js';
import { multipartText } from './multipart-field.js';

// The calls pages (申报批次, province officers; administrators read): the next year's call from a previous one, its
// guide, calendar, contacts and downloads, publishing and closing. Every change is audited (call.*).

export interface CallRouteOptions {
  db: Pool;
  clock: Clock;
  store: AttachmentStore;
  maxBytes: number;
}

export const callRoutes: FastifyPluginAsyncZod<CallRouteOptions> = async (app, { db, clock, store, maxBytes }) => {
  const callOr404 = async (q: Queryable, callId: string) => {
    const call = await findCall(q, callId);
    if (!call) throw new AppError('NOT_FOUND', '没有找到这个申报批次，请从批次列表中重新选择。');
    return call;
  };

  async function settingsOf(callId: string, notes: string[] = []): Promise<CallSettings> {
    const call = await callOr404(db, callId);
    const lifecycle = (await findCallLifecycle(db, callId))!;
    const files = await listCallDownloads(db, callId);
    return {
      id: call.id, year: call.year, title: call.title, guide: call.guide, state: callState(lifecycle), ...lifecycle,
      opensAt: call.opensAt, enterpriseDeadline: call.enterpriseDeadline, cityDeadline: call.cityDeadline,
      correctionDays: call.correctionDays, maxCorrectionRounds: call.maxCorrectionRounds, sealDueDays: call.sealDueDays,
      returnAnswerDays: call.returnAnswerDays,
      contacts: call.contacts, links: call.downloads, files: files.map(downloadView), notes,
    };
  }

  /** Runs a change of a call in one transaction with the call's row locked, and audits it. */
  async function change(callId: string, actor: string, action: string, detail: Record<string, unknown>, apply: (client: Queryable, call: Call) => Promise<void>) {
    await withTransaction(db, async (client) => {
      if (!(await findCallLifecycle(client, callId, true))) throw new AppError('NOT_FOUND', '没有找到这个申报批次，请从批次列表中重新选择。');
      await apply(client, (await findCall(client, callId))!);
      await insertAuditEntry(client, { actor, action, subject: `call:${callId}`, callId, detail });
    });
  }

  app.post('/api/calls', {
    config: { access: ['province-officer'] },
    schema: {
      tags: ['calls'],
      summary: 'Create the next year’s call (a draft) from a previous one: its guide, directions, templates, notice texts, contacts, downloads, windows, floor and indicators, the calendar shifted by the years between; a year that has a call is refused',
      body: newCallFrom,
      response: { 201: callSettings },
    },
  }, async (request, reply) => {
    const actor = accountOf(request).username;
    const from = await findCall(db, request.body.fromCallId);
    if (!from) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'body.fromCallId', message: '没有这个申报批次' }]);
    const year = request.body.year ?? from.year + 1;
    const id = request.body.id ?? String(year);
    const years = year - from.year;
    if (years < 1) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'body.year', message: `新批次的年度须晚于模板批次（${from.year}年）` }]);
    const copies = await listCallDownloads(db, from.id);
    const copied: { key: string; content: Buffer; download: CallDownload }[] = [];
    for (const download of copies) copied.push({ key: storageKeyFor(randomUUID()), content: await bytesOf(store.open(download.storageKey)), download });
    const next: Call = {
      ...from, id, year, title: titleForYear(from.title, from.year, year),
      opensAt: shiftByYears(from.opensAt, years), enterpriseDeadline: shiftByYears(from.enterpriseDeadline, years), cityDeadline: shiftByYears(from.cityDeadline, years),
    };
    for (const file of copied) await store.put(file.key, file.content);
    try {
      await withTransaction(db, async (client) => {
        // One creation at a time, so two officers cannot both create the same year.
        await client.query("SELECT pg_advisory_xact_lock(hashtext('call.created'))");
        if (await callYearTaken(client, year)) throw new AppError('VALIDATION_FAILED', `${year}年已有申报批次，不能重复创建。`, [{ path: 'body.year', message: `${year}年已有申报批次，不能重复创建` }]);
        if (await findCall(client, id)) throw new AppError('VALIDATION_FAILED', `批次编号 ${id} 已被使用。`, [{ path: 'body.id', message: `批次编号 ${id} 已被使用` }]);
        await client.query("SELECT set_config('iiot.notice_texts_author', $1, true)", [actor]);
        await insertCallIfMissing(client, next);
        await markCallDraft(client, id, actor);
        await copyIndicators(client, from.id, id, actor);
        for (const file of copied) {
          await insertCallDownload(client, { ...file.download, id: file.key.slice(3), callId: id, storageKey: file.key, uploadedBy: actor });
        }
        await insertAuditEntry(client, { actor, action: 'call.created', subject: `call:${id}`, callId: id, detail: { fromCallId: from.id, year } });
      });
    } catch (error) {
      for (const file of copied) await store.remove(file.key); // a refused creation leaves no copied file behind
      throw error;
    }
    return reply.status(201).send(await settingsOf(id));
  });

  app.get('/api/calls/:callId/settings', {
    config: { access: ['province-officer', 'administrator'] },
    schema: { tags: ['calls'], summary: 'Everything the call’s page edits: state, guide, calendar, windows, contacts, link and file downloads', params: callParams, response: { 200: callSettings } },
  }, async (request) => settingsOf(request.params.callId));

  app.put('/api/calls/:callId/calendar', {
    config: { access: ['province-officer'] },
    schema: {
      tags: ['calls'],
      summary: 'Move the calendar and the correction, seal and return-answer windows: dates in order; a published call’s running window is never cut; windows already opened keep their days',
      params: callParams,
      body: callScheduleChange,
      response: { 200: callSettings },
    },
  }, async (request) => {
    const body = request.body;
    const next: CallSchedule = { ...body, opensAt: new Date(body.opensAt), enterpriseDeadline: new Date(body.enterpriseDeadline), cityDeadline: new Date(body.cityDeadline) };
    let notes: string[] = [];
    await change(request.params.callId, accountOf(request).username, 'call.calendar.changed', { calendar: body }, async (client, call) => {
      const lifecycle = (await findCallLifecycle(client, call.id))!;
      const unitDeadlines = (await listUnitDeadlines(client, call.id)).map((u) => ({ unitName: unitNameOf(u.unitId), enterpriseDeadline: u.enterpriseDeadline }));
      const verdict = judgeScheduleChange(call, next, { state: callState(lifecycle), now: clock.now(), hasApplications: await callHasApplications(client, call.id), unitDeadlines });
      if (!verdict.ok) throw new AppError('VALIDATION_FAILED', verdict.problems[0]!.message, verdict.problems);
      notes = verdict.notes;
      await updateCallSchedule(client, call.id, next);
    });
    return settingsOf(request.params.callId, notes);
  });

  app.put('/api/calls/:callId/guide', {
    config: { access: ['province-officer'] },
    schema: { tags: ['calls'], summary: 'Change the call’s title and guide', params: callParams, body: callGuideChange, response: { 200: callSettings } },
  }, async (request) => {
    await change(request.params.callId, accountOf(request).username, 'call.guide.changed', { title: request.body.title }, (client, call) => updateCallGuide(client, call.id, request.body));
    return settingsOf(request.params.callId);
  });

  app.put('/api/calls/:callId/contacts', {
    config: { access: ['province-officer'] },
    schema: { tags: ['calls'], summary: 'Replace the call’s contacts', params: callParams, body: callContactsChange, response: { 200: callSettings } },
  }, async (request) => {
    await change(request.params.callId, accountOf(request).username, 'call.contacts.changed', { contacts: request.body.contacts }, (client, call) => updateCallContacts(client, call.id, request.body.contacts));
    return settingsOf(request.params.callId);
  });

  app.put('/api/calls/:callId/links', {
    config: { access: ['province-officer'] },
    schema: { tags: ['calls'], summary: 'Replace the call’s link downloads ({title, url})', params: callParams, body: callLinksChange, response: { 200: callSettings } },
  }, async (request) => {
    await change(request.params.callId, accountOf(request).username, 'call.links.changed', { links: request.body.links }, (client, call) => updateCallLinks(client, call.id, request.body.links));
    return settingsOf(request.params.callId);
  });

  app.post('/api/calls/:callId/downloads', {
    config: { access: ['province-officer'] },
    schema: { tags: ['calls'], summary: 'Upload a download file (multipart: title, file; PDF, Word, Excel or an image, checked by content)', params: callParams, response: { 201: callSettings } },
  }, async (request, reply) => {
    const actor = accountOf(request).username;
    await callOr404(db, request.params.callId);
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件。', [{ path: 'file', message: '缺少文件' }]);
    const content = await part.toBuffer();
    const fileName = [...part.filename.normalize('NFC')].slice(0, 200).join('');
    const title = callDownloadTitle.safeParse(multipartText(part.fields.title) ?? fileName.replace(/\.[^.]+$/, ''));
    if (!title.success) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'title', message: title.error.issues[0]!.message }]);
    const unstorable = unstorableReason(fileName) ?? unstorableReason(title.data);
    if (unstorable) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'file', message: `文件名或标题${unstorableTextMessages[unstorable]}` }]);
    if (!content.length) throw new AppError('VALIDATION_FAILED', '文件为空。', [{ path: 'file', message: '文件为空' }]);
    const verdict = judgeAttachmentType(fileName, (await fileTypeFromBuffer(content))?.ext);
    if (!verdict.ok) throw new AppError('VALIDATION_FAILED', verdict.message, [{ path: 'file', message: verdict.message }]);
    const id = randomUUID();
    const storageKey = storageKeyFor(id);
    await store.put(storageKey, content);
    try {
      await change(request.params.callId, actor, 'call.download.added', { id, title: title.data, fileName }, (client, call) => insertCallDownload(client, {
        id, callId: call.id, title: title.data, fileName, mediaType: verdict.mediaType, sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'), storageKey, uploadedBy: actor,
      }).then(() => undefined));
    } catch (error) {
      await store.remove(storageKey);
      throw error;
    }
    return reply.status(201).send(await settingsOf(request.params.callId));
  });

  app.delete('/api/calls/:callId/downloads/:fileId', {
    config: { access: ['province-officer'] },
    schema: { tags: ['calls'], summary: 'Remove a download file', params: callDownloadParams, response: { 200: callSettings } },
  }, async (request) => {
    const { callId, fileId } = request.params;
    const download = await findCallDownload(db, callId, fileId);
    if (!download) throw new AppError('NOT_FOUND', '没有找到这个下载文件。');
    await change(callId, accountOf(request).username, 'call.download.removed', { id: fileId, title: download.title, fileName: download.fileName }, async (client) => {
      if (!(await deleteCallDownload(client, callId, fileId))) throw new AppError('NOT_FOUND', '没有找到这个下载文件。');
    });
    await store.remove(download.storageKey);
    return settingsOf(callId);
  });

  app.get('/api/calls/:callId/downloads/:fileId', {
    config: { access: 'signed-in' },
    schema: { tags: ['calls'], summary: 'Download a file of a published call (a draft’s only for the province and the administrator)', params: callDownloadParams },
  }, async (request, reply) => {
    const { callId, fileId } = request.params;
    const lifecycle = await findCallLifecycle(db, callId);
    const role = accountOf(request).role;
    const mayOpen = lifecycle && (lifecycle.publishedAt !== null || role === 'province-officer' || role === 'administrator');
    const download = mayOpen ? await findCallDownload(db, callId, fileId) : undefined;
    if (!download) throw new AppError('NOT_FOUND', '没有找到这个下载文件。');
    return reply
      .header('content-type', download.mediaType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(download.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(store.open(download.storageKey));
  });

  app.post('/api/calls/:callId/open', {
    config: { access: ['province-officer'] },
    schema: { tags: ['calls'], summary: 'Publish a draft call: applicants see it and declare within its calendar', params: callParams, response: { 200: callSettings } },
  }, async (request) => {
    await change(request.params.callId, accountOf(request).username, 'call.published', {}, async (client, call) => {
      if (!(await publishCall(client, call.id, clock.now()))) throw new AppError('CONFLICT', '该批次已经发布。');
    });
    return settingsOf(request.params.callId);
  });

  app.post('/api/calls/:callId/close', {
    config: { access: ['province-officer'] },
    schema: { tags: ['calls'], summary: 'Close a published call early, with a reason: no new submission, even before its deadline', params: callParams, body: callClosing, response: { 200: callSettings } },
  }, async (request) => {
    await change(request.params.callId, accountOf(request).username, 'call.closed', { reason: request.body.reason }, async (client, call) => {
      if (!(await closeCall(client, call.id, clock.now()))) throw new AppError('CONFLICT', '只有已发布且未关闭的批次可以关闭。');
    });
    return settingsOf(request.params.callId);
  });
};

// helpers

/** How the call's page and the portal name an uploaded download. */
export function downloadUrl(callId: string, fileId: string): string {
  return `/api/calls/${encodeURIComponent(callId)}/downloads/${fileId}`;
}

function downloadView(download: CallDownload) {
  return { id: download.id, title: download.title, fileName: download.fileName, sizeBytes: download.sizeBytes, url: downloadUrl(download.callId, download.id) };
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

