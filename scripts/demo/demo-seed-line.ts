import type { Logger } from '../../platform/logger.js';
import { seedDemoApplications } from './seed-demo-applications.js';

// The demo is a convenience: when seeding fails, `npm start` says so in one line and the system keeps running
// (the accounts and the open call are there; a user can declare by hand). The details go to the log.

// Bounds a seeding that cannot finish (a stuck worker, a refused step) so Ready still comes.
const BUDGET_MS = 120_000;

/** Seeds the demo applications through the running web server; returns the one line `npm start` prints about it. */
export async function seedDemoApplicationsLine(baseUrl: string, password: string, logger: Logger): Promise<string> {
  const startedAt = Date.now();
  // Ctrl-C while seeding: stop waiting at once, so stopping does not wait for the seeding's budget.
  const interrupted = new AbortController();
  const interrupt = () => interrupted.abort();
  process.once('SIGINT', interrupt).once('SIGTERM', interrupt);
  try {
    const outcome = await seedDemoApplications({ baseUrl: loopbackOf(baseUrl), password, callId: 'demo', budgetMs: BUDGET_MS, signal: interrupted.signal });
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    if (!outcome.seeded.length) return `Demo applications: already there (${outcome.alreadyThere}), ${outcome.batchSubmitted ? '唐山市 batch submitted' : 'nothing seeded'}.`;
    const perUnit = new Map<string, number>();
    for (const a of outcome.seeded) perUnit.set(a.enterprise.unitName, (perUnit.get(a.enterprise.unitName) ?? 0) + 1);
    const units = [...perUnit].map(([unit, count]) => `${unit} ${count}`).join(', ');
    return `Demo applications: seeded ${outcome.seeded.length} in ${seconds} s (${units}${outcome.batchSubmitted ? '; 唐山市 batch submitted' : ''}).`;
  } catch (error) {
    logger.warn({ err: error }, 'demo applications not seeded');
    return `Demo applications: not seeded completely (${(error as Error).message}); the rest of the system runs, and a restart seeds what is missing.`;
  } finally {
    process.off('SIGINT', interrupt).off('SIGTERM', interrupt);
  }
}

// A server listening on every address is reached on loopback: "http://0.0.0.0:3000" is no address to call on every system.
function loopbackOf(baseUrl: string): string {
  return baseUrl.replace(/^http:\/\/(?:0\.0\.0\.0|::|\[::\]):(\d+)$/, 'http://127.0.0.1:$1');
}
