import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '../../platform/database.js';
import { findCall } from '../../store/call-repository.js';
import { DEMO_INDICATOR_AUTHOR, keepDemoCallOpen } from '../../store/demo-call.js';
import { listIndicators, setIndicator } from '../../store/recommendation-repository.js';
import { testDatabaseUrl } from '../support/database.js';

const DAY = 86_400_000;

describe('the demo call', () => {
  const db = createPool(testDatabaseUrl());
  afterAll(() => db.end());

  it('is seeded open, kept while it has time left, and moved forward when it runs short', async () => {
    // given: a first start
    const first = new Date('2031-03-01T00:00:00Z');
    await keepDemoCallOpen(db, first);
    const seeded = (await findCall(db, 'demo'))!;
    expect(seeded.opensAt < first && first < seeded.enterpriseDeadline).toBe(true);
    // when: restarted ten days later — still open for three weeks
    await keepDemoCallOpen(db, new Date(first.getTime() + 10 * DAY));
    expect((await findCall(db, 'demo'))!.enterpriseDeadline).toEqual(seeded.enterpriseDeadline);
    // when: restarted when fewer than seven days remain
    const late = new Date(first.getTime() + 25 * DAY);
    await keepDemoCallOpen(db, late);
    const moved = (await findCall(db, 'demo'))!;
    expect(moved.enterpriseDeadline.getTime()).toBe(late.getTime() + 30 * DAY);
  });

  it('carries sample indicators for every unit, summing to at least the province floor, and keeps those the province set', async () => {
    // given: a start seeded the call
    await keepDemoCallOpen(db, new Date('2031-03-01T00:00:00Z'));
    const call = (await findCall(db, 'demo'))!;
    const seeded = await listIndicators(db, 'demo');
    expect(seeded).toHaveLength(14);
    expect(seeded.reduce((sum, i) => sum + i.target, 0)).toBeGreaterThanOrEqual(call.provinceFloor);
    expect((await db.query('SELECT DISTINCT updated_by FROM unit_indicator WHERE call_id = $1', ['demo'])).rows).toEqual([{ updated_by: DEMO_INDICATOR_AUTHOR }]);
    // when: the province changes one and the demo starts again
    await setIndicator(db, 'demo', { unitId: '130200', target: 3, isCap: true }, 'province');
    await keepDemoCallOpen(db, new Date('2031-03-02T00:00:00Z'));
    // then: its value stays
    expect((await listIndicators(db, 'demo')).find((i) => i.unitId === '130200')).toEqual({ unitId: '130200', target: 3, isCap: true });
  });
});
