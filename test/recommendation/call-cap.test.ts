import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testDatabaseUrl } from '../support/database.js';
import { openTestCall, waitForStatus } from '../support/declaration.js';
import { testEngine, waitFor } from '../support/engine.js';
import { seedLibrary } from '../support/library.js';
import { createPool, type Pool } from '../../platform/database.js';

// The direction capped at one per unit is the call's: a year that caps another direction is held to it on the
// engine's own path (an operator completing the task in the Tasklist), and the refusal names that direction.

describe('a call that caps another direction at one per unit', () => {
  const { client } = testEngine();
  let db: Pool;
  beforeAll(() => {
    db = createPool(testDatabaseUrl(), 2);
  });
  afterAll(() => db.end());

  const recommendInEngine = async (applicationId: string) => {
    const processInstanceId = (await db.query('SELECT process_instance_id FROM application WHERE id = $1', [applicationId])).rows[0].process_instance_id as string;
    const task = await waitFor('the recommendation task', async () =>
      (await client.request('GET', `/task?processInstanceId=${processInstanceId}&taskDefinitionKey=CityRecommendation`, { schema: z.array(z.object({ id: z.string() })) }))[0]);
    await client.request('POST', `/task/${task.id}/complete`, { json: { variables: { recommendDecision: { value: 'recommend' }, recommendationOpinion: { value: '直接推荐' } } }, schema: z.unknown() });
    return { processInstanceId, taskId: task.id };
  };

  it('recommends one 数字化管理 project of a unit and sends the second back naming 数字化管理, while city platforms go uncapped', async () => {
    // given: a call capping 数字化管理 instead of the city platform; two such projects and two city platforms in 邢台's library
    const call = await openTestCall(db, new Date(), { directionCappedAtOnePerUnit: 'mode-digital-management' });
    const [first, second] = await seedLibrary(db, { callId: call.id, unitId: '130500', count: 2, engine: client });
    const platforms = await seedLibrary(db, { callId: call.id, unitId: '130500', count: 2, cityPlatform: true, engine: client });
    // when: an operator recommends all four in the engine's own Tasklist
    await recommendInEngine(first!.id);
    await waitForStatus(db, first!.id, 'recommended');
    const refused = await recommendInEngine(second!.id);
    for (const platform of platforms) await recommendInEngine(platform.id);
    // then
    const taskAfter = await waitFor('the refused task to come back', async () => {
      const tasks = await client.request('GET', `/task?processInstanceId=${refused.processInstanceId}&taskDefinitionKey=CityRecommendation`, { schema: z.array(z.object({ id: z.string() })) });
      return tasks[0]?.id !== refused.taskId ? tasks[0] : undefined;
    });
    const refusal = await client.request('GET', `/task/${taskAfter.id}/variables/recommendationRefusal`, { schema: z.object({ value: z.string() }) });
    expect(refusal.value).toBe('每个推荐单位最多推荐1个数字化管理，本单位已推荐。');
    for (const platform of platforms) await waitForStatus(db, platform.id, 'recommended');
    const active = await db.query<{ n: number; capped: number }>(
      'SELECT count(*)::int AS n, count(*) FILTER (WHERE is_city_platform)::int AS capped FROM recommendation WHERE call_id = $1 AND unit_id = $2 AND active',
      [call.id, '130500'],
    );
    expect(active.rows[0]).toEqual({ n: 3, capped: 1 });
  });
});
