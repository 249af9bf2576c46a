import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withTransaction, type Pool } from '../../../platform/database.js';
import {
  chooseEnterpriseRecipients, chooseUnitRecipients, letterAudienceOf, letterEventKeys, letterMailBody, type LetterAudience,
} from '../../../domain/letter-audience.js';
import { reportingUnits, unitNameOf } from '../../../domain/units.js';
import { MESSAGE_ID_DOMAIN } from '../../../store/applicant-notifications.js';
import { findAttachments, foreignReferences } from '../../../store/attachment-repository.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import {
  insertLetter, insertLetterAttachments, insertLetterMessage, insertLetterRecipients, ownEnterprises, recipientAccounts, sentLetters,
} from '../../../store/letter-repository.js';
import { queueEmail } from '../../../store/notification-repository.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import { accountOf } from '../plugins/authentication.js';
import { letterRecipientsAnswer, letterRequest, letterSent, sentLetterList, type LetterRequest } from '../schemas/letters.js';

const writers = ['province-officer', 'city-reviewer'] as const;

/** Letters: the province writes to the units, a unit's reviewers to the unit's own enterprises; nobody else writes. */
export const letterRoutes: FastifyPluginAsyncZod<{ db: Pool }> = async (app, { db }) => {
  app.get('/api/letters/recipients', {
    config: { access: writers },
    schema: { tags: ['messages'], summary: 'Whom I may write to: the units, or my unit’s enterprises', response: { 200: letterRecipientsAnswer } },
  }, async (request) => {
    const account = accountOf(request);
    const audience = audienceOf(account);
    return { audience, recipients: await recipientsOf(db, account, audience) };
  });

  app.get('/api/letters', {
    config: { access: writers },
    schema: { tags: ['messages'], summary: 'Letters I (a province officer) or my unit sent, with who has read them', response: { 200: sentLetterList } },
  }, async (request) => {
    const account = accountOf(request);
    const names = new Map((await recipientsOf(db, account, audienceOf(account))).map((r) => [r.id, r.name]));
    const letters = await sentLetters(db, { accountId: account.id, unitId: account.role === 'city-reviewer' ? account.unitId : null });
    return letters.map((letter) => ({
      ...letter,
      recipients: letter.recipients.map((r) => ({ ...r, name: names.get(r.id) ?? unitNameOf(r.id) })),
      readCount: letter.recipients.filter((r) => r.read).length,
    }));
  });

  app.post('/api/letters', {
    config: { access: writers },
    schema: { tags: ['messages'], summary: 'Send a letter: an in-app message per recipient and a mail per recipient account with an e-mail', body: letterRequest, response: { 201: letterSent } },
  }, async (request, reply) => {
    const account = accountOf(request);
    const letter = request.body;
    const audience = audienceOf(account);
    if (letter.audience !== audience) {
      const message = audience === 'units' ? '省工信厅只能给各市（单位）写信' : '市工信局只能给本单位的企业写信';
      throw new AppError('VALIDATION_FAILED', message, [{ path: 'body.audience', message }]);
    }
    const recipients = await chosenRecipients(db, account, letter);
    const files = await checkedAttachments(db, account, letter);
    const sent = await withTransaction(db, async (client) => {
      const letterId = await insertLetter(client, { authorAccountId: account.id, authorUnitId: authorUnitOf(account), audience, title: letter.title, body: letter.body });
      await insertLetterAttachments(client, letterId, files);
      await insertLetterRecipients(client, letterId, audience, recipients);
      for (const id of recipients) {
        await insertLetterMessage(client, audience === 'units'
          ? { eventKey: letterEventKeys.unit(letterId, id), letterId, unitId: id, title: letter.title, body: letter.body }
          : { eventKey: letterEventKeys.enterprise(letterId, id), letterId, enterpriseUscc: id, title: letter.title, body: letter.body });
      }
      const accounts = await recipientAccounts(client, audience, recipients);
      const mailBody = letterMailBody(letter.body, files.length > 0);
      for (const recipient of accounts) {
        await queueEmail(client, { eventKey: letterEventKeys.account(letterId, recipient.id), recipient: recipient.email, subject: letter.title, body: mailBody }, MESSAGE_ID_DOMAIN);
      }
      await insertAuditEntry(client, {
        actor: account.username,
        action: 'message.sent',
        subject: `letter:${letterId}`,
        detail: { audience, recipients, title: letter.title, attachments: files.map((file) => file.id), mails: accounts.length },
        unitId: authorUnitOf(account),
      });
      return { id: letterId, recipients: recipients.length, mails: accounts.length };
    });
    return reply.status(201).send(sent);
  });
};

// helpers

function audienceOf(account: Account): LetterAudience {
  const audience = letterAudienceOf(account.role);
  if (!audience) throw new AppError('FORBIDDEN');
  return audience;
}

function authorUnitOf(account: Account): string | null {
  return account.role === 'city-reviewer' ? account.unitId : null;
}

async function recipientsOf(db: Pool, account: Account, audience: LetterAudience): Promise<{ id: string; name: string }[]> {
  if (audience === 'units') return reportingUnits.map((unit) => ({ id: unit.id, name: unit.name }));
  return (await ownEnterprises(db, account.unitId!)).map((enterprise) => ({ id: enterprise.uscc, name: enterprise.name }));
}

/** The recipients asked for, each one the writer may write to; refuses the letter naming any other. */
async function chosenRecipients(db: Pool, account: Account, letter: LetterRequest): Promise<string[]> {
  const choice = letter.audience === 'units'
    ? chooseUnitRecipients(letter.recipients)
    : chooseEnterpriseRecipients(letter.recipients, (await ownEnterprises(db, account.unitId!)).map((enterprise) => enterprise.uscc));
  if (!choice.ok) throw new AppError('VALIDATION_FAILED', choice.problems.join('；'), choice.problems.map((message) => ({ path: 'body.recipients', message })));
  return choice.recipients;
}

/** The letter's files, each the writer's own upload (its unit's, or its account's), with their stored names. */
async function checkedAttachments(db: Pool, account: Account, letter: LetterRequest): Promise<{ id: string; fileName: string }[]> {
  const references = letter.attachments.map((ref, index) => ({ ref, index }));
  const foreign = await foreignReferences(db, references, { accountId: account.id, unitId: authorUnitOf(account) });
  if (foreign.length) {
    throw new AppError('VALIDATION_FAILED', '附件无效或不是您上传的文件，请重新上传。', foreign.map(({ ref, index }) => ({ path: `body.attachments.${index}`, message: `附件“${ref.fileName}”无效或不是您上传的文件` })));
  }
  const stored = new Map((await findAttachments(db, letter.attachments.map((ref) => ref.id))).map((file) => [file.id, file.fileName]));
  return [...new Map(letter.attachments.map((ref) => [ref.id, { id: ref.id, fileName: stored.get(ref.id) ?? ref.fileName }])).values()];
}
