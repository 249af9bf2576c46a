import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool } from '../../platform/database.js';
import { foreignReferences, insertAttachment } from '../../store/attachment-repository.js';
import { testDatabaseUrl } from '../support/database.js';
import { randomUscc } from '../support/declaration.js';

// The one ownership check of attachment references, against the real PostgreSQL.

describe('which attachment references a caller may use', () => {
  let db: Pool;
  let accountId: number;
  beforeAll(async () => {
    db = createPool(testDatabaseUrl(), 2);
    accountId = Number((await db.query<{ id: string }>('SELECT id FROM account ORDER BY id LIMIT 1')).rows[0]!.id);
  });
  afterAll(() => db.end());

  const stored = async (owner: { uscc?: string; unitId?: string }, mediaType = 'application/pdf', uploadedBy = accountId) => {
    const sha256 = randomUUID().replaceAll('-', '').repeat(2);
    const attachment = await insertAttachment(db, {
      id: randomUUID(), ownerUscc: owner.uscc ?? null, ownerUnitId: owner.unitId ?? null, uploadedBy, fileName: 'a.pdf', mediaType, sizeBytes: 1, sha256, storageKey: randomUUID(), replaces: null,
    });
    return { path: attachment.id, ref: { id: attachment.id, fileName: 'a.pdf', sha256: attachment.sha256.toUpperCase() } };
  };

  it('refuses another owner’s file, a missing one and a wrong digest, and keeps the owner’s own', async () => {
    // given
    const uscc = randomUscc();
    const own = await stored({ uscc });
    const others = await stored({ uscc: randomUscc() });
    const missing = { path: 'missing', ref: { id: randomUUID(), fileName: 'x.pdf', sha256: 'a'.repeat(64) } };
    const forged = { ...own, path: 'forged', ref: { ...own.ref, sha256: 'b'.repeat(64) } };
    // when
    const foreign = await foreignReferences(db, [own, others, missing, forged], { uscc });
    // then
    expect(foreign.map((reference) => reference.path)).toEqual([others.path, 'missing', 'forged']);
  });

  it('holds a unit’s files to the unit, and with scansOnly refuses a file that is no scan', async () => {
    const scan = await stored({ unitId: '130200' }, 'image/png');
    const sheet = await stored({ unitId: '130200' }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await foreignReferences(db, [scan, sheet], { unitId: '130200' })).toEqual([]);
    expect(await foreignReferences(db, [scan, sheet], { unitId: '130300' })).toEqual([scan, sheet]);
    expect(await foreignReferences(db, [scan, sheet], { unitId: '130200' }, { scansOnly: true })).toEqual([sheet]);
  });

  it('lets an account use its own uploads or its unit’s', async () => {
    const mine = await stored({ uscc: randomUscc() });
    const unit = await stored({ unitId: '130400' });
    expect(await foreignReferences(db, [mine, unit], { accountId, unitId: '130400' })).toEqual([]);
    expect(await foreignReferences(db, [mine, unit], { accountId: accountId + 100_000, unitId: null })).toEqual([mine, unit]);
  });
});
