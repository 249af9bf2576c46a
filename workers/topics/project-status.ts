import { z } from 'zod';
import { withTransaction } from '../../platform/database.js';
import { projectStatusCodes } from '../../domain/project-status.js';
import { changeProjectStatus } from '../../store/project-repository.js';
import { defineWorker } from '../worker.js';

/** Records a project status the model reaches (在库, 退回市局, 不予入库, 退库, …) with who decided it and why. */
export const projectStatus = defineWorker({
  topic: 'project-status',
  description: 'Set the project’s status in the provincial library (input parameters: status, actor, reason)',
  input: z.object({
    projectId: z.uuid(),
    status: z.enum(projectStatusCodes),
    actor: z.string().trim().min(1).max(200),
    reason: z.string().max(2000).nullish(),
  }),
  output: z.object({}),
  async handle(input, { db, clock }) {
    // A retried task finds the status already set: changeProjectStatus answers false and records nothing twice.
    await withTransaction(db, (client) => changeProjectStatus(client, { projectId: input.projectId, to: input.status, actor: input.actor, at: clock.now(), reason: input.reason || null }));
    return {};
  },
});
