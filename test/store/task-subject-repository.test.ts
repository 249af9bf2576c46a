import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '../../platform/database.js';
import type { RuleOutcome } from '../../domain/eligibility/rule.js';
import { storeRuleOutcomes } from '../../store/application-repository.js';
import { applicationsOfInstances } from '../../store/task-subject-repository.js';
import { testDatabaseUrl } from '../support/database.js';
import { openTestCall } from '../support/declaration.js';
import { seedLibrary } from '../support/library.js';

// The tasklist's subjects count the warnings of each application's latest check round only: a warning the applicant
// corrected away in a later round is no longer the reviewer's to judge. One query for the whole list.

const warning = (reason: string): RuleOutcome => ({ ruleId: 'E1', result: 'warning', reason, field: 'declaredUnit' });
const pass: RuleOutcome = { ruleId: 'E1', result: 'pass' };

describe('the tasklist subjects', () => {
  const db = createPool(testDatabaseUrl());
  afterAll(() => db.end());

  it('count the warnings of the latest check round of each application', async () => {
    // given: three applications of one list: warned twice, warned then corrected, never checked
    const call = await openTestCall(db);
    const [twice, corrected, unchecked] = await seedLibrary(db, { callId: call.id, unitId: '130400', count: 3 });
    const instances = new Map<string, string>();
    for (const entry of [twice!, corrected!, unchecked!]) {
      instances.set(entry.id, randomUUID());
      await db.query('UPDATE application SET process_instance_id = $2 WHERE id = $1', [entry.id, instances.get(entry.id)]);
    }
    const at = new Date();
    await storeRuleOutcomes(db, twice!.id, 1, [pass, warning('属地原则'), warning('校验位')], at);
    await storeRuleOutcomes(db, corrected!.id, 1, [pass, warning('属地原则'), { ruleId: 'E7', result: 'correction', reason: '请上传备案文件' }], at);
    await storeRuleOutcomes(db, corrected!.id, 2, [pass], at);

    // when
    const subjects = await applicationsOfInstances(db, [...instances.values()]);

    // then
    const countOf = (id: string) => subjects.find((subject) => subject.id === id)?.warningCount;
    expect([countOf(twice!.id), countOf(corrected!.id), countOf(unchecked!.id)]).toEqual([2, 0, 0]);
  });
});
