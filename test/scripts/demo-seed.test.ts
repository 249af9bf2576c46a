import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { signInAs } from '../../scripts/demo/demo-api.js';
import { launchBrowser, signInThroughPage, waitForPage } from '../support/browser.js';
import { startStack, untilOutput, type StartedStack } from '../support/npm-start.js';
import '../provided-context.js';

// The living demo: a first `npm start` seeds the demo applications through the web API and the processes; the
// reviewer of 石家庄 finds them in the tasklist (also in chromium), the province in its dashboard figures; a second
// start on the same data seeds nothing more. Both starts and the browser share one data folder to spare two cores.

const dataDir = path.join(inject('tempDir'), 'demo-seed');
// Its own bundle folder: the build of `npm start` must not rewrite the bundle other browser tests are served.

interface Figures {
  funnel: Record<string, number>;
  total: number;
  units: Record<string, { submitted: number; pendingReview: number; inLibrary: number; recommended: number; batchSubmitted: boolean }>;
  reviewerTasks: string[];
}

/** What the demo roles see over HTTP: the province's funnel and unit figures, and 石家庄's reviewer's tasks. */
async function figures(base: string, password: string): Promise<Figures> {
  const province = await signInAs(base, 'province', password);
  const funnel = (await province.get('/api/calls/demo/application-funnel')).body as { total: number; steps: { status: string; count: number }[] };
  const unitFigures = (await province.get('/api/calls/demo/unit-figures')).body as { units: { unitId: string; submitted: number; pendingReview: number; inLibrary: number; recommended: number; batchSubmittedAt: string | null }[] };
  const reviewer = await signInAs(base, 'city130100', password);
  const tasks = (await reviewer.get('/api/tasks')).body as { tasks: { stage: string; subject: { projectName: string; unitId: string } }[] };
  return {
    funnel: Object.fromEntries(funnel.steps.filter((s) => s.count > 0).map((s) => [s.status, s.count])),
    total: funnel.total,
    units: Object.fromEntries(unitFigures.units.filter((u) => u.submitted > 0).map((u) => [u.unitId, {
      submitted: u.submitted, pendingReview: u.pendingReview, inLibrary: u.inLibrary, recommended: u.recommended, batchSubmitted: u.batchSubmittedAt !== null,
    }])),
    reviewerTasks: tasks.tasks.map((t) => `${t.stage} ${t.subject.unitId} ${t.subject.projectName}`).sort(),
  };
}

async function stop(started: StartedStack | undefined): Promise<number | null | undefined> {
  if (!started) return undefined;
  started.signal('SIGINT');
  return started.exited;
}

describe('the living demo of npm start', () => {
  let started: StartedStack | undefined;
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    await stop(started);
  });

  it('seeds the demo applications on a first start, shows them to the reviewer (in chromium too) and the province, and a second start adds none', async () => {
    // given / when: a first start on a new data folder
    started = await startStack(dataDir);
    await untilOutput(started, 'Ready in', 300_000);
    const { demoPassword } = JSON.parse(await readFile(path.join(dataDir, 'local-secrets.json'), 'utf8')) as { demoPassword: string };

    // then: it says what it seeded, before Ready
    expect(started.output()).toMatch(/Demo applications: seeded 8 in [\d.]+ s \(石家庄市 5, 唐山市 3; 唐山市 batch submitted\)\.\n[\s\S]*Ready in/);
    const first = await figures(started.base, demoPassword);
    expect(first.funnel).toEqual({ 'awaiting-sealed-scans': 1, 'correction-requested': 1, 'with-city': 2, 'in-city-library': 1, recommended: 3 });
    expect(first.total).toBe(8);
    expect(first.units).toEqual({
      130100: { submitted: 5, pendingReview: 1, inLibrary: 2, recommended: 1, batchSubmitted: false },
      130200: { submitted: 3, pendingReview: 1, inLibrary: 2, recommended: 2, batchSubmitted: true },
    });
    // 石家庄's reviewer: its open review and its library entry to recommend, nothing of 唐山
    expect(first.reviewerTasks).toEqual(['CityRecommendation 130100 产业链上下游网络化协同制造项目', 'CityReview 130100 装备制造行业工业互联网平台（二期）']);
    // 唐山's batch went out with its stamped 推荐表
    const tangshan = await signInAs(started.base, 'city130200', demoPassword);
    expect((await tangshan.get('/api/calls/demo/batch')).body).toMatchObject({ state: 'submitted', sealedScanId: expect.any(String) });

    // when: the reviewer signs in in chromium and opens the seeded review
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signInThroughPage(page, started.base, { username: 'city130100', password: demoPassword });
    await waitForPage(page, `${started.base}/tasks`);
    const row = page.getByRole('row', { name: /装备制造行业工业互联网平台（二期）/ });
    await row.getByRole('link', { name: /办理/ }).click();
    // then: the task page of 市级初审 with the application's own data
    await page.getByRole('heading', { name: /^市级初审：\d{4}-130100-\d{4}$/ }).waitFor({ timeout: 30_000 });
    await page.getByText('石家庄示例智能装备有限公司').first().waitFor();
    await page.getByText('装备制造行业工业互联网平台（二期）').first().waitFor();
    await browser.close();
    browser = undefined;

    // when: stopped and started again on the same data
    expect(await stop(started)).toBe(0);
    started = await startStack(dataDir);
    await untilOutput(started, 'Ready in', 300_000);

    // then: nothing more was seeded, and every figure is unchanged
    expect(started.output()).toContain('Demo applications: already there (8), nothing seeded.');
    expect(await figures(started.base, demoPassword)).toEqual(first);
    expect(await stop(started)).toBe(0);
    started = undefined;
  }, 900_000);
});
