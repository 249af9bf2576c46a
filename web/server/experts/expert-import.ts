import type { Pool } from '../../../platform/database.js';
import { withTransaction } from '../../../platform/database.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import {
  accountsByUsername, insertExpert, listExperts, lockExpertPool, updateExpert, type ExpertFields, type ExpertRecord,
} from '../../../store/expert-repository.js';
import { AppError } from '../errors.js';
import type { ExpertImportResult } from '../schemas/experts.js';
import { directionCatalogue } from './expert-directions.js';
import { changesOf, duplicateProblems } from './expert-entry.js';
import { accountProblem } from './expert-pool.js';
import { readExpertSheet, type SheetExpert } from './expert-sheet.js';
import type { SheetProblem, SheetProblems } from './sheet-problems.js';

// 专家库 import: the whole workbook is checked first — every row's rules (expert-sheet.ts), then against the stored
// pool under its lock: 专家编号 known, no person already in the pool (by name and organisation, or phone) entered a
// second time, accounts that are experts' and nobody else's. Any problem refuses the file naming every one by sheet,
// row and column, and nothing is written. Otherwise every row is created or updated in the same transaction, and the
// import is audited once with its counts.

/** Imports a pool workbook as `actor`; answers the counts, or refuses (400) with every problem. */
export async function importExperts(db: Pool, actor: string, file: Buffer, fileName: string): Promise<ExpertImportResult> {
  try {
    return await withTransaction(db, async (client) => {
      await lockExpertPool(client);
      const catalogue = await directionCatalogue(client);
      const reading = await readExpertSheet(file, catalogue);
      if (!reading.ok) throw refused(reading.problems);
      const pool = await listExperts(client);
      await checkAgainstPool(client, reading.experts, pool, reading.problems);
      if (reading.problems.size) throw refused(reading.problems.list());

      const byId = new Map(pool.map((expert) => [expert.id, expert]));
      const accounts = new Map((await accountsByUsername(client, usernamesOf(reading.experts))).map((account) => [account.username, account.id]));
      const result = { created: 0, updated: 0, unchanged: 0, relationships: 0 };
      const touched: { id: string; name: string; change: 'created' | 'updated'; fields?: string[] }[] = [];
      for (const expert of reading.experts) {
        const { accountUsername, ...rest } = expert.checked!;
        const fields: ExpertFields = { ...rest, accountId: accountUsername === null ? null : accounts.get(accountUsername)! };
        result.relationships += fields.relationships.length;
        const before = expert.id === null ? undefined : byId.get(expert.id)!;
        if (!before) {
          const id = await insertExpert(client, fields, actor);
          touched.push({ id, name: fields.name, change: 'created' });
          result.created++;
          continue;
        }
        const changes = Object.keys(changesOf(before, fields));
        if (changes.length === 0) {
          result.unchanged++;
          continue;
        }
        await updateExpert(client, before.id, fields, actor);
        touched.push({ id: before.id, name: fields.name, change: 'updated', fields: changes });
        result.updated++;
      }
      await insertAuditEntry(client, { actor, action: 'experts.imported', subject: 'expert-pool', detail: { fileName, ...result, experts: touched } });
      return result;
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new AppError('CONFLICT', '专家库刚被他人修改，出现了重复的专家，请刷新后重新导入。');
    throw error;
  }
}

// helpers

/** The checks that need the stored pool, each problem at its cell. */
async function checkAgainstPool(client: Pick<Pool, 'query'>, experts: readonly SheetExpert[], pool: readonly ExpertRecord[], problems: SheetProblems): Promise<void> {
  const inSheet = new Set(experts.flatMap((expert) => (expert.id ? [expert.id] : [])));
  // People the import leaves as they are: a sheet row may not be a second entry of one of them.
  const untouched = pool.filter((expert) => !inSheet.has(expert.id));
  const accounts = new Map((await accountsByUsername(client, usernamesOf(experts))).map((account) => [account.username, account]));
  const accountInSheet = new Map(experts.flatMap((expert) => (expert.id && expert.checked ? [[expert.id, expert.checked.accountUsername] as const] : [])));
  for (const expert of experts) {
    if (expert.id !== null && !pool.some((stored) => stored.id === expert.id)) {
      problems.add(expert.locate('id'), '专家库中没有这个专家编号（新增专家请将专家编号留空）');
    }
    const entry = expert.checked;
    if (!entry) continue;
    for (const problem of duplicateProblems({ ...entry, ...(expert.id ? { id: expert.id } : {}) }, untouched)) problems.add(expert.locate(problem.field), problem.message);
    if (entry.accountUsername === null) continue;
    const account = accounts.get(entry.accountUsername);
    // An account moving in this same file from the expert who has it to this one is no conflict.
    const moving = account?.linkedExpertId && accountInSheet.has(account.linkedExpertId) && accountInSheet.get(account.linkedExpertId) !== entry.accountUsername;
    const problem = moving ? undefined : accountProblem(entry.accountUsername, account, expert.id ?? undefined, pool);
    if (problem) problems.add(expert.locate('accountUsername'), problem);
  }
}

function usernamesOf(experts: readonly SheetExpert[]): string[] {
  return [...new Set(experts.flatMap((expert) => (expert.checked?.accountUsername ? [expert.checked.accountUsername] : [])))];
}

function refused(problems: readonly SheetProblem[]): AppError {
  return new AppError('VALIDATION_FAILED', `专家库文件有 ${problems.length} 处问题，未导入任何专家。请修改后重新导入。`, [...problems]);
}
