import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../platform/database.js';
import { openTestCall } from '../support/declaration.js';
import { waitFor } from '../support/engine.js';
import { seedProjects } from '../support/library-projects.js';
import { provinceAccount } from '../support/project-fixture.js';
import { createTestAccount, testApp } from '../support/web.js';
import { startWebProcess, type WebProcess } from '../support/web-process.js';

// Draws for one session at once can never put an expert twice on a panel nor past the load bound: through two web
// server processes (one draw wins, the other is refused), and through HTTP beside raw SQL (the session's row lock
// orders them; the unique key refuses a second seat of one expert on one panel whatever writes it). A draw short of
// conflict-free experts names the shortfall and assigns nothing.

// A direction no other test's experts review: this file's pool is the only one for it.
const DIRECTION = 'experience-center';

describe('panel draws under concurrency', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let servers: [WebProcess, WebProcess];
  let officer: { username: string; password: string };
  let callId: string;
  const experts: string[] = [];
  beforeAll(async () => {
    web = await testApp();
    servers = await Promise.all([startWebProcess(), startWebProcess()]);
    officer = await createTestAccount(web.db, 'province-officer');
    callId = (await openTestCall(web.db)).id;
    const { headers } = await provinceAccount(web);
    for (let i = 0; i < 6; i++) {
      const account = await createTestAccount(web.db, 'expert');
      const created = await web.app.inject({ method: 'POST', url: '/api/experts', headers, payload: {
        name: `并发专家${randomBytes(3).toString('hex')}`, organisation: `燕山大学${randomBytes(3).toString('hex')}`, organisationUscc: null, homeUnitId: '131000',
        fields: [DIRECTION], title: '研究员', phone: `138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, email: 'e@example.test', relationships: [],
        accountUsername: account.username,
      } });
      expect(created.statusCode, created.body).toBe(201);
      experts.push((created.json() as { id: string }).id);
    }
  }, 180_000);
  afterAll(async () => {
    await Promise.all(servers?.map((server) => server.stop()) ?? []);
    await web.close();
  });

  const projectsOf = async (count: number) => {
    const seeded = [];
    for (const unitId of ['130100', '130200', '130300', '130400'].slice(0, count)) {
      seeded.push(...(await seedProjects(web.db, { callId, unitId, projects: [{ projectName: `体验中心项目${randomBytes(2).toString('hex')}`, direction: DIRECTION, template: 'experience-center', status: 'admitted' }] })));
    }
    return seeded.map((p) => p.projectId);
  };
  const newSession = async (projectIds: string[], panelSize: number) => {
    const headers = await servers[0].signIn(officer);
    const answer = await fetch(`${servers[0].base}/api/review-sessions`, {
      method: 'POST', headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ callId, name: `并发评审会${randomBytes(2).toString('hex')}`, direction: DIRECTION, projectIds, panelSize }),
    });
    expect(answer.status, await answer.clone().text()).toBe(201);
    return ((await answer.json()) as { sessionId: string }).sessionId;
  };
  const draw = async (server: WebProcess, sessionId: string) => {
    const headers = await server.signIn(officer);
    const answer = await fetch(`${server.base}/api/review-sessions/${sessionId}/draws`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
    return { status: answer.status, body: (await answer.json()) as { message?: string } };
  };
  const seatsOf = async (sessionId: string) =>
    (await web.db.query<{ project_id: string; expert_id: string }>('SELECT project_id, expert_id FROM panel_seat WHERE session_id = $1 AND active', [sessionId])).rows;
  const boundOf = async (sessionId: string) => (await web.db.query<{ bound: number }>('SELECT max(load_bound) AS bound FROM panel_draw WHERE session_id = $1', [sessionId])).rows[0]!.bound;
  const expectSound = async (sessionId: string, panelSize: number, projectIds: string[]) => {
    const seats = await seatsOf(sessionId);
    for (const projectId of projectIds) {
      const panel = seats.filter((s) => s.project_id === projectId).map((s) => s.expert_id);
      expect(panel).toHaveLength(panelSize);
      expect(new Set(panel).size).toBe(panelSize);
    }
    const load = new Map<string, number>();
    for (const seat of seats) load.set(seat.expert_id, (load.get(seat.expert_id) ?? 0) + 1);
    expect(Math.max(...load.values())).toBeLessThanOrEqual(await boundOf(sessionId));
  };
  const waitForCampaign = (sessionId: string) =>
    waitFor('the campaign', async () => ((await web.db.query('SELECT 1 FROM review_session WHERE id = $1 AND rubric IS NOT NULL', [sessionId])).rowCount ? true : undefined), 60_000);

  it('lets one of two simultaneous draws through two web processes win, and refuses the other', async () => {
    // given: a session of three projects, panels of three
    const projectIds = await projectsOf(3);
    const sessionId = await newSession(projectIds, 3);
    await waitForCampaign(sessionId);
    // when: both servers draw at once
    const answers = await Promise.all([draw(servers[0], sessionId), draw(servers[1], sessionId)]);
    // then: one draw, one refusal naming why; full, distinct panels within the bound
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)!.body.message).toMatch(/都已抽取评审专家/);
    expect((await web.db.query('SELECT 1 FROM panel_draw WHERE session_id = $1', [sessionId])).rowCount).toBe(1);
    await expectSound(sessionId, 3, projectIds);
  }, 120_000);

  it('orders an HTTP draw behind raw SQL holding the session, counts its seats in the bound, and the unique key refuses a second seat', async () => {
    // given: a session of three projects; a raw transaction holds the session and seats three experts on the first panel
    const projectIds = await projectsOf(3);
    const sessionId = await newSession(projectIds, 3);
    await waitForCampaign(sessionId);
    let httpDraw: Promise<{ status: number; body: { message?: string } }> | undefined;
    await withTransaction(web.db, async (client) => {
      await client.query('SELECT id FROM review_session WHERE id = $1 FOR UPDATE', [sessionId]);
      const drawId = (await client.query<{ id: string }>(
        `INSERT INTO panel_draw (session_id, kind, project_ids, seed, algorithm, algorithm_version, load_bound, record, drawn_by, drawn_at)
         VALUES ($1, 'draw', $2, $3, 'manual', 1, 3, '{}', 'sql', now()) RETURNING id`,
        [sessionId, [projectIds[0]], 'a'.repeat(64)],
      )).rows[0]!.id;
      for (const [index, expertId] of experts.slice(0, 3).entries()) {
        await client.query('INSERT INTO panel_seat (session_id, project_id, expert_id, draw_id, position) VALUES ($1, $2, $3, $4, $5)', [sessionId, projectIds[0], expertId, drawId, index + 1]);
      }
      // when: the HTTP draw starts meanwhile (it waits for the lock), and the raw transaction tries one expert twice
      httpDraw = draw(servers[1], sessionId);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await client.query('SAVEPOINT twice');
      await expect(client.query('INSERT INTO panel_seat (session_id, project_id, expert_id, draw_id, position) VALUES ($1, $2, $3, $4, 9)', [sessionId, projectIds[0], experts[0], drawId]))
        .rejects.toThrow(/panel_seat_once/);
      await client.query('ROLLBACK TO SAVEPOINT twice');
    });
    // then: the HTTP draw ran after the commit, drew only the two panels left, and kept the bound with the raw seats counted
    const answer = await httpDraw!;
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const draws = (await web.db.query<{ project_ids: string[] }>("SELECT project_ids FROM panel_draw WHERE session_id = $1 AND algorithm <> 'manual'", [sessionId])).rows;
    expect(draws.map((d) => [...d.project_ids].sort())).toEqual([[projectIds[1], projectIds[2]].sort()]);
    await expectSound(sessionId, 3, projectIds);
  }, 120_000);

  it('refuses a draw short of conflict-free experts, naming the project and the numbers, and assigns nothing', async () => {
    // given: a panel of seven over a pool of six
    const [projectId] = await projectsOf(1);
    const sessionId = await newSession([projectId!], 7);
    await waitForCampaign(sessionId);
    // when
    const answer = await draw(servers[0], sessionId);
    // then
    expect(answer.status).toBe(409);
    expect(answer.body.message).toMatch(/需7人，符合条件且无需回避的6人，缺1人/);
    expect((await web.db.query('SELECT 1 FROM panel_draw WHERE session_id = $1', [sessionId])).rowCount).toBe(0);
    expect(await seatsOf(sessionId)).toEqual([]);
  }, 120_000);
});
