import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationStatuses } from '../../domain/application-status.js';
import type { Call } from '../../domain/call.js';
import { defaultNoticeTexts, type NoticeTexts } from '../../domain/notice-texts.js';
import { manualClock } from '../../platform/clock.js';
import { batchReminders } from '../../workers/topics/batch-reminders.js';
import { testWorkerDeps } from '../support/workers.js';
import { draftAndSubmit, newApplicant, openTestCall, validModeData, waitForStatus } from '../support/declaration.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// A call's notice texts edited as versions: a new application of the call is told in the edited words, in its
// in-app message and its mail, and the notice records the version; another call's applications keep their texts.
// A text with a placeholder it may not use is refused, naming the text and the placeholder, and nothing changes.

type Headers = Record<string, string>;
type Answer = { version: number; texts: NoticeTexts; versions: { version: number; createdBy: string; texts: NoticeTexts }[]; catalogue: { key: string; placeholders: { name: string }[] }[]; saved?: boolean };

describe('a call’s notice texts', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let edited: Call;
  let other: Call;
  let province: Headers;
  let officer: string;
  const get = async (callId: string) => (await web.app.inject({ method: 'GET', url: `/api/calls/${callId}/notice-texts`, headers: province })).json() as Answer;
  const put = (callId: string, baseVersion: number, texts: NoticeTexts) => web.app.inject({ method: 'PUT', url: `/api/calls/${callId}/notice-texts`, headers: province, payload: { baseVersion, texts } });
  const stored = async (callId: string) => ({
    call: (await web.db.query('SELECT notice_texts FROM call WHERE id = $1', [callId])).rows[0],
    versions: (await web.db.query('SELECT version, texts, created_by FROM notice_text_version WHERE call_id = $1 ORDER BY version', [callId])).rows,
    audits: (await web.db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'notice-texts.saved' AND subject = $1", [`call:${callId}`])).rows[0].n as number,
  });
  const body = '【{status}】贵单位的“{projectName}”（{applicationNumber}）有新进展。';
  const sealedScansRequest = '请打印申报材料并加盖公章（{projectName}）。';

  beforeAll(async () => {
    web = await testApp();
    edited = await openTestCall(web.db);
    other = await openTestCall(web.db);
    const account = await createTestAccount(web.db, 'province-officer');
    officer = account.username;
    province = await signIn(web.app, account);
  }, 120_000);
  afterAll(() => web.close());

  it('starts each new call at version 1 with its texts, the catalogue giving each text its placeholders', async () => {
    // when
    const answer = await get(other.id);
    // then
    expect(answer.version).toBe(1);
    expect(answer.texts).toEqual(defaultNoticeTexts);
    expect(answer.versions).toEqual([expect.objectContaining({ version: 1, createdBy: 'system', texts: defaultNoticeTexts })]);
    expect(answer.catalogue.find((entry) => entry.key === 'batchReminderBody')?.placeholders.map((p) => p.name)).toEqual(['callTitle', 'unitName', 'deadline']);
  });

  it('refuses an unknown placeholder, an unbalanced brace, an empty text and a line break in the subject, naming each text, and changes nothing', async () => {
    // given
    const before = await stored(edited.id);
    // when
    const response = await put(edited.id, 1, { ...defaultNoticeTexts, body: '项目{projectTitle}已更新', reason: '原因：{reason', correctionDue: '', title: '编号 {applicationNumber}\r\nBcc: a@example.com' });
    // then
    expect(response.statusCode, response.body).toBe(400);
    const fields = (response.json() as { fields: { path: string; message: string }[] }).fields;
    expect(fields).toEqual(expect.arrayContaining([
      { path: 'body.texts.body', message: '申报状态变更通知·正文：不认识的占位符：{projectTitle}；可用：{applicationNumber}、{projectName}、{status}' },
      { path: 'body.texts.reason', message: expect.stringMatching(/^申报状态变更通知·原因行：第 4 个字处的“\{”没有配对/) },
      { path: 'body.texts.correctionDue', message: '申报状态变更通知·补正期限行：不能为空' },
      { path: 'body.texts.title', message: expect.stringContaining('申报状态变更通知·标题：不能换行') },
    ]));
    expect(fields).toHaveLength(4);
    expect(await stored(edited.id)).toEqual(before);
  });

  it('saves an edit as the next version, audited, and refuses a save made from an older version', async () => {
    // when
    const response = await put(edited.id, 1, { ...defaultNoticeTexts, body, sealedScansRequest, withdrawalTitle: '撤回：{projectName}（{enterpriseName}）', applicantWithdrawalReason: '企业申请撤回（{reason}）', batchReminderTitle: '提醒：{unitName}请于 {deadline} 前报送' });
    // then
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json() as Answer;
    expect(answer).toMatchObject({ saved: true, version: 2, texts: { body, sealedScansRequest } });
    expect(answer.versions.map((v) => [v.version, v.createdBy])).toEqual([[2, officer], [1, 'system']]);
    const after = await stored(edited.id);
    expect(after.call.notice_texts).toEqual(answer.texts);
    expect(after.audits).toBe(1);
    // when: a save from version 1 again, and a save that changes nothing
    const stale = await put(edited.id, 1, { ...answer.texts, footer: '' });
    const same = await put(edited.id, 2, answer.texts);
    // then
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().message).toContain('第 2 版');
    expect(same.json()).toMatchObject({ saved: false, version: 2 });
    expect(await stored(edited.id)).toEqual(after);
    // versions are history
    await expect(web.db.query('UPDATE notice_text_version SET texts = $2 WHERE call_id = $1', [edited.id, '{}'])).rejects.toThrow(/never changed/);
  });

  it('tells a new application of the call in the edited words, in the message and the mail, recording the version; another call’s in its own', async () => {
    // given: an application in each call
    const applicant = await newApplicant(web.app, web.db);
    const inEdited = await draftAndSubmit(web.app, applicant.headers, edited.id, await validModeData(web.app, applicant.headers, applicant.uscc));
    const inOther = await draftAndSubmit(web.app, applicant.headers, other.id, await validModeData(web.app, applicant.headers, applicant.uscc));
    // when: both pass the checks and are asked for their sealed scans
    const application = await waitForStatus(web.db, inEdited.id, 'awaiting-sealed-scans');
    await waitForStatus(web.db, inOther.id, 'awaiting-sealed-scans');
    // then
    const notices = async (id: string) => (await web.db.query<{ title: string; body: string; notice_call_id: string; notice_text_version: number; mail_subject: string; mail_body: string; mail_call_id: string; mail_version: number }>(
      `SELECT m.title, m.body, m.notice_call_id, m.notice_text_version, o.subject AS mail_subject, o.body AS mail_body, o.notice_call_id AS mail_call_id, o.notice_text_version AS mail_version
         FROM in_app_message m JOIN outbox_message o ON o.event_key = m.event_key WHERE m.application_id = $1`, [id])).rows;
    const [notice] = await notices(inEdited.id);
    const projectName = application.data.projectName as string;
    expect(notice!.body.split('\n').slice(0, 2)).toEqual([
      `【${applicationStatuses['awaiting-sealed-scans']}】贵单位的“${projectName}”（${application.applicationNumber}）有新进展。`,
      `原因：请打印申报材料并加盖公章（${projectName}）。`,
    ]);
    expect(notice).toMatchObject({ mail_subject: notice!.title, mail_body: notice!.body, notice_call_id: edited.id, notice_text_version: 2, mail_call_id: edited.id, mail_version: 2 });
    const [otherNotice] = await notices(inOther.id);
    expect(otherNotice!.body).toContain('状态已更新为：');
    expect(otherNotice!.body).toContain('原因：申报材料已通过自动审查。');
    expect(otherNotice).toMatchObject({ mail_body: otherNotice!.body, notice_call_id: other.id, notice_text_version: 1, mail_version: 1 });
    // when: the applicant withdraws the edited call's application, its unit is told in the call's words
    const withdrawn = await web.app.inject({ method: 'POST', url: `/api/applications/${inEdited.id}/withdrawal`, headers: applicant.headers, payload: { reason: '计划调整' } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(204);
    const unitMessage = (await web.db.query("SELECT title, notice_text_version FROM in_app_message WHERE application_id = $1 AND unit_id = '130100'", [inEdited.id])).rows;
    expect(unitMessage).toEqual([{ title: `撤回：${projectName}（石家庄示例装备制造有限公司）`, notice_text_version: 2 }]);
    // and the applicant's history and notice give the reason as the call words it
    const history = (await web.app.inject({ method: 'GET', url: `/api/applications/${inEdited.id}/status`, headers: applicant.headers })).json() as { history: { status: string; reason: string | null }[] };
    expect(history.history.at(-1)).toMatchObject({ status: 'withdrawn', reason: '企业申请撤回（计划调整）' });
    const withdrawnNotice = (await web.db.query("SELECT body FROM in_app_message WHERE application_id = $1 AND event_key LIKE '%:withdrawn:%'", [inEdited.id])).rows;
    expect(withdrawnNotice).toEqual([{ body: expect.stringContaining('原因：企业申请撤回（计划调整）') }]);
  }, 90_000);

  it('reminds the units in the call’s words, recording the version', async () => {
    // given: the edited call's units' deadline two days away (a day no other test's call has)
    const deadline = new Date('2047-03-15T15:59:59Z');
    await web.db.query('UPDATE call SET city_deadline = $2, enterprise_deadline = $3 WHERE id = $1', [edited.id, deadline, new Date(deadline.getTime() - 10 * 86_400_000)]);
    const clock = manualClock(new Date(deadline.getTime() - 2 * 86_400_000));
    // when
    await batchReminders.handle({ daysBefore: 3 }, { ...testWorkerDeps(web.db, 'notice-texts'), clock }, { externalTaskId: 'x', processInstanceId: 'x', processDefinitionId: 'x', businessKey: null, activityId: 'x' });
    // then
    const reminders = (await web.db.query("SELECT title, notice_call_id, notice_text_version FROM in_app_message WHERE event_key LIKE $1 AND unit_id = '130200'", [`batch-reminder:${edited.id}:%`])).rows;
    expect(reminders).toEqual([{ title: '提醒：唐山市请于 2047-03-15 23:59 前报送', notice_call_id: edited.id, notice_text_version: 2 }]);
  });

  it('previews given texts with sample values, as messages and as mail, listing the problems a save would meet, and saves nothing', async () => {
    // given
    const before = await stored(other.id);
    // when
    const response = await web.app.inject({ method: 'POST', url: `/api/calls/${other.id}/notice-texts/preview`, headers: province, payload: { texts: { ...defaultNoticeTexts, body: '{projectName}：{status}', footer: '{sender}' } } });
    // then
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json() as { samples: { notice: string; inApp: { title: string; body: string }; mail: { subject: string; body: string } | null }[]; problems: { key: string; placeholder: string | null }[] };
    expect(preview.samples[0]!.inApp.body.split('\n')[0]).toBe('智能排产示范项目：待补正');
    expect(preview.samples[0]!.mail).toEqual({ subject: preview.samples[0]!.inApp.title, body: preview.samples[0]!.inApp.body });
    expect(preview.samples.find((s) => s.notice === 'batch-reminder')!.mail).toBeNull();
    expect(preview.problems).toEqual([expect.objectContaining({ key: 'footer', placeholder: 'sender' })]);
    expect(await stored(other.id)).toEqual(before);
  });

  it('lets only one of two saves made at once from the same version through', async () => {
    // given
    const call = await openTestCall(web.db);
    // when
    const answers = await Promise.all(['甲', '乙'].map((mark) => put(call.id, 1, { ...defaultNoticeTexts, footer: `${mark}：此邮件由平台自动发送。` })));
    // then
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.statusCode === 200)!.json() as Answer;
    expect((await stored(call.id)).versions.map((v) => v.version)).toEqual([1, 2]);
    expect((await stored(call.id)).call.notice_texts.footer).toBe(winner.texts.footer);
  });

  it('answers 404 for a call that does not exist', async () => {
    expect((await web.app.inject({ method: 'GET', url: '/api/calls/no-such-call/notice-texts', headers: province })).statusCode).toBe(404);
    expect((await put('no-such-call', 1, defaultNoticeTexts)).statusCode).toBe(404);
  });
});
