import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newReviewer, openTestCall } from '../support/declaration.js';
import { testDatabaseUrl } from '../support/database.js';
import { testEngine } from '../support/engine.js';
import { seedLibrary } from '../support/library.js';
import { testApp } from '../support/web.js';

// Every round fires five times a cap's worth of recommendations from separate signed-in reviewers over real HTTP
// and, at the same time, raw SQL inserts from ten database connections; exactly the cap must be accepted.

const ROUNDS = 50;
const SQL_CONNECTIONS = 10;
const REVIEWERS = 10;
const UNIT = '130900'; // 沧州

describe('caps under concurrent recommendations', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let base: string;
  const connections: pg.Client[] = [];
  const reviewers: Record<string, string>[] = [];
  const { client: engine } = testEngine();
  beforeAll(async () => {
    web = await testApp();
    base = await web.app.listen({ host: '127.0.0.1', port: 0 });
    for (let i = 0; i < SQL_CONNECTIONS; i++) {
      const connection = new pg.Client({ connectionString: testDatabaseUrl(), options: '-c search_path=app' });
      await connection.connect();
      connections.push(connection);
    }
    for (let i = 0; i < REVIEWERS; i++) reviewers.push(await newReviewer(web.app, web.db, UNIT));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.end()));
    await web.close();
  });

  it(`accepts exactly the cap in each of ${ROUNDS} rounds`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      // given: even rounds cap the unit at 2 by indicator; odd rounds rely on the one-city-platform cap
      const call = await openTestCall(web.db);
      const platformRound = round % 2 === 1;
      const cap = platformRound ? 1 : 2;
      if (!platformRound) await web.db.query("INSERT INTO unit_indicator (call_id, unit_id, target, is_cap, updated_by) VALUES ($1, $2, 2, true, 'test')", [call.id, UNIT]);
      const viaHttp = await seedLibrary(web.db, { callId: call.id, unitId: UNIT, count: 5 * cap, cityPlatform: platformRound, engine });
      const viaSql = await seedLibrary(web.db, { callId: call.id, unitId: UNIT, count: SQL_CONNECTIONS, cityPlatform: platformRound });

      // when: all at once
      const http = viaHttp.map(async (entry, i) => {
        const response = await fetch(`${base}/api/recommendations`, {
          method: 'POST',
          headers: { ...reviewers[i % REVIEWERS]!, 'content-type': 'application/json' },
          body: JSON.stringify({ applicationId: entry.id, opinion: `第${round}轮` }),
        });
        return response.status;
      });
      const sql = viaSql.map((entry, i) =>
        connections[i]!.query(
          'INSERT INTO recommendation (call_id, unit_id, application_id, is_city_platform, opinion, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
          [call.id, UNIT, entry.id, platformRound, 'SQL', 'sql'],
        ).then(() => 'accepted', (error: pg.DatabaseError) => error.constraint ?? error.message),
      );
      const [httpResults, sqlResults] = await Promise.all([Promise.all(http), Promise.all(sql)]);

      // then
      const active = await web.db.query('SELECT count(*)::int AS n FROM recommendation WHERE call_id = $1 AND unit_id = $2 AND active', [call.id, UNIT]);
      const accepted = httpResults.filter((s) => s === 201).length + sqlResults.filter((r) => r === 'accepted').length;
      expect({ round, active: active.rows[0].n, accepted }).toEqual({ round, active: cap, accepted: cap });
      expect(httpResults.every((s) => s === 201 || s === 409), `round ${round}: ${httpResults}`).toBe(true);
      const expectedConstraint = platformRound ? 'recommendation_one_city_platform_per_unit' : 'recommendation_indicator_cap';
      expect(sqlResults.every((r) => r === 'accepted' || r === expectedConstraint), `round ${round}: ${sqlResults}`).toBe(true);
    }
  }, 600_000);
});
