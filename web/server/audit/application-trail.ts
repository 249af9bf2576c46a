import type { Pool } from '../../../platform/database.js';
import { applicationStatuses } from '../../../domain/application-status.js';
import { auditActionLabel } from '../../../domain/audit-actions.js';
import { trailActorName } from '../../../domain/audit-actors.js';
import { statusHistory, type Application } from '../../../store/application-repository.js';
import { actorAccountsOf, auditEntriesOfApplication } from '../../../store/audit-log-repository.js';
import type { Account } from '../identity/roles.js';
import type { TrailEvent } from '../schemas/audit.js';

/**
 * An application's trail (办理记录): its recorded statuses merged with the audited actions on it, oldest first. An
 * applicant sees other actors only by role and unit, and no action's details.
 */
export async function applicationTrail(db: Pool, reader: Account, application: Application): Promise<{ events: TrailEvent[] }> {
  const [statuses, actions] = await Promise.all([statusHistory(db, application.id), auditEntriesOfApplication(db, application.id)]);
  const accounts = await actorAccountsOf(db, statuses.map((event) => event.actor));
  const applicant = reader.role === 'applicant';
  const events: TrailEvent[] = [
    ...statuses.map((event) => ({
      at: event.at, kind: 'status' as const, code: event.status, label: applicationStatuses[event.status] ?? event.status,
      actor: trailActorName(event.actor, accounts.get(event.actor) ?? null, reader), reason: event.reason, detail: null,
    })),
    ...actions.map((entry) => ({
      at: entry.at, kind: 'action' as const, code: entry.action, label: auditActionLabel(entry.action),
      actor: trailActorName(entry.actor, entry.actorAccount, reader), reason: null, detail: applicant ? null : entry.detail,
    })),
  ];
  // A status and the action that caused it share their time; the action reads first.
  return { events: events.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === b.kind ? 0 : a.kind === 'action' ? -1 : 1)) };
}
