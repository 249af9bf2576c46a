import type { z } from 'zod';
import type { Account } from '../../identity/roles.js';
import type { ScopedTask, TaskDeps } from '../scope.js';

/**
 * How the tasks of one stage are completed from the tasklist: the zod schema of the fields the process reads, and
 * what completing does. The submission was checked against the task's deployed form before `complete` runs.
 */
export interface Completion<T = unknown> {
  schema: z.ZodType<T>;
  complete(deps: TaskDeps, context: { account: Account } & ScopedTask, data: T): Promise<void>;
}
