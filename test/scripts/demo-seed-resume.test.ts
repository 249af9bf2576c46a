import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../platform/password.js';
import { signInAs } from '../../scripts/demo/demo-api.js';
import { demoApplications } from '../../scripts/demo/demo-applications.js';
import { shijiazhuangEnterprise, tangshanEnterprise } from '../../scripts/demo/demo-enterprises.js';
import { seedDemoApplications } from '../../scripts/demo/seed-demo-applications.js';
import { insertAccountIfMissing } from '../../web/server/identity/account-repository.js';
import { listProjects } from '../../store/project-repository.js';
import { openTestCall } from '../support/declaration.js';
import { testApp } from '../support/web.js';

// The demo seeding on the shared test stack, in a call of its own and as accounts of its own that play the demo
// accounts: a seeding that runs out of time leaves its applications on the way and says so; the next one takes
// each on from where it stands to its target; one more changes nothing.

describe('demo seeding that was cut short', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let base: string;
  const prefix = `d${randomBytes(3).toString('hex')}.`;
  const password = randomBytes(9).toString('base64url');
  beforeAll(async () => {
    web = await testApp();
    base = await web.app.listen({ host: '127.0.0.1', port: 0 });
    const passwordHash = await hashPassword(password);
    for (const e of [shijiazhuangEnterprise, tangshanEnterprise]) {
      await insertAccountIfMissing(web.db, { username: prefix + e.username, displayName: String(e.fields.enterpriseName), passwordHash, role: 'applicant', enterpriseUscc: String(e.fields.uscc) });
      await insertAccountIfMissing(web.db, { username: prefix + e.reviewer, displayName: `${e.unitName}工信局`, passwordHash, role: 'city-reviewer', unitId: e.unitId });
    }
    await insertAccountIfMissing(web.db, { username: `${prefix}province`, displayName: '省厅两化融合处', passwordHash, role: 'province-officer' });
  });
  afterAll(() => web.close());

  const statuses = async (callId: string) => {
    const seen: Record<string, string> = {};
    for (const e of [shijiazhuangEnterprise, tangshanEnterprise]) {
      const list = (await (await signInAs(base, prefix + e.username, password)).get('/api/applications')).body as { callId: string; status: string; data: { projectName: string } }[];
      for (const a of list.filter((a) => a.callId === callId)) {
        expect(seen[a.data.projectName], `${a.data.projectName} twice`).toBeUndefined();
        seen[a.data.projectName] = a.status;
      }
    }
    return seen;
  };

  it('fails in time, then resumes each application to its target, then does nothing', async () => {
    // given
    const call = await openTestCall(web.db);
    const options = { baseUrl: base, password, callId: call.id, accountName: (name: string) => prefix + name };

    // when: no time to wait for anything
    await expect(seedDemoApplications({ ...options, budgetMs: 0 })).rejects.toThrow(/^[78] of 8 demo applications did not reach their state; first: .+ was not reached in time$/);
    // then: every application was submitted once, and none got past the enterprise's sealed scans
    const cutShort = await statuses(call.id);
    expect(Object.keys(cutShort).sort()).toEqual(demoApplications.map((a) => a.projectName).sort());
    expect(Object.values(cutShort).every((s) => ['submitted', 'checking', 'awaiting-sealed-scans'].includes(s))).toBe(true);

    // when: seeding again with time
    const resumed = await seedDemoApplications({ ...options, budgetMs: 150_000 });
    // then: each reached its target, and 唐山's batch went out
    expect(resumed.seeded.length).toBeGreaterThanOrEqual(7);
    expect(resumed.batchSubmitted).toBe(true);
    expect(await statuses(call.id)).toEqual(Object.fromEntries(demoApplications.map((a) => [a.projectName, a.target])));
    const batch = (await (await signInAs(base, prefix + tangshanEnterprise.reviewer, password)).get(`/api/calls/${call.id}/batch`)).body;
    expect(batch).toMatchObject({ state: 'submitted' });
    // and the province admitted all of 唐山's projects but the last, which waits at formal review
    const recommended = demoApplications.filter((a) => a.enterprise === tangshanEnterprise && a.target === 'recommended').map((a) => a.projectName);
    const expected = recommended.map((name, i) => [name, i < recommended.length - 1 ? 'admitted' : 'received']).sort();
    await expect.poll(async () => (await listProjects(web.db, { callId: call.id })).map((p) => [p.projectName, p.status]).sort(), { timeout: 30_000 }).toEqual(expected);

    // when / then: once more, nothing to do
    expect(await seedDemoApplications({ ...options, budgetMs: 60_000 })).toEqual({ seeded: [], alreadyThere: 8, batchSubmitted: false });
  }, 300_000);
});
