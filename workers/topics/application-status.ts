import { z } from 'zod';
import { withTransaction } from '../../platform/database.js';
import { processSetStatuses } from '../../domain/application-status.js';
import { findApplication } from '../../store/application-repository.js';
import { changeApplicationStatus } from '../../store/application-status-change.js';
import { defineWorker } from '../worker.js';

/** Records a status the model reaches (withdrawn, in the city library, not recommended) and tells the applicant. */
export const applicationStatus = defineWorker({
  topic: 'application-status',
  description: 'Set the application’s status (input parameters: status, reason) and notify the applicant',
  input: z.object({
    applicationId: z.uuid(),
    status: z.enum(processSetStatuses),
    reason: z.string().max(2000).nullish(),
  }),
  output: z.object({}),
  async handle(input, { db, clock }, task) {
    await withTransaction(db, async (client) => {
      const application = await findApplication(client, input.applicationId, true);
      if (!application?.applicationNumber) throw new Error(`Application ${input.applicationId} is not a submitted application`);
      await changeApplicationStatus(client, { applicationId: application.id, status: input.status, at: clock.now(), actor: 'system', reason: input.reason || null, causeKey: task.externalTaskId });
    });
    return {};
  },
});
