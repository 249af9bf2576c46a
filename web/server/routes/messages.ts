import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Queryable } from '../../../platform/database.js';
import { letterAuthorLabel, systemAuthorLabel } from '../../../domain/letter-audience.js';
import { inboxMessage, inboxMessages, markRead, unreadCount, type InboxMessage, type InboxOwner } from '../../../store/inbox-repository.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import { accountOf } from '../plugins/authentication.js';
import { noContent } from '../schemas/common.js';
import { messageList, messageParams, messageView, unreadCountAnswer } from '../schemas/messages.js';

/** The signed-in account's inbox: its own messages, and its unit's (reviewers) or its enterprise's (applicants). */
export const messageRoutes: FastifyPluginAsyncZod<{ db: Queryable }> = async (app, { db }) => {
  app.get('/api/messages', {
    config: { access: 'signed-in' },
    schema: { tags: ['messages'], summary: 'My messages, newest first, with my own read state', response: { 200: messageList } },
  }, async (request) => (await inboxMessages(db, ownerOf(accountOf(request)))).map(view));

  app.get('/api/messages/unread-count', {
    config: { access: 'signed-in' },
    schema: { tags: ['messages'], summary: 'How many of my messages I have not read', response: { 200: unreadCountAnswer } },
  }, async (request) => ({ unread: await unreadCount(db, ownerOf(accountOf(request))) }));

  app.get('/api/messages/:messageId', {
    config: { access: 'signed-in' },
    schema: { tags: ['messages'], summary: 'One of my messages (404 if it is not mine to see)', params: messageParams, response: { 200: messageView } },
  }, async (request) => {
    const message = await inboxMessage(db, ownerOf(accountOf(request)), request.params.messageId);
    if (!message) throw new AppError('NOT_FOUND');
    return view(message);
  });

  app.post('/api/messages/:messageId/read', {
    config: { access: 'signed-in' },
    schema: { tags: ['messages'], summary: 'Mark one of my messages read, for me only', params: messageParams, response: { 204: noContent } },
  }, async (request, reply) => {
    if (!(await markRead(db, ownerOf(accountOf(request)), request.params.messageId))) throw new AppError('NOT_FOUND');
    return reply.status(204).send(null);
  });
};

// helpers

function ownerOf(account: Account): InboxOwner {
  return {
    accountId: account.id,
    unitId: account.role === 'city-reviewer' ? account.unitId : null,
    enterpriseUscc: account.role === 'applicant' ? account.enterpriseUscc : null,
  };
}

function view(message: InboxMessage) {
  return {
    id: message.id,
    title: message.title,
    body: message.body,
    createdAt: message.createdAt,
    read: message.read,
    author: message.letter ? letterAuthorLabel(message.letter.authorUnitId) : systemAuthorLabel,
    letterId: message.letter?.id ?? null,
    attachments: message.attachments,
  };
}
