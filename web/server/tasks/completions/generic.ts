import { z } from 'zod';
import { findAttachments } from '../../../../store/attachment-repository.js';
import { AppError } from '../../errors.js';
import type { Account } from '../../identity/roles.js';
import type { Completion } from './completion.js';

const reference = z.object({ id: z.uuid(), fileName: z.string(), sha256: z.string() });

/**
 * A user task of a process deployed later, with no rule of its own here: its form's own fields (the form check
 * refuses any other key) become process variables. Files must be the caller's own uploads.
 */
export const genericCompletion: Completion<Record<string, unknown>> = {
  schema: z.record(z.string().max(64), z.unknown()),
  async complete({ db, engine }, { account, task }, data) {
    const references = referencesIn(data);
    const stored = new Map((await findAttachments(db, references.map((r) => r.ref.id))).map((a) => [a.id, a]));
    const foreign = references.filter(({ ref }) => {
      const attachment = stored.get(ref.id);
      return !attachment || !ownUpload(account, attachment) || attachment.sha256 !== ref.sha256.toLowerCase();
    });
    if (foreign.length) throw new AppError('VALIDATION_FAILED', undefined, foreign.map(({ path }) => ({ path: `body.${path}`, message: '附件不存在或不是您上传的，请重新上传' })));
    await engine.completeTask(task.id, data);
  },
};

// helpers

function ownUpload(account: Account, attachment: { ownerUnitId: string | null; uploadedBy: number }): boolean {
  return attachment.uploadedBy === account.id || (account.unitId !== null && attachment.ownerUnitId === account.unitId);
}

function referencesIn(value: unknown, path = ''): { path: string; ref: z.infer<typeof reference> }[] {
  const asReference = reference.safeParse(value);
  if (asReference.success) return [{ path, ref: asReference.data }];
  if (Array.isArray(value)) return value.flatMap((item, index) => referencesIn(item, path ? `${path}.${index}` : String(index)));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => referencesIn(item, path ? `${path}.${key}` : key));
  return [];
}
