import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Call } from '../../domain/call.js';
import { draftAndSubmit, newApplicant, openTestCall, sealAndSend, validModeData } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// The tasklist's API: whose tasks are listed, the filters, claiming, dates, comments and saved filters — against
// the real engine and database, with an application of its own at 石家庄's preliminary review.

type Row = { taskId: string; stage: string; stageLabel: string; due: string | null; followUp: string | null; assignee: { username: string; displayName: string } | null; subject: { applicationId: string | null; applicationNumber: string | null; template: string | null; unitId: string | null; unitName: string | null } };
type Headers = Record<string, string>;

describe('the tasklist API', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let call: Call;
  const reviewer = { username: '', headers: {} as Headers };
  const colleague = { username: '', headers: {} as Headers };
  let otherUnit: Headers;
  let province: Headers;
  let expert: Headers;
  let applicationId = '';
  let taskId = '';

  const list = async (headers: Headers, query = '') => {
    const response = await web.app.inject({ method: 'GET', url: `/api/tasks${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { tasks: Row[]; stages: { key: string; label: string }[] };
  };
  const listed = async (headers: Headers, query = '') => (await list(headers, query)).tasks.some((t) => t.taskId === taskId);
  const rowOf = async (headers: Headers) => (await list(headers)).tasks.find((t) => t.taskId === taskId);

  beforeAll(async () => {
    web = await testApp();
    call = await openTestCall(web.db);
    const applicant = await newApplicant(web.app, web.db);
    const { id } = await draftAndSubmit(web.app, applicant.headers, call.id, await validModeData(web.app, applicant.headers, applicant.uscc));
    applicationId = id;
    await sealAndSend(web.app, web.db, applicant.headers, id);
    for (const person of [reviewer, colleague]) {
      const credentials = await createTestAccount(web.db, 'city-reviewer', { unitId: '130100' });
      person.username = credentials.username;
      person.headers = await signIn(web.app, credentials);
    }
    otherUnit = await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '130200' }));
    province = await signIn(web.app, await createTestAccount(web.db, 'province-officer'));
    expert = await signIn(web.app, await createTestAccount(web.db, 'expert'));
    taskId = await waitFor('the preliminary review in the tasklist', async () => (await list(reviewer.headers)).tasks.find((t) => t.subject.applicationId === applicationId)?.taskId);
  }, 120_000);
  afterAll(() => web.close());

  it('lists the unit’s task with its Chinese stage name, and nobody outside the unit sees it', async () => {
    // when
    const mine = await list(reviewer.headers);
    // then
    const row = mine.tasks.find((t) => t.taskId === taskId)!;
    expect(row).toMatchObject({ stage: 'CityReview', stageLabel: '市级初审', assignee: null, subject: { template: 'mode-application', unitId: '130100', unitName: '石家庄市' } });
    expect(row.subject.applicationNumber).toMatch(/^\d{4}-130100-\d{4}$/);
    expect(mine.stages).toEqual(expect.arrayContaining([{ key: 'CityReview', label: '市级初审' }, { key: 'CityRecommendation', label: '推荐至省厅' }, { key: 'SubmitBatch', label: '报送推荐批次' }]));
    for (const outsider of [otherUnit, province, expert]) {
      expect(await listed(outsider)).toBe(false);
      expect((await web.app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: outsider })).statusCode).toBe(404);
    }
  });

  it('narrows the list by stage, unit, category and due date', async () => {
    // given: no due date yet
    expect(await listed(reviewer.headers, '?stage=CityReview')).toBe(true);
    expect(await listed(reviewer.headers, '?stage=CityRecommendation')).toBe(false);
    expect(await listed(reviewer.headers, '?template=mode-application')).toBe(true);
    expect(await listed(reviewer.headers, '?template=industry-platform')).toBe(false);
    expect(await listed(reviewer.headers, '?unitId=130100')).toBe(true);
    expect(await listed(reviewer.headers, '?unitId=130200')).toBe(false);
    expect(await listed(reviewer.headers, '?due=none')).toBe(true);
    expect(await listed(reviewer.headers, '?due=overdue')).toBe(false);
    // when: the task falls due yesterday
    const yesterday = new Date(Date.now() - 86_400_000);
    expect((await web.app.inject({ method: 'PUT', url: `/api/tasks/${taskId}/dates`, headers: reviewer.headers, payload: { due: yesterday.toISOString() } })).statusCode).toBe(204);
    // then
    expect(await listed(reviewer.headers, '?due=overdue')).toBe(true);
    expect(await listed(reviewer.headers, '?due=none')).toBe(false);
    expect(await listed(reviewer.headers, '?due=week')).toBe(false);
    expect(await listed(reviewer.headers, `?dueBefore=${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)}`)).toBe(true);
    expect(await listed(reviewer.headers, '?stage=CityReview&due=overdue&template=mode-application')).toBe(true);
    // and nonsense is refused with the field named
    const refused = await web.app.inject({ method: 'GET', url: '/api/tasks?due=someday&unitId=999999', headers: reviewer.headers });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields.map((f: { path: string }) => f.path).sort()).toEqual(['querystring.due', 'querystring.unitId']);
    // cleanup for the next tests: no due date
    await web.app.inject({ method: 'PUT', url: `/api/tasks/${taskId}/dates`, headers: reviewer.headers, payload: { due: null } });
  });

  it('sets due and follow-up dates in the engine, one without touching the other', async () => {
    // when
    const due = '2031-03-01T17:30:00+08:00';
    const followUp = '2031-02-20T09:00:00+08:00';
    expect((await web.app.inject({ method: 'PUT', url: `/api/tasks/${taskId}/dates`, headers: reviewer.headers, payload: { due, followUp } })).statusCode).toBe(204);
    // then: the engine has them, and the list shows them
    const { api } = testEngine();
    expect(new Date((await api.task(taskId)).due!).toISOString()).toBe(new Date(due).toISOString());
    expect(await rowOf(reviewer.headers)).toMatchObject({ due: new Date(due).toISOString(), followUp: new Date(followUp).toISOString() });
    // when: the due date is cleared
    await web.app.inject({ method: 'PUT', url: `/api/tasks/${taskId}/dates`, headers: colleague.headers, payload: { due: null } });
    // then: the follow-up date stays
    expect(await rowOf(reviewer.headers)).toMatchObject({ due: null, followUp: new Date(followUp).toISOString() });
    // and a malformed date is refused
    expect((await web.app.inject({ method: 'PUT', url: `/api/tasks/${taskId}/dates`, headers: reviewer.headers, payload: { due: '下周一' } })).statusCode).toBe(400);
  });

  it('shows who claimed a task; a colleague can neither claim nor complete it, but may release it', async () => {
    // when
    expect((await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/claim`, headers: reviewer.headers })).statusCode).toBe(204);
    // then: the assignee is listed, for the colleague too
    expect((await rowOf(colleague.headers))?.assignee?.username).toBe(reviewer.username);
    expect(await listed(colleague.headers, '?assignee=unassigned')).toBe(false);
    expect(await listed(reviewer.headers, '?assignee=mine')).toBe(true);
    expect(await listed(colleague.headers, '?assignee=mine')).toBe(false);
    // the colleague cannot take it or complete it
    const claimed = await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/claim`, headers: colleague.headers });
    expect(claimed.statusCode).toBe(409);
    expect(claimed.json().message).toContain('认领');
    const completed = await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers: colleague.headers, payload: { cityDecision: 'pass', cityOpinion: '同意。' } });
    expect(completed.statusCode).toBe(409);
    const { api } = testEngine();
    expect((await api.task(taskId)).assignee).toBe(reviewer.username);
    // claiming one's own task again changes nothing
    expect((await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/claim`, headers: reviewer.headers })).statusCode).toBe(204);
    // when: the colleague releases it
    expect((await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/unclaim`, headers: colleague.headers })).statusCode).toBe(204);
    // then
    expect((await rowOf(reviewer.headers))?.assignee).toBeNull();
    const audit = await web.db.query('SELECT actor, action FROM audit_log WHERE subject = $1 ORDER BY id', [`task:${taskId}`]);
    expect(audit.rows.filter((r) => r.action !== 'task.dates-set')).toEqual([
      { actor: reviewer.username, action: 'task.claimed' },
      { actor: colleague.username, action: 'task.released' },
    ]);
  });

  it('keeps comments in the engine with their author and time; an author cannot be forged', async () => {
    // when
    const first = await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/comments`, headers: reviewer.headers, payload: { message: '已电话联系企业核实备案情况。' } });
    expect(first.statusCode, first.body).toBe(201);
    await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/comments`, headers: colleague.headers, payload: { message: `【${reviewer.username}】我不是他` } });
    // then: both, in order, each with its author
    const comments = (await web.app.inject({ method: 'GET', url: `/api/tasks/${taskId}/comments`, headers: colleague.headers })).json() as { author: { username: string }; time: string; message: string }[];
    expect(comments.map((c) => [c.author.username, c.message])).toEqual([
      [reviewer.username, '已电话联系企业核实备案情况。'],
      [colleague.username, `【${reviewer.username}】我不是他`],
    ]);
    expect(Number.isNaN(Date.parse(comments[0]!.time))).toBe(false);
    // the engine holds them as task comments
    const { client } = testEngine();
    const stored = (await client.request('GET', `/task/${taskId}/comment`, { schema: z.array(z.object({ message: z.string() })) })).map((c) => c.message);
    expect(stored).toContain(`【${reviewer.username}】已电话联系企业核实备案情况。`);
    // an empty comment is refused; another unit cannot read them
    expect((await web.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/comments`, headers: reviewer.headers, payload: { message: '  ' } })).statusCode).toBe(400);
    expect((await web.app.inject({ method: 'GET', url: `/api/tasks/${taskId}/comments`, headers: otherUnit })).statusCode).toBe(404);
  });

  it('keeps each person’s saved filters, replaced by name, invisible to others', async () => {
    // when
    const saved = await web.app.inject({ method: 'POST', url: '/api/task-filters', headers: reviewer.headers, payload: { name: '逾期初审', criteria: { stage: 'CityReview', due: 'overdue' } } });
    expect(saved.statusCode, saved.body).toBe(201);
    const again = await web.app.inject({ method: 'POST', url: '/api/task-filters', headers: reviewer.headers, payload: { name: '逾期初审', criteria: { stage: 'CityReview', due: 'today' } } });
    // then: one filter of that name, with the later criteria
    expect(again.json().id).toBe(saved.json().id);
    const mine = (await web.app.inject({ method: 'GET', url: '/api/task-filters', headers: reviewer.headers })).json();
    expect(mine).toEqual([{ id: saved.json().id, name: '逾期初审', criteria: { stage: 'CityReview', due: 'today' } }]);
    // others see none of it and cannot delete it
    expect((await web.app.inject({ method: 'GET', url: '/api/task-filters', headers: colleague.headers })).json()).toEqual([]);
    expect((await web.app.inject({ method: 'DELETE', url: `/api/task-filters/${saved.json().id}`, headers: colleague.headers })).statusCode).toBe(404);
    // malformed criteria are refused
    const bad = await web.app.inject({ method: 'POST', url: '/api/task-filters', headers: reviewer.headers, payload: { name: 'x', criteria: { stage: 'a b', colour: 'red' } } });
    expect(bad.statusCode).toBe(400);
    // the owner deletes it
    expect((await web.app.inject({ method: 'DELETE', url: `/api/task-filters/${saved.json().id}`, headers: reviewer.headers })).statusCode).toBe(204);
    expect((await web.app.inject({ method: 'GET', url: '/api/task-filters', headers: reviewer.headers })).json()).toEqual([]);
  });
});
