import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applicationStatuses } from '../../domain/application-status.js';
import type { Call } from '../../domain/call.js';
import { findApplication } from '../../store/application-repository.js';
import { cityReviewTaskOf, completeCityReview } from '../support/city-review.js';
import { createDraft, draftAndSubmit, newApplicant, newReviewer, openTestCall, sealAndSend, validModeData, waitForStatus } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { seedLibrary, type LibraryEntry } from '../support/library.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// The province's dashboards over the real engine, workers and database: the funnel of this file's own call, an
// overdue and a near-due task, and an incident a real worker raised — retried after its cause was fixed.

const HOUR = 3_600_000;
const { client, api } = testEngine();

type Headers = Record<string, string>;
type DueTask = { taskId: string; name: string; applicationNumber: string | null; unitName: string | null; callTitle: string | null; due: string };
type Incident = { incidentId: string; processInstanceId: string; applicationNumber: string | null; unitName: string | null; processName: string | null; activityName: string | null; message: string | null; details: string | null; topicName: string | null; retryable: boolean };

async function get(app: FastifyInstance, url: string, headers: Headers) {
  return app.inject({ method: 'GET', url, headers });
}

async function workbook(app: FastifyInstance, url: string, headers: Headers) {
  const response = await get(app, url, headers);
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as never);
  return book;
}

/** A sheet's rows as plain values, header first. */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** Sets a task's due date as the tasklist would: `PUT /task/{id}` replaces every field, so the others go back as they were. */
async function setDue(taskId: string, due: Date) {
  const current = await client.request('GET', `/task/${taskId}`, { schema: z.record(z.string(), z.unknown()) });
  const keep = ['name', 'description', 'priority', 'assignee', 'owner', 'delegationState', 'followUp', 'parentTaskId', 'caseInstanceId', 'tenantId'];
  await client.request('PUT', `/task/${taskId}`, { json: { ...Object.fromEntries(keep.map((k) => [k, current[k] ?? null])), due: due.toISOString().replace('Z', '+0000') }, schema: z.unknown() });
}

async function setVariable(processInstanceId: string, name: string, value: string) {
  await client.request('PUT', `/process-instance/${processInstanceId}/variables/${name}`, { json: { value, type: 'String' }, schema: z.unknown() });
}

