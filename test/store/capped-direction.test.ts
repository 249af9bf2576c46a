import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '../../platform/database.js';
import { findApplication } from '../../store/application-repository.js';
import { declaresCappedDirection } from '../../store/recommendation-repository.js';
import { testDatabaseUrl } from '../support/database.js';
import { openTestCall } from '../support/declaration.js';
import { seedLibrary } from '../support/library.js';

// Which direction is capped at one per unit is the call's: the shipped city platform, another a year names, or none.

describe('the direction a call caps at one per unit', () => {
  const db = createPool(testDatabaseUrl(), 2);
  afterAll(() => db.end());

  const declares = async (cap: string | null | undefined, cityPlatform: boolean) => {
    const call = await openTestCall(db, new Date(), cap === undefined ? {} : { directionCappedAtOnePerUnit: cap });
    const [entry] = await seedLibrary(db, { callId: call.id, unitId: '130900', count: 1, cityPlatform });
    return declaresCappedDirection(db, (await findApplication(db, entry!.id))!);
  };

  it.each([
    ['the shipped cap', undefined, true, true],
    ['the shipped cap', undefined, false, false],
    ['a year that caps digital management instead', 'mode-digital-management', false, true],
    ['a year that caps digital management instead', 'mode-digital-management', true, false],
    ['a year that caps none', null, true, false],
  ])('%s (cap: %s): declared as a city platform %s, counts as capped %s', async (_case, cap, cityPlatform, expected) => {
    expect(await declares(cap, cityPlatform)).toBe(expected);
  });
});
