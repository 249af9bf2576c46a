import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '../../platform/database.js';
import { findCall } from '../../store/call-repository.js';
import { keepDemoCallOpen } from '../../store/demo-call.js';
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
});
