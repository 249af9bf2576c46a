import type { Queryable } from '../../../platform/database.js';
import { applicationStatuses } from '../../../domain/application-status.js';
import { countApplicationsByStatus } from '../../../store/dashboard-repository.js';
import type { Funnel } from '../schemas/dashboard.js';

/**
 * The applications of a call per status, from draft onward in the domain's order; every status appears, with zero
 * where none is. A status the domain does not list yet (a later stage's) comes last under its code.
 */
export async function applicationFunnel(db: Queryable, callId: string): Promise<Funnel> {
  const counts = await countApplicationsByStatus(db, callId);
  const known = Object.entries(applicationStatuses).map(([status, label]) => ({ status, label, count: counts.get(status) ?? 0 }));
  const unknown = [...counts].filter(([status]) => !(status in applicationStatuses)).map(([status, count]) => ({ status, label: status, count }));
  const steps = [...known, ...unknown];
  return { total: steps.reduce((sum, step) => sum + step.count, 0), steps };
}
