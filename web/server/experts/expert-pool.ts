import type { Pool, PoolClient } from '../../../platform/database.js';
import { withTransaction } from '../../../platform/database.js';
import { unitNameOf } from '../../../domain/units.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import {
  accountsByUsername, findExpert, insertExpert, listExperts, lockExpertPool, updateExpert, type ExpertAccount, type ExpertFields, type ExpertRecord,
} from '../../../store/expert-repository.js';
import { AppError } from '../errors.js';
import type { ExpertEntryBody, ExpertView } from '../schemas/experts.js';
import { directionCatalogue } from './expert-directions.js';
import { changesOf, checkEntry, duplicateProblems, type CheckedEntry, type EntryProblem } from './expert-entry.js';

// 专家库: one expert created or changed by the officer, each in one transaction under the pool's lock — the entry's
// rules, the duplicate-person check against the whole pool, the account link, the write and its audit entries. A
// refused entry changes nothing and names every problem at its field.

/** Creates an expert from the officer's entry; answers it as the page shows it. */
export async function createExpert(db: Pool, actor: string, entry: ExpertEntryBody): Promise<ExpertView> {
  return writing(db, async (client) => {
    const { checked, fields } = await accepted(client, entry, undefined);
    const id = await insertExpert(client, fields, actor);
    await insertAuditEntry(client, { actor, action: 'expert.created', subject: `expert:${id}`, unitId: fields.homeUnitId, detail: { entry: auditedEntry(fields, checked.accountUsername) } });
    return viewOf((await findExpert(client, id))!);
  });
}

/**
 * Replaces an expert's entry (its relationships with it); deactivating is an entry with `active: false`. An entry
 * equal to the stored one writes nothing. Unknown id: 404.
 */
export async function changeExpert(db: Pool, actor: string, id: string, entry: ExpertEntryBody): Promise<ExpertView> {
  return writing(db, async (client) => {
    const before = await findExpert(client, id);
    if (!before) throw new AppError('NOT_FOUND', '没有找到这位专家，请刷新专家库后重试。');
    const { fields } = await accepted(client, entry, id);
    const changes = changesOf(before, fields);
    if (Object.keys(changes).length === 0) return viewOf(before);
    await updateExpert(client, id, fields, actor);
    const audit = { actor, subject: `expert:${id}`, unitId: fields.homeUnitId };
    const { active, ...others } = changes;
    if (Object.keys(others).length) await insertAuditEntry(client, { ...audit, action: 'expert.updated', detail: { name: fields.name, changes: others } });
    if (active) await insertAuditEntry(client, { ...audit, action: fields.active ? 'expert.activated' : 'expert.deactivated', detail: { name: fields.name } });
    return viewOf((await findExpert(client, id))!);
  });
}

/** An expert as the page shows it. */
export function viewOf(record: ExpertRecord): ExpertView {
  const { accountId: _accountId, ...rest } = record;
  return { ...rest, homeUnitName: unitNameOf(record.homeUnitId) };
}

/**
 * Why the account named by an entry cannot be the expert's: none such, not an expert's account, or another
 * expert's already. `expertId` is the entry's own expert (none for a new one).
 */
export function accountProblem(username: string, account: ExpertAccount | undefined, expertId: string | undefined, pool: readonly ExpertRecord[]): string | undefined {
  if (!account) return `没有用户名为「${username}」的账号`;
  if (account.role !== 'expert') return `账号「${username}」不是评审专家账号`;
  if (account.linkedExpertId && account.linkedExpertId !== expertId) {
    const other = pool.find((expert) => expert.id === account.linkedExpertId);
    return `账号「${username}」已关联专家「${other?.name ?? account.linkedExpertId}」`;
  }
  return undefined;
}

/** The entry as an audit entry records it: its fields, the account by user name. */
export function auditedEntry(fields: ExpertFields, accountUsername: string | null): Record<string, unknown> {
  const { accountId: _accountId, ...rest } = fields;
  return { ...rest, accountUsername };
}

// helpers

/** Runs a pool write in a transaction holding the pool's lock; a duplicate that slipped past the checks is a 409. */
async function writing<T>(db: Pool, write: (client: PoolClient) => Promise<T>): Promise<T> {
  try {
    return await withTransaction(db, async (client) => {
      await lockExpertPool(client);
      return write(client);
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new AppError('CONFLICT', '专家库刚被他人修改，出现了重复的专家，请刷新后重试。');
    throw error;
  }
}

/** The entry checked against its rules, the pool and the accounts; refused (400) naming every problem. */
async function accepted(client: PoolClient, entry: ExpertEntryBody, expertId: string | undefined): Promise<{ checked: CheckedEntry; fields: ExpertFields }> {
  const known = new Set((await directionCatalogue(client)).map((direction) => direction.code));
  const { checked, problems } = checkEntry(entry, known);
  const pool = await listExperts(client);
  problems.push(...duplicateProblems({ ...checked, ...(expertId ? { id: expertId } : {}) }, pool));
  let accountId: number | null = null;
  if (checked.accountUsername !== null) {
    const [account] = await accountsByUsername(client, [checked.accountUsername]);
    const problem = accountProblem(checked.accountUsername, account, expertId, pool);
    if (problem) problems.push({ field: 'accountUsername', message: problem });
    else accountId = account!.id;
  }
  if (problems.length) throw refused(problems);
  const { accountUsername: _username, ...rest } = checked;
  return { checked, fields: { ...rest, accountId } };
}

function refused(problems: readonly EntryProblem[]): AppError {
  const message = problems.length === 1 ? problems[0]!.message : `专家信息有 ${problems.length} 处问题，未保存。请修改标出的内容。`;
  return new AppError('VALIDATION_FAILED', message, problems.map((problem) => ({ path: `body.${problem.field}`, message: problem.message })));
}
