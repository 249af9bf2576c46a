import type { Queryable } from '../../../platform/database.js';
import { hashPassword } from '../../../platform/password.js';
import { insertAccountIfMissing, type NewAccount } from './account-repository.js';

// Demo accounts for the embedded default, so a new user can try every role at once. Never seeded against a
// database given by DATABASE_URL unless SEED_DEMO_ACCOUNTS=true.
const demoAccounts: Omit<NewAccount, 'passwordHash'>[] = ([
  { username: 'admin', displayName: '平台管理员', role: 'administrator' },
  { username: 'province', displayName: '省厅两化融合处', role: 'province-officer' },
  { username: 'divisionhead', displayName: '两化融合处处长', role: 'division-head' },
  { username: 'finance', displayName: '财务处审核人', role: 'finance' },
  { username: 'leadership', displayName: '厅领导', role: 'leadership' },
  { username: 'expert1', displayName: '评审专家一', role: 'expert' },
  { username: 'expert2', displayName: '评审专家二', role: 'expert' },
  // 石家庄's reviewer is also its unit administrator (单位管理员): it manages its unit's reviewer accounts.
  { username: 'city130100', displayName: '石家庄市工信局', role: 'city-reviewer', unitId: '130100', unitAdmin: true },
  { username: 'city130200', displayName: '唐山市工信局', role: 'city-reviewer', unitId: '130200' },
  { username: 'cityxiongan', displayName: '雄安新区改革发展局', role: 'city-reviewer', unitId: 'xiongan' },
  { username: 'sjz.enterprise', displayName: '石家庄示例智能装备有限公司', role: 'applicant', enterpriseUscc: '91130100MA0A1B2C31' },
  { username: 'ts.enterprise', displayName: '唐山示例钢铁集团有限公司', role: 'applicant', enterpriseUscc: '91130200MA0D4E5F68' },
] satisfies Omit<NewAccount, 'passwordHash'>[]).map((account) => ({ ...account, email: `${account.username}@example.test` }));

/** Creates the demo accounts that are missing, all with one password; returns every demo account. */
export async function seedDemoAccounts(db: Queryable, password: string): Promise<typeof demoAccounts> {
  const passwordHash = await hashPassword(password);
  for (const account of demoAccounts) await insertAccountIfMissing(db, { ...account, passwordHash });
  return demoAccounts;
}
