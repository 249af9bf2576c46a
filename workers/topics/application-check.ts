import { z } from 'zod';
import { withTransaction } from '../../platform/database.js';
import { applicationFields, integrationStages } from '../../domain/application.js';
import { checkEligibility } from '../../domain/eligibility/check-eligibility.js';
import { earlierLiveDeclarations, findApplication, setPriorityRank, storeRuleOutcomes } from '../../store/application-repository.js';
import { changeApplicationStatus } from '../../store/application-status-change.js';
import { defineWorker } from '../worker.js';

/** Checks a submitted application against E1–E7, records every outcome, and answers the verdict the model routes on. */
export const applicationCheck = defineWorker({
  topic: 'application-check',
  description: 'Check an application against the notice’s conditions (E1–E7) and record each rule’s outcome',
  input: z.object({
    applicationId: z.uuid(),
    minimumIntegrationStage: z.enum(integrationStages),
    priorityBestRank: z.number().int().nullable().optional(),
  }),
  output: z.object({ verdict: z.enum(['pass', 'correction', 'refused']) }),
  async handle(input, { db, clock }, task) {
    return withTransaction(db, async (client) => {
      const application = await findApplication(client, input.applicationId, true);
      if (!application?.applicationNumber) throw new Error(`Application ${input.applicationId} is not a submitted application`);
      // Validated at submission; a failure here means the data changed behind the API's back.
      const fields = applicationFields.parse(application.data);
      const now = clock.now();
      await changeApplicationStatus(client, { applicationId: application.id, status: 'checking', at: now, actor: 'system', reason: null, causeKey: `${task.externalTaskId}:checking` });
      const report = checkEligibility(fields, {
        minimumIntegrationStage: input.minimumIntegrationStage,
        earlierDeclarations: await earlierLiveDeclarations(client, application),
        ownApplicationNumber: application.applicationNumber,
      });
      await storeRuleOutcomes(client, application.id, application.correctionRound, report.outcomes, now);
      await setPriorityRank(client, application.id, input.priorityBestRank ?? null);
      // A correction is requested, and a pass is prepared for sealing, by the steps the model routes to next.
      if (report.verdict === 'refused') {
        await changeApplicationStatus(client, { applicationId: application.id, status: 'refused', at: now, actor: 'system', reason: reasonsOf(report.outcomes, 'refused'), causeKey: task.externalTaskId });
      }
      return { verdict: report.verdict };
    });
  },
});

// helpers

function reasonsOf(outcomes: readonly { ruleId: string; result: string; reason?: string }[], result: string): string {
  return outcomes.filter((o) => o.result === result && o.reason).map((o) => `【${o.ruleId}】${o.reason}`).join('；');
}
