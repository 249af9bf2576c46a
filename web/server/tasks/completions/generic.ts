import { z } from 'zod';
import { attachmentReferencesIn } from '../../../../domain/attachment-reference.js';
import { foreignReferences } from '../../../../store/attachment-repository.js';
import { AppError } from '../../errors.js';
import type { Completion } from './completion.js';

/**
 * A user task of a process deployed later, with no rule of its own here: its form's own fields (the form check
 * refuses any other key) become process variables. Files must be the caller's own uploads.
 */
export const genericCompletion: Completion<Record<string, unknown>> = {
  schema: z.record(z.string().max(64), z.unknown()),
  async complete({ db, engine }, { account, task }, data) {
    const foreign = await foreignReferences(db, attachmentReferencesIn(data), { accountId: account.id, unitId: account.unitId });
    if (foreign.length) throw new AppError('VALIDATION_FAILED', undefined, foreign.map(({ path }) => ({ path: `body.${path}`, message: '附件不存在或不是您上传的，请重新上传' })));
    await engine.completeTask(task.id, data);
  },
};
