import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCharset, usccCheckCharacter } from '../../domain/uscc.js';
import { findAccountByUsername } from '../../web/server/identity/account-repository.js';
import { randomUscc } from '../support/declaration.js';
import { mailedToken, registrationBody, uploadRegistrationFile } from '../support/registration.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// Registration through the API against the real database: refusals change nothing, links are one-use and expire,
// each unit sees only its own registrations, a claim replaces the holder.

describe('enterprise registration', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let reviewer: Record<string, string>;
  let otherReviewer: Record<string, string>;

  beforeAll(async () => {
    web = await testApp();
    reviewer = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '130100' }));
    otherReviewer = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '130200' }));
  }, 60_000);
  afterAll(() => web.close());

  const register = (payload: Record<string, unknown>) => web.app.inject({ method: 'POST', url: '/api/registrations', payload });
  const confirm = (token: string) => web.app.inject({ method: 'POST', url: '/api/registrations/confirmation', payload: { token } });
  const count = async (table: string) => Number((await web.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
  const registrationOf = async (username: string) => (await web.db.query<{ id: string; status: string; kind: string }>('SELECT id, status, kind FROM registration WHERE username = $1 ORDER BY created_at DESC', [username])).rows[0];

  /** Registers and confirms; returns the body and the registration's id. */
  async function pendingRegistration(overrides: Record<string, unknown> = {}) {
    const body = await registrationBody(web.app, overrides);
    const response = await register(body);
    expect(response.statusCode, response.body).toBe(202);
    expect((await confirm(await mailedToken(web.db, body.email, '/register/confirm'))).statusCode).toBe(200);
    return { body, id: (await registrationOf(body.username))!.id };
  }

  it('registers, mails a confirmation link with the public URL, and waits for the chosen unit once confirmed', async () => {
    // given
    const body = await registrationBody(web.app);
    // when
    const response = await register(body);
    // then
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toEqual({ kind: 'new', email: body.email });
    const mail = (await web.db.query<{ body: string }>('SELECT body FROM outbox_message WHERE recipient = $1', [body.email])).rows[0]!;
    expect(mail.body).toContain('http://127.0.0.1:3000/register/confirm/');
    expect((await registrationOf(body.username))!.status).toBe('unconfirmed');
    // signing in before approval says why, only with the right password
    const early = await web.app.inject({ method: 'POST', url: '/api/session', payload: { username: body.username, password: body.password } });
    expect(early.statusCode).toBe(401);
    expect(early.json().message).toContain('确认邮箱');
    const confirmed = await confirm(await mailedToken(web.db, body.email, '/register/confirm'));
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toEqual({ status: 'pending', unitName: '石家庄市' });
    const waiting = await web.app.inject({ method: 'POST', url: '/api/session', payload: { username: body.username, password: body.password } });
    expect(waiting.json().message).toBe('账号注册尚待所属单位审核，审核通过后即可登录。');
    const wrong = await web.app.inject({ method: 'POST', url: '/api/session', payload: { username: body.username, password: 'not-the-password' } });
    expect(wrong.json().message).toBe('用户名或密码错误。');
    const audit = await web.db.query<{ action: string }>("SELECT action FROM audit_log WHERE subject = $1 ORDER BY id", [`registration:${(await registrationOf(body.username))!.id}`]);
    expect(audit.rows.map((r) => r.action)).toEqual(['registration.submitted', 'registration.confirmed']);
  });

  it.each([
    ['a malformed USCC', { uscc: '91130100' }, 'body.uscc'],
    ['a code outside Hebei', { uscc: (() => { const b = '91110105MA00000A0'; return b + usccCheckCharacter(b); })() }, 'body.uscc'],
    ['an unknown unit', { unitId: '999999' }, 'body.unitId'],
    ['a bad e-mail', { email: 'not-an-address' }, 'body.email'],
    ['a weak password', { password: 'short' }, 'body.password'],
    ['a missing licence', { licenceFileId: undefined }, 'body.licenceFileId'],
    ['an unknown file', { authorisationFileId: '00000000-0000-4000-8000-000000000000' }, 'body.authorisationFileId'],
  ])('refuses %s naming the field, and changes nothing', async (_label, overrides, field) => {
    // given
    const body = await registrationBody(web.app, overrides);
    const before = [await count('registration'), await count('outbox_message'), await count('audit_log')];
    // when
    const response = await register(body);
    // then
    expect(response.statusCode, response.body).toBe(400);
    expect((response.json() as { fields: { path: string }[] }).fields.map((f) => f.path)).toContain(field);
    expect([await count('registration'), await count('outbox_message'), await count('audit_log')]).toEqual(before);
  });

  it('accepts a code failing the checksum only when confirmed as printed, and flags it for the reviewer', async () => {
    const good = randomUscc();
    const bad = good.slice(0, 17) + usccCharset[(usccCharset.indexOf(good[17]!) + 1) % usccCharset.length];
    const refused = await register(await registrationBody(web.app, { uscc: bad }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].message).toContain('校验位');
    const { id } = await pendingRegistration({ uscc: bad, usccAsPrinted: true });
    const detail = await web.app.inject({ method: 'GET', url: `/api/registrations/${id}`, headers: reviewer });
    expect(detail.json()).toMatchObject({ uscc: bad, checksumFails: true, usccAsPrinted: true, kind: 'new' });
  });

  it('refuses a user name an account or an open registration has, and frees an unconfirmed one after 24 h', async () => {
    const existing = await createTestAccount(web.db, 'applicant', { enterpriseUscc: randomUscc() });
    const taken = await register(await registrationBody(web.app, { username: existing.username }));
    expect(taken.statusCode).toBe(400);
    expect(taken.json().fields).toEqual([{ path: 'body.username', message: '该用户名已被使用，请换一个' }]);
    const first = await registrationBody(web.app);
    expect((await register(first)).statusCode).toBe(202);
    expect((await register(await registrationBody(web.app, { username: first.username }))).statusCode).toBe(400);
    // 25 hours later the unconfirmed one no longer holds the name
    await web.db.query("UPDATE registration SET created_at = now() - interval '25 hours' WHERE username = $1", [first.username]);
    const again = await registrationBody(web.app, { username: first.username });
    expect((await register(again)).statusCode).toBe(202);
    const rows = (await web.db.query<{ status: string; decided_by: string | null }>('SELECT status, decided_by FROM registration WHERE username = $1 ORDER BY created_at', [first.username])).rows;
    expect(rows).toEqual([{ status: 'rejected', decided_by: 'system' }, { status: 'unconfirmed', decided_by: null }]);
  });

  it('uses a file for one registration only and checks uploads by content', async () => {
    const body = await registrationBody(web.app);
    expect((await register(body)).statusCode).toBe(202);
    const reuse = await register(await registrationBody(web.app, { licenceFileId: body.licenceFileId }));
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().fields[0].path).toBe('body.licenceFileId');
    const fake = await uploadRegistrationFile(web.app, 'licence.pdf', Buffer.from('not a pdf at all'));
    expect(fake.statusCode).toBe(400);
    const docx = await uploadRegistrationFile(web.app, 'licence.docx', Buffer.from('PK\u0003\u0004 not really'));
    expect(docx.statusCode).toBe(400);
  });

  it('refuses an expired and a reused confirmation link with 410, changing nothing', async () => {
    const body = await registrationBody(web.app);
    expect((await register(body)).statusCode).toBe(202);
    const token = await mailedToken(web.db, body.email, '/register/confirm');
    await web.db.query("UPDATE account_token SET expires_at = now() - interval '1 minute' WHERE registration_id = (SELECT id FROM registration WHERE username = $1)", [body.username]);
    const expired = await confirm(token);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().message).toContain('链接已失效或已使用');
    expect((await registrationOf(body.username))!.status).toBe('unconfirmed');
    expect((await web.db.query('SELECT used_at FROM account_token WHERE registration_id = $1', [(await registrationOf(body.username))!.id])).rows[0].used_at).toBeNull();
    const second = await registrationBody(web.app);
    expect((await register(second)).statusCode).toBe(202);
    const secondToken = await mailedToken(web.db, second.email, '/register/confirm');
    expect((await confirm(secondToken)).statusCode).toBe(200);
    const audits = await count('audit_log');
    expect((await confirm(secondToken)).statusCode).toBe(410);
    expect((await confirm('unknown-token-unknown-token-unknown')).statusCode).toBe(410);
    expect(await count('audit_log')).toBe(audits);
  });

  it('confirms once when the same link is used twice at the same moment', async () => {
    const body = await registrationBody(web.app);
    expect((await register(body)).statusCode).toBe(202);
    const token = await mailedToken(web.db, body.email, '/register/confirm');
    const statuses = (await Promise.all([confirm(token), confirm(token)])).map((response) => response.statusCode).sort();
    expect(statuses).toEqual([200, 410]);
    const id = (await registrationOf(body.username))!.id;
    const audit = await web.db.query("SELECT action FROM audit_log WHERE subject = $1 AND action = 'registration.confirmed'", [`registration:${id}`]);
    expect(audit.rowCount).toBe(1);
  });

  it('lets a unit see and decide only its own registrations', async () => {
    const { id } = await pendingRegistration();
    const list = (await web.app.inject({ method: 'GET', url: '/api/registrations', headers: reviewer })).json() as { id: string; unitId: string }[];
    expect(list.map((r) => r.id)).toContain(id);
    expect(new Set(list.map((r) => r.unitId))).toEqual(new Set(['130100']));
    expect((await web.app.inject({ method: 'GET', url: '/api/registrations', headers: otherReviewer })).json().map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await web.app.inject({ method: 'GET', url: `/api/registrations/${id}`, headers: otherReviewer })).statusCode).toBe(404);
    expect((await web.app.inject({ method: 'GET', url: `/api/registrations/${id}/files/licence`, headers: otherReviewer })).statusCode).toBe(404);
    expect((await web.app.inject({ method: 'POST', url: `/api/registrations/${id}/decision`, headers: otherReviewer, payload: { decision: 'approve' } })).statusCode).toBe(404);
    const file = await web.app.inject({ method: 'GET', url: `/api/registrations/${id}/files/authorisation`, headers: reviewer });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''/);
    expect((await registrationOf((await web.db.query<{ username: string }>('SELECT username FROM registration WHERE id = $1', [id])).rows[0]!.username))!.status).toBe('pending');
  });

  it('rejects with a reason (required), mails the decision, and refuses a second decision with 409', async () => {
    const { body, id } = await pendingRegistration();
    const decide = (payload: Record<string, unknown>) => web.app.inject({ method: 'POST', url: `/api/registrations/${id}/decision`, headers: reviewer, payload });
    expect((await decide({ decision: 'reject' })).statusCode).toBe(400);
    const rejected = await decide({ decision: 'reject', reason: '营业执照不清晰' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect((await decide({ decision: 'approve' })).statusCode).toBe(409);
    expect(await findAccountByUsername(web.db, body.username)).toBeUndefined();
    const mails = (await web.db.query<{ subject: string; body: string }>('SELECT subject, body FROM outbox_message WHERE recipient = $1 ORDER BY id', [body.email])).rows;
    expect(mails.at(-1)!.subject).toBe('企业账号注册未通过审核');
    expect(mails.at(-1)!.body).toContain('营业执照不清晰');
  });

  it('approves into an applicant account of the unit; a second registration of the USCC is a claim that disables the holder', async () => {
    // given an approved enterprise, signed in
    const { body, id } = await pendingRegistration();
    expect((await web.app.inject({ method: 'POST', url: `/api/registrations/${id}/decision`, headers: reviewer, payload: { decision: 'approve' } })).statusCode).toBe(200);
    const holder = await findAccountByUsername(web.db, body.username);
    expect(holder!.account).toMatchObject({ role: 'applicant', enterpriseUscc: body.uscc });
    const holderHeaders = await signIn(web.app, { username: body.username, password: body.password });
    // when another registers the same USCC
    const claimBody = await registrationBody(web.app, { uscc: body.uscc });
    const response = await register(claimBody);
    // then it is a claim; the detail names the holder
    expect(response.json()).toEqual({ kind: 'claim', email: claimBody.email });
    expect((await confirm(await mailedToken(web.db, claimBody.email, '/register/confirm'))).statusCode).toBe(200);
    const claimId = (await registrationOf(claimBody.username))!.id;
    const detail = (await web.app.inject({ method: 'GET', url: `/api/registrations/${claimId}`, headers: reviewer })).json();
    expect(detail.kind).toBe('claim');
    expect(detail.holders.map((h: { username: string }) => h.username)).toEqual([body.username]);
    // approving it disables the first holder and ends its session
    expect((await web.app.inject({ method: 'POST', url: `/api/registrations/${claimId}/decision`, headers: reviewer, payload: { decision: 'approve' } })).statusCode).toBe(200);
    expect((await findAccountByUsername(web.db, body.username))!.disabled).toBe(true);
    expect((await web.app.inject({ method: 'GET', url: '/api/session', headers: holderHeaders })).statusCode).toBe(401);
    const active = await web.db.query("SELECT username FROM account WHERE enterprise_uscc = $1 AND NOT disabled", [body.uscc]);
    expect(active.rows).toEqual([{ username: claimBody.username }]);
    const audit = await web.db.query<{ action: string; detail: { disabledHolders: string[] } }>('SELECT action, detail FROM audit_log WHERE subject = $1 AND action LIKE $2', [`registration:${claimId}`, 'registration.%approved']);
    expect(audit.rows).toEqual([expect.objectContaining({ action: 'registration.claim-approved', detail: expect.objectContaining({ disabledHolders: [body.username] }) })]);
    await signIn(web.app, { username: claimBody.username, password: claimBody.password });
  });

  it('refuses a claim filed with another unit than the holder’s home unit: that unit cannot disable the holder', async () => {
    // given an enterprise approved by its unit (130100), signed in
    const { body, id } = await pendingRegistration();
    expect((await web.app.inject({ method: 'POST', url: `/api/registrations/${id}/decision`, headers: reviewer, payload: { decision: 'approve' } })).statusCode).toBe(200);
    const holderHeaders = await signIn(web.app, { username: body.username, password: body.password });
    // and a claim of its USCC filed with another unit (130200)
    const { body: claimBody, id: claimId } = await pendingRegistration({ uscc: body.uscc, unitId: '130200' });
    const audits = await count('audit_log');
    // when that unit's reviewer approves it
    const response = await web.app.inject({ method: 'POST', url: `/api/registrations/${claimId}/decision`, headers: otherReviewer, payload: { decision: 'approve' } });
    // then it is refused and nothing changed: the holder is active and signed in, no account was made
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().message).toContain('其他单位');
    expect((await findAccountByUsername(web.db, body.username))!.disabled).toBe(false);
    expect((await web.app.inject({ method: 'GET', url: '/api/session', headers: holderHeaders })).statusCode).toBe(200);
    expect(await findAccountByUsername(web.db, claimBody.username)).toBeUndefined();
    expect((await registrationOf(claimBody.username))!.status).toBe('pending');
    expect(await count('audit_log')).toBe(audits);
    // rejecting it stays possible
    expect((await web.app.inject({ method: 'POST', url: `/api/registrations/${claimId}/decision`, headers: otherReviewer, payload: { decision: 'reject', reason: '请向所属单位注册' } })).statusCode).toBe(200);
  });
});

describe('registration rate limits', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { web = await testApp({ accountRequestsPerMinute: 2 }); });
  afterAll(() => web.close());

  it.each(['/api/registrations', '/api/registrations/confirmation', '/api/registration-files'])('answers the third request a minute to %s with 429', async (url) => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await web.app.inject({ method: 'POST', url, payload: {} })).statusCode);
    expect(statuses.slice(0, 2)).not.toContain(429);
    expect(statuses[2]).toBe(429);
  });
});
