import { z } from 'zod';
import { withTransaction } from '../../platform/database.js';
import { summaryOf } from '../../domain/application-summary.js';
import { isCappedAtOnePerUnit } from '../../domain/call-directions.js';
import { recommendationRefusal } from '../../domain/recommendation-refusals.js';
import { findApplication } from '../../store/application-repository.js';
import { changeApplicationStatus } from '../../store/application-status-change.js';
import { findCall } from '../../store/call-repository.js';
import { findActiveRecommendation, insertRecommendation, RecommendationRefused } from '../../store/recommendation-repository.js';
import { BusinessError, defineWorker } from '../worker.js';

/**
 * The guard step of a recommendation. The web server records a recommendation under the database's caps before it
 * completes the task; an operator completing the task in the engine's own Tasklist has not, so here it is recorded
 * under the same caps — a refusal sends the task back to the reviewers with the reason.
 */
export const recommendationRecord = defineWorker({
  topic: 'recommendation-record',
  description: 'Record a recommendation under the one-city-platform and indicator caps; error RECOMMENDATION_REFUSED when a cap holds',
  input: z.object({ applicationId: z.uuid(), recommendationOpinion: z.string().trim().min(1).max(1000).nullish() }),
  output: z.object({}),
  async handle(input, { db, clock }, task) {
    await withTransaction(db, async (client) => {
      const application = await findApplication(client, input.applicationId, true);
      if (!application?.applicationNumber || !application.unitId) throw new Error(`Application ${input.applicationId} is not a submitted application`);
      if (!(await findActiveRecommendation(client, application.id))) {
        // Read before the insert: a refused insert aborts the transaction.
        const call = await findCall(client, application.callId);
        if (!call) throw new Error(`Call ${application.callId} does not exist`);
        try {
          await insertRecommendation(client, {
            callId: application.callId,
            unitId: application.unitId,
            applicationId: application.id,
            isCityPlatform: isCappedAtOnePerUnit(call, summaryOf(application.data).direction),
            opinion: input.recommendationOpinion ?? '（经流程引擎推荐）',
            createdBy: 'engine',
          });
        } catch (error) {
          if (error instanceof RecommendationRefused) throw new BusinessError('RECOMMENDATION_REFUSED', recommendationRefusal(error.violation, call));
          throw error;
        }
      }
      // After the web server's recommendation the status is already recommended and its notice queued: no change.
      await changeApplicationStatus(client, { applicationId: application.id, status: 'recommended', at: clock.now(), actor: `city${application.unitId}`, reason: null, causeKey: task.externalTaskId });
    });
    return {};
  },
});
