import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import type { Call } from '../../domain/call.js';
import { draftAndSubmit, newApplicant, openTestCall, validModeData, waitForStatus } from '../support/declaration.js';
import { testEngine } from '../support/engine.js';
import { releaseShippedWith } from '../support/studio.js';
import { testApp } from '../support/web.js';

// The priority order (同等条件下优先) is a decision table an administrator edits: a new version of it changes the
// priority new applications get, with no code change.

describe('the priority decision table', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let call: Call;
  const { api } = testEngine();
  // a studio release the test's call is moved to
  const deployDeclaration = (edit: (dmn: string) => string) => releaseShippedWith(web.db, api, 'declaration', 'application-priority.dmn', edit, [call.id]);
  beforeAll(async () => {
    web = await testApp();
    call = await openTestCall(web.db);
  });
  afterAll(async () => {
    await deployDeclaration((dmn) => dmn); // the shipped table again, for whatever runs next
    await web.close();
  });

  async function priorityOf(qualifications: string[]) {
    const applicant = await newApplicant(web.app, web.db);
    const { id } = await draftAndSubmit(web.app, applicant.headers, call.id, await validModeData(web.app, applicant.headers, applicant.uscc, { priorityQualifications: qualifications }));
    return (await waitForStatus(web.db, id, 'awaiting-sealed-scans')).priorityRank;
  }

  it('ranks by the table, and by the edited table once it is deployed', async () => {
    // given: the shipped table ranks the epidemic-supplies producer last (5) and the IT pilot first (1)
    const shipped = await readFile(path.join(projectRoot, 'processes', 'application-priority.dmn'), 'utf8');
    expect(shipped).toContain('list contains(?, "epidemic-supplies")');
    expect(await priorityOf(['epidemic-supplies'])).toBe(5);
    expect(await priorityOf(['it-pilot', 'epidemic-supplies'])).toBe(1);
    expect(await priorityOf([])).toBeNull();

    // when: an administrator swaps them — epidemic-supplies producers first, IT pilots last — and deploys
    const outcome = await deployDeclaration((dmn) =>
      dmn
        .replace('<outputEntry id="OutputEntry_epidemic_supplies"><text>5</text>', '<outputEntry id="OutputEntry_epidemic_supplies"><text>1</text>')
        .replace('<outputEntry id="OutputEntry_it_pilot"><text>1</text>', '<outputEntry id="OutputEntry_it_pilot"><text>5</text>'));
    expect(outcome.processDefinitionVersion).toBeGreaterThan(1);

    // then: new applications follow the new order
    expect(await priorityOf(['epidemic-supplies'])).toBe(1);
    expect(await priorityOf(['it-pilot'])).toBe(5);
  });
});
