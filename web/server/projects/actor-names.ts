import type { Queryable } from '../../../platform/database.js';
import { actorRoleLabel, trailActorName } from '../../../domain/audit-actors.js';
import { actorAccountsOf } from '../../../store/audit-log-repository.js';
import type { Account } from '../identity/roles.js';

/**
 * How the project's records name the people in them for this reader: the province and the unit read display names
 * (the system's own actors by what they are); an applicant, as on its application's trail, its own enterprise's
 * accounts by name and everyone else by role and unit (省工信厅, 石家庄市工信局审核人).
 */
export async function actorNamesFor(db: Queryable, reader: Account, actors: readonly (string | null)[]): Promise<(actor: string) => string> {
  const accounts = await actorAccountsOf(db, actors.filter((actor): actor is string => !!actor));
  return (actor) => {
    const account = accounts.get(actor) ?? null;
    if (reader.role === 'applicant') return trailActorName(actor, account, reader);
    return account ? account.displayName : actorRoleLabel(actor, null);
  };
}