describe('the province dashboards', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let call: Call;
  let province: Headers;
  let provinceUser: string;
  let administrator: Headers;
  let reviewer: Headers;
  let seeded: LibraryEntry[];
  const declared = { id: '', applicationNumber: '', processInstanceId: '' };

  beforeAll(async () => {
    web = await testApp();
    call = await openTestCall(web.db);
    const officer = await createTestAccount(web.db, 'province-officer');
    provinceUser = officer.username;
    province = await signIn(web.app, officer);
    administrator = await signIn(web.app, await createTestAccount(web.db, 'administrator'));
    reviewer = await newReviewer(web.app, web.db, '130100');
    const applicant = await newApplicant(web.app, web.db);
    // two drafts, one refused (E4), one at its city's review, two in 秦皇岛's library waiting for a recommendation
    await createDraft(web.app, applicant.headers, call.id);
    await createDraft(web.app, applicant.headers, call.id);
    const refused = await draftAndSubmit(web.app, applicant.headers, call.id, await validModeData(web.app, applicant.headers, applicant.uscc, { projectType: 'other' }));
    const real = await draftAndSubmit(web.app, applicant.headers, call.id, await validModeData(web.app, applicant.headers, applicant.uscc));
    expect(real.response.statusCode, real.response.body).toBe(200);
    await waitForStatus(web.db, refused.id, 'refused');
    await sealAndSend(web.app, web.db, applicant.headers, real.id);
    const application = (await findApplication(web.db, real.id))!;
    Object.assign(declared, { id: real.id, applicationNumber: application.applicationNumber!, processInstanceId: application.processInstanceId! });
    seeded = await seedLibrary(web.db, { callId: call.id, unitId: '130300', count: 2, engine: client });
  }, 180_000);
  afterAll(() => web.close());

  it('counts the call’s applications per status, in the domain’s order, and exports the same rows', async () => {
    // when
    const response = await get(web.app, `/api/calls/${call.id}/application-funnel`, province);
    // then
    expect(response.statusCode, response.body).toBe(200);
    const funnel = response.json() as { total: number; steps: { status: string; label: string; count: number }[] };
    expect(funnel.steps.map((s) => s.status)).toEqual(Object.keys(applicationStatuses));
    const counts = Object.fromEntries(funnel.steps.filter((s) => s.count).map((s) => [s.status, s.count]));
    expect(counts).toEqual({ draft: 2, refused: 1, 'with-city': 1, 'in-city-library': 2 });
    expect(funnel.total).toBe(6);
    expect(funnel.steps.find((s) => s.status === 'with-city')!.label).toBe('市级初审中');
    // the administrator reads it too
    expect((await get(web.app, `/api/calls/${call.id}/application-funnel`, administrator)).json()).toEqual(funnel);
    // the Excel file reads back with the same rows, then the total
    const rows = rowsOf((await workbook(web.app, `/api/calls/${call.id}/application-funnel.xlsx`, province)).getWorksheet('申报状态分布')!);
    expect(rows[0]).toEqual(['状态', '申报数', '占比（%）']);
    expect(rows.slice(1, 1 + funnel.steps.length).map((r) => [r[0], r[1]])).toEqual(funnel.steps.map((s) => [s.label, s.count]));
    expect(rows[1 + funnel.steps.length]).toEqual(['合计', 6, 100]);
    expect(rows.find((r) => r[0] === '已纳入市级重点项目库')?.[2]).toBe(33.3);
    // an unknown call is answered in Chinese
    const unknown = await get(web.app, '/api/calls/no-such-call/application-funnel', province);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain('没有找到这个申报批次');
  });

  it('lists an overdue task and a task near its due date with unit and application number, and exports them', async () => {
    // given: the seeded applications' recommendation tasks, one due two hours ago, one due tomorrow
    const taskOf = async (entry: LibraryEntry) => {
      const processInstanceId = (await findApplication(web.db, entry.id))!.processInstanceId!;
      return (await api.tasks({ processInstanceId }))[0]!;
    };
    const [late, soon] = [await taskOf(seeded[0]!), await taskOf(seeded[1]!)];
    await setDue(late.id, new Date(Date.now() - 2 * HOUR));
    await setDue(soon.id, new Date(Date.now() + 24 * HOUR));
    // when
    const response = await get(web.app, '/api/dashboard/due-tasks', province);
    // then
    expect(response.statusCode, response.body).toBe(200);
    const due = response.json() as { overdue: { total: number; tasks: DueTask[] }; nearDue: { total: number; tasks: DueTask[] } };
    const overdue = due.overdue.tasks.find((t) => t.taskId === late.id);
    expect(overdue).toMatchObject({ name: '推荐至省厅', applicationNumber: seeded[0]!.applicationNumber, unitName: '秦皇岛市', callTitle: call.title });
    expect(Date.parse(overdue!.due)).toBeLessThan(Date.now());
    expect(due.nearDue.tasks.find((t) => t.taskId === soon.id)).toMatchObject({ applicationNumber: seeded[1]!.applicationNumber, unitName: '秦皇岛市' });
    expect(due.overdue.tasks.some((t) => t.taskId === soon.id)).toBe(false);
    expect(due.nearDue.tasks.some((t) => t.taskId === late.id)).toBe(false);
    expect(due.overdue.total).toBeGreaterThanOrEqual(due.overdue.tasks.length);
    // a window of one day still holds the task due tomorrow; a window beyond 30 days is refused in Chinese
    expect(((await get(web.app, '/api/dashboard/due-tasks?withinDays=1', province)).json() as typeof due).nearDue.tasks.some((t) => t.taskId === soon.id)).toBe(true);
    const tooWide = await get(web.app, '/api/dashboard/due-tasks?withinDays=90', province);
    expect(tooWide.statusCode).toBe(400);
    expect(tooWide.json().fields[0]).toMatchObject({ path: 'querystring.withinDays', message: '最多 30 天' });
    // the Excel file: one sheet per list, the same rows as the page (read back to back, retried if a task moved meanwhile)
    await waitFor('the export to match the list', async () => {
      const page = (await get(web.app, '/api/dashboard/due-tasks', province)).json() as typeof due;
      const book = await workbook(web.app, '/api/dashboard/due-tasks.xlsx', province);
      const overdueRows = rowsOf(book.getWorksheet('已逾期任务')!);
      const nearRows = rowsOf(book.getWorksheet('即将到期任务')!);
      expect(overdueRows[0]).toEqual(['任务', '申报编号', '项目名称', '推荐单位', '申报批次', '办理人', '创建时间', '到期时间', '已逾期（天）']);
      const same = (rows: unknown[][], tasks: DueTask[]) => JSON.stringify(rows.slice(1).map((r) => [r[0], r[1] || null, r[3] || null])) === JSON.stringify(tasks.map((t) => [t.name, t.applicationNumber, t.unitName]));
      return same(overdueRows, page.overdue.tasks) && same(nearRows, page.nearDue.tasks) ? { overdueRows } : undefined;
    }, 15_000).then(({ overdueRows }) => {
      const row = overdueRows.find((r) => r[1] === seeded[0]!.applicationNumber)!;
      expect(row[3]).toBe('秦皇岛市');
      expect(row[8]).toBeGreaterThan(0);
    });
  });

  it('lists the incident a failing worker raised, with its message and details; a retry after the fix lets the instance go on, and is audited', async () => {
    // given: the application's process points at a record that does not exist, so recording the city's pass fails
    await setVariable(declared.processInstanceId, 'applicationId', randomUUID());
    const completed = await completeCityReview(web.app, reviewer, await cityReviewTaskOf(web.app, reviewer, declared.id), { cityDecision: 'pass', cityOpinion: '同意纳入。' });
    expect(completed.statusCode, completed.body).toBe(204);
    // when: the worker's retries (3, from 200 ms) run out
    const incidentOf = async (headers: Headers) => ((await get(web.app, '/api/dashboard/incidents', headers)).json() as { incidents: Incident[] }).incidents.find((i) => i.processInstanceId === declared.processInstanceId);
    const incident = await waitFor('the incident', () => incidentOf(province), 30_000);
    // then: listed with its application, unit, step, message and the worker's details
    expect(incident).toMatchObject({
      applicationNumber: declared.applicationNumber, unitName: '石家庄市', processName: '重点项目申报（企业申报与市级初审）', activityName: '纳入市级重点项目库',
      topicName: 'application-status', retryable: true,
    });
    expect(incident.message).toContain('is not a submitted application');
    expect(incident.details).toContain('is not a submitted application');
    expect(incident.details).toMatch(/\n\s+at /); // the stack the adapter reported
    // the administrator sees it but may not retry; the Excel file lists it with its message
    expect((await incidentOf(administrator))?.incidentId).toBe(incident.incidentId);
    expect((await web.app.inject({ method: 'POST', url: `/api/dashboard/incidents/${incident.incidentId}/retry`, headers: administrator })).statusCode).toBe(403);
    const exported = rowsOf((await workbook(web.app, '/api/dashboard/incidents.xlsx', province)).getWorksheet('流程异常')!);
    expect(exported[0]).toEqual(['发生时间', '流程', '环节', '申报编号', '项目名称', '推荐单位', '申报批次', '错误信息', '错误详情', '异常编号']);
    expect(exported.find((r) => r[9] === incident.incidentId)).toEqual(expect.arrayContaining(['纳入市级重点项目库', declared.applicationNumber, '石家庄市', call.title, incident.message]));

    // when: retried before the cause is fixed, the step fails once more and a new incident stands
    const early = await web.app.inject({ method: 'POST', url: `/api/dashboard/incidents/${incident.incidentId}/retry`, headers: province });
    expect(early.statusCode, early.body).toBe(204);
    const again = await waitFor('the incident to come back', async () => {
      const found = await incidentOf(province);
      return found && found.incidentId !== incident.incidentId ? found : undefined;
    }, 30_000);
    expect(again.message).toContain('is not a submitted application');
    // the first incident is resolved: retrying it again is answered in Chinese
    const stale = await web.app.inject({ method: 'POST', url: `/api/dashboard/incidents/${incident.incidentId}/retry`, headers: province });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'INCIDENT_RESOLVED', message: expect.stringContaining('请刷新列表') });

    // when: the cause is fixed and the officer retries
    await setVariable(declared.processInstanceId, 'applicationId', declared.id);
    const retried = await web.app.inject({ method: 'POST', url: `/api/dashboard/incidents/${again.incidentId}/retry`, headers: province });
    expect(retried.statusCode, retried.body).toBe(204);
    // then: the step runs, the application enters the city's library and the process waits for the recommendation
    await waitForStatus(web.db, declared.id, 'in-city-library', 30_000);
    await waitFor('the recommendation task', async () => (await api.tasks({ processInstanceId: declared.processInstanceId, taskDefinitionKey: 'CityRecommendation' }))[0]);
    expect(await incidentOf(province)).toBeUndefined();
    // each retry is in the audit log: who, which step, which application
    const audit = await web.db.query<{ actor: string; detail: Record<string, unknown> }>(
      "SELECT actor, detail FROM audit_log WHERE subject = $1 AND action = 'incident.retried' ORDER BY id", [`process-instance:${declared.processInstanceId}`]);
    expect(audit.rows.map((r) => r.actor)).toEqual([provinceUser, provinceUser]);
    expect(audit.rows[1]!.detail).toMatchObject({ incidentId: again.incidentId, incidentType: 'failedExternalTask', activityId: 'MarkInCityLibrary', applicationNumber: declared.applicationNumber, retries: 1 });
    // and the funnel moved with it
    const funnel = (await get(web.app, `/api/calls/${call.id}/application-funnel`, province)).json() as { steps: { status: string; count: number }[] };
    expect(funnel.steps.find((s) => s.status === 'in-city-library')?.count).toBe(3);
    expect(funnel.steps.find((s) => s.status === 'with-city')?.count).toBe(0);
  });

  it('answers a malformed incident id with a Chinese field message', async () => {
    const response = await web.app.inject({ method: 'POST', url: '/api/dashboard/incidents/not%20an%20id/retry', headers: province });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0]).toMatchObject({ path: 'params.incidentId', message: '须为流程异常编号' });
  });
});
