import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUscc, uploadPdf } from '../support/declaration.js';
import { seedLibrary } from '../support/library.js';
import { openTestCall } from '../support/declaration.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';
import { letterRecipientsAnswer, sentLetterList } from '../../web/server/schemas/letters.js';
import { messageList, unreadCountAnswer } from '../../web/server/schemas/messages.js';

// Letters and the inbox through the web API: a unit writes only to its own enterprises, the province to units;
// read state is each account's own; a letter's files reach its recipients only; every refusal writes nothing.

type Headers = Record<string, string>;
interface Message { id: number; title: string; body: string; read: boolean; author: string; letterId: number | null; attachments: { id: string; fileName: string }[] }

describe('letters and the inbox', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    web = await testApp();
  });
  afterAll(() => web.close());

  const tag = () => randomBytes(4).toString('hex');
  const get = (url: string, headers: Headers) => web.app.inject({ method: 'GET', url, headers });
  const post = (url: string, headers: Headers, payload: unknown) => web.app.inject({ method: 'POST', url, headers, payload: payload as object });
  // every answer parses with the schema the client parses it with (times as ISO text)
  const inbox = async (headers: Headers): Promise<Message[]> => {
    const answer: unknown = (await get('/api/messages', headers)).json();
    expect(messageList.safeParse(answer).error?.issues ?? []).toEqual([]);
    return answer as Message[];
  };
  const unread = async (headers: Headers) => unreadCountAnswer.parse((await get('/api/messages/unread-count', headers)).json()).unread;
  const accountId = async (username: string) => Number((await web.db.query<{ id: string }>('SELECT id FROM account WHERE username = $1', [username])).rows[0]!.id);
  /** What a refused letter must leave unchanged: letters, messages, mails and audit entries. */
  const written = async () => (await web.db.query<{ letters: number; messages: number; mails: number; audit: number }>(
    `SELECT (SELECT count(*)::int FROM letter) AS letters, (SELECT count(*)::int FROM in_app_message) AS messages,
            (SELECT count(*)::int FROM outbox_message) AS mails, (SELECT count(*)::int FROM audit_log WHERE action = 'message.sent') AS audit`,
  )).rows[0]!;
  const applicantOf = async (uscc: string, scope: { homeUnitId?: string; email?: string } = {}) => {
    const credentials = await createTestAccount(web.db, 'applicant', { enterpriseUscc: uscc, ...scope });
    return { ...credentials, headers: await signIn(web.app, credentials) };
  };

  it('lets a unit write to its own enterprises only, naming another unit’s enterprise and writing nothing then', async () => {
    // given: 沧州's reviewer, an enterprise registered with 沧州, one that declared to 沧州, and one of 衡水
    const call = await openTestCall(web.db);
    const reviewer = await createTestAccount(web.db, 'city-reviewer', { unitId: '130900' });
    const reviewerHeaders = await signIn(web.app, reviewer);
    const registeredUscc = randomUscc('130902');
    const registered = await applicantOf(registeredUscc, { homeUnitId: '130900', email: `reg-${tag()}@example.com` });
    const [declared] = await seedLibrary(web.db, { callId: call.id, unitId: '130900', count: 1 });
    const declaredUscc = (await web.db.query<{ enterprise_uscc: string }>('SELECT enterprise_uscc FROM application WHERE id = $1', [declared!.id])).rows[0]!.enterprise_uscc;
    const declaredApplicant = await applicantOf(declaredUscc);
    const foreignUscc = randomUscc('131102');
    const foreign = await applicantOf(foreignUscc, { homeUnitId: '131100', email: `foreign-${tag()}@example.com` });

    // when: it asks whom it may write to
    const recipients = letterRecipientsAnswer.parse((await get('/api/letters/recipients', reviewerHeaders)).json());
    // then: its two enterprises with their names, not 衡水's
    expect(recipients.audience).toBe('enterprises');
    const ids = recipients.recipients.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([registeredUscc, declaredUscc]));
    expect(recipients.recipients.find((r) => r.id === declaredUscc)?.name).toMatch(/^企业 \d+$/);
    expect(ids).not.toContain(foreignUscc);

    // when: it writes to one of its own and 衡水's enterprise
    const before = await written();
    const title = `沧州市通知 ${tag()}`;
    const refused = await post('/api/letters', reviewerHeaders, { audience: 'enterprises', recipients: [declaredUscc, foreignUscc], title, body: '请按时报送材料。' });
    // then: refused, naming the foreign enterprise; nothing written
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().message).toContain(foreignUscc);
    expect(refused.json().message).not.toContain(declaredUscc);
    expect(await written()).toEqual(before);
    // and a unit writing to units is refused too
    expect((await post('/api/letters', reviewerHeaders, { audience: 'units', recipients: 'all', title, body: '正文' })).statusCode).toBe(400);
    expect(await written()).toEqual(before);

    // when: it writes to its own two enterprises
    const sent = await post('/api/letters', reviewerHeaders, { audience: 'enterprises', recipients: [registeredUscc, declaredUscc], title, body: '请按时报送材料。' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ recipients: 2, mails: 1 });
    // then: both enterprises read it from 沧州市工业和信息化局, never from a person; 衡水's does not
    for (const applicant of [registered, declaredApplicant]) {
      const letter = (await inbox(applicant.headers)).find((m) => m.title === title);
      expect(letter).toMatchObject({ body: '请按时报送材料。', read: false, author: '沧州市工业和信息化局', letterId: sent.json().id, attachments: [] });
      expect(JSON.stringify(letter)).not.toContain(reviewer.username);
    }
    expect((await inbox(foreign.headers)).some((m) => m.title === title)).toBe(false);
    // and the registered enterprise's account (the only one with an e-mail) gets one mail, with the title as subject
    const mails = await web.db.query('SELECT recipient, subject, body FROM outbox_message WHERE subject = $1', [title]);
    expect(mails.rows).toEqual([{ recipient: expect.stringMatching(/^reg-/), subject: title, body: '请按时报送材料。' }]);
    const audit = await web.db.query("SELECT actor, detail, unit_id FROM audit_log WHERE action = 'message.sent' AND subject = $1", [`letter:${sent.json().id}`]);
    expect(audit.rows).toEqual([{ actor: reviewer.username, unit_id: '130900', detail: expect.objectContaining({ audience: 'enterprises', recipients: [registeredUscc, declaredUscc] }) }]);
    // and the unit sees it on its sent letters, read by nobody yet
    const letters = sentLetterList.parse((await get('/api/letters', reviewerHeaders)).json());
    const mine = letters.find((l) => l.id === sent.json().id);
    expect(mine?.readCount).toBe(0);
    expect(mine?.recipients.map((r) => r.id).sort()).toEqual([registeredUscc, declaredUscc].sort());
  });

  it('keeps read state per account: one reviewer reading does not mark it read for its colleague', async () => {
    // given: two reviewers of 衡水 and a province letter to 衡水
    const officer = await signIn(web.app, await createTestAccount(web.db, 'province-officer'));
    const first = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '131100' }));
    const second = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '131100' }));
    const title = `省厅通知 ${tag()}`;
    const sent = await post('/api/letters', officer, { audience: 'units', recipients: ['131100'], title, body: '请做好年度申报准备。' });
    expect(sent.statusCode, sent.body).toBe(201);
    const message = (await inbox(first)).find((m) => m.title === title)!;
    expect(message).toMatchObject({ read: false, author: '河北省工业和信息化厅' });
    const [firstUnread, secondUnread] = [await unread(first), await unread(second)];

    // when: the first reviewer opens it
    const read = await post(`/api/messages/${message.id}/read`, first, {});
    expect(read.statusCode, read.body).toBe(204);
    expect((await post(`/api/messages/${message.id}/read`, first, {})).statusCode).toBe(204); // again: no change

    // then: read for the first, still unread for the second
    expect((await inbox(first)).find((m) => m.id === message.id)?.read).toBe(true);
    expect((await inbox(second)).find((m) => m.id === message.id)?.read).toBe(false);
    expect(await unread(first)).toBe(firstUnread - 1);
    expect(await unread(second)).toBe(secondUnread);
    expect((await get(`/api/messages/${message.id}`, second)).json()).toMatchObject({ id: message.id, read: false });
    // and the officer's sent list counts 衡水 as read
    const letters = (await get('/api/letters', officer)).json() as { id: number; readCount: number; recipients: { id: string; name: string; read: boolean }[] }[];
    expect(letters.find((l) => l.id === sent.json().id)).toMatchObject({ readCount: 1, recipients: [{ id: '131100', name: '衡水市', read: true }] });
  });

  it('refuses a letter from an applicant (403) and to an unknown unit (400, naming it), writing nothing', async () => {
    const applicant = await applicantOf(randomUscc());
    const officer = await signIn(web.app, await createTestAccount(web.db, 'province-officer'));
    const expert = await signIn(web.app, await createTestAccount(web.db, 'expert'));
    const before = await written();
    const letter = { audience: 'units', recipients: ['131100'], title: '越权', body: '正文' };
    expect((await post('/api/letters', applicant.headers, letter)).statusCode).toBe(403);
    expect((await post('/api/letters', applicant.headers, { ...letter, audience: 'enterprises', recipients: 'all' })).statusCode).toBe(403);
    expect((await post('/api/letters', expert, letter)).statusCode).toBe(403);
    expect((await get('/api/letters/recipients', applicant.headers)).statusCode).toBe(403);
    const unknown = await post('/api/letters', officer, { ...letter, recipients: ['131100', '139999'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('139999');
    expect((await post('/api/letters', officer, { ...letter, title: '' })).statusCode).toBe(400);
    expect((await post('/api/letters', officer, { ...letter, body: 'x'.repeat(5001) })).statusCode).toBe(400);
    expect((await post('/api/letters', officer, { ...letter, title: 'x'.repeat(101) })).statusCode).toBe(400);
    // a title is a mail's Subject header: a line break (header injection) is refused, naming the field
    const injected = await post('/api/letters', officer, { ...letter, title: '通知\r\nBcc: victim@example.com' });
    expect(injected.statusCode, injected.body).toBe(400);
    expect(injected.json().fields.map((f: { path: string }) => f.path)).toContain('body.title');
    expect((await post('/api/letters', officer, { ...letter, title: '通知\n第二行' })).statusCode).toBe(400);
    // a file that is not the officer's own (an applicant's upload) is refused too
    const applicantsFile = await uploadPdf(web.app, applicant.headers, '企业文件.pdf');
    const foreignFile = await post('/api/letters', officer, { ...letter, attachments: [applicantsFile] });
    expect(foreignFile.statusCode).toBe(400);
    expect(foreignFile.json().fields[0].message).toContain('企业文件.pdf');
    expect(await written()).toEqual(before);
  });

  it('lets a letter’s recipients download its attachment, and nobody else (404)', async () => {
    // given: a province letter to 秦皇岛 carrying a PDF the officer uploaded
    const officer = await signIn(web.app, await createTestAccount(web.db, 'province-officer'));
    const recipient = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '130300' }));
    const outsider = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '130400' }));
    const applicant = await applicantOf(randomUscc('130302'));
    const file = await uploadPdf(web.app, officer, '申报指南.pdf');
    const title = `附件通知 ${tag()}`;
    const sent = await post('/api/letters', officer, { audience: 'units', recipients: ['130300'], title, body: '见附件。', attachments: [file] });
    expect(sent.statusCode, sent.body).toBe(201);
    // then: the recipient sees the file on the message and downloads it
    const message = (await inbox(recipient)).find((m) => m.title === title)!;
    expect(message.attachments).toEqual([{ id: file.id, fileName: '申报指南.pdf' }]);
    const download = await get(`/api/attachments/${file.id}`, recipient);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    // and another unit's reviewer and an applicant get 404, as for the message itself
    expect((await get(`/api/attachments/${file.id}`, outsider)).statusCode).toBe(404);
    expect((await get(`/api/attachments/${file.id}`, applicant.headers)).statusCode).toBe(404);
    expect((await get(`/api/messages/${message.id}`, outsider)).statusCode).toBe(404);
    // and marking it read from outside is 404 and records nothing
    expect((await post(`/api/messages/${message.id}/read`, outsider, {})).statusCode).toBe(404);
    expect((await web.db.query('SELECT count(*)::int AS n FROM message_read WHERE message_id = $1', [message.id])).rows[0].n).toBe(0);
    // and the mail to a reviewer with an e-mail says to sign in for the file
    const withMail = await createTestAccount(web.db, 'city-reviewer', { unitId: '130300', email: `qhd-${tag()}@example.com` });
    const again = await post('/api/letters', officer, { audience: 'units', recipients: ['130300'], title: `${title} 2`, body: '见附件。', attachments: [file] });
    expect(again.statusCode, again.body).toBe(201);
    const mail = await web.db.query('SELECT body, event_key FROM outbox_message WHERE subject = $1', [`${title} 2`]);
    expect(mail.rows.map((row) => row.event_key)).toContain(`letter:${again.json().id}:account:${await accountId(withMail.username)}`);
    expect(mail.rows.every((row) => row.body.includes('请登录系统查看附件'))).toBe(true);
  });

  it('gives province roles without letters an inbox of their own (empty, nothing unread)', async () => {
    for (const role of ['division-head', 'finance', 'leadership', 'expert', 'administrator'] as const) {
      const headers = await signIn(web.app, await createTestAccount(web.db, role));
      expect(await inbox(headers)).toEqual([]);
      expect(await unread(headers)).toBe(0);
    }
  });
});
