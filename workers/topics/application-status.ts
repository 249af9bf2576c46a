import { z } from 'zod';
import { withTransaction } from '../../platform/database.js';
import { applicantNotice } from '../../domain/applicant-notice.js';
import { processSetStatuses } from '../../domain/application-status.js';
import { findApplication, recordStatus } from '../../store/application-repository.js';
import { notifyApplicant } from '../../store/applicant-notifications.js';
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
      const reason = input.reason || null;
      if (await recordStatus(client, { applicationId: application.id, status: input.status, at: clock.now(), actor: 'system', reason, causeKey: task.externalTaskId })) {
        const notice = applicantNotice({ applicationNumber: application.applicationNumber, projectName: String(application.data.projectName ?? '') }, input.status, reason);
        await notifyApplicant(client, application, `${task.externalTaskId}:${input.status}`, notice);
      }
    });
    return {};
  },
});
