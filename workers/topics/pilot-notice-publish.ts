import { z } from 'zod';
import { addWorkingDays } from '../../domain/working-days.js';
import { withTransaction } from '../../platform/database.js';
import { insertAuditEntry } from '../../store/audit-log-repository.js';
import { latestProposal } from '../../store/pilot-selection-repository.js';
import { findReviewSession, setReviewSessionStatus } from '../../store/review-session-repository.js';
import { workingDayCalendarFrom } from '../../store/working-day-repository.js';
import { defineWorker } from '../worker.js';

/** Working days the list is published (公示) for (LIFECYCLE.md stage 4b). */
export const PUBLIC_NOTICE_WORKING_DAYS = 5;

/**
 * The proposal was approved collectively: the list is published (公示) from now for five working days (the province's
 * calendar), and the results — panel names included — are public from now. Answers the window's end for the model's
 * timer. A retried task answers the window already set.
 */
export const pilotNoticePublish = defineWorker({
  topic: 'pilot-notice-publish',
  description: 'Publish the approved pilot list (公示) for its working-day window (input parameters: sessionId, actor)',
  input: z.object({ sessionId: z.uuid(), actor: z.string().trim().min(1).max(200) }),
  output: z.object({ noticeUntil: z.string() }),
  async handle(input, { db, clock }) {
    return withTransaction(db, async (client) => {
      const session = await findReviewSession(client, input.sessionId, true);
      if (!session) throw new Error(`Review session ${input.sessionId} does not exist`);
      if (session.noticeUntil) return { noticeUntil: session.noticeUntil.toISOString() };
      const proposal = await latestProposal(client, session.id);
      if (proposal?.decision !== 'approve') throw new Error(`Review session ${session.id} has no approved proposal`);
      const now = clock.now();
      const until = addWorkingDays(now, PUBLIC_NOTICE_WORKING_DAYS, await workingDayCalendarFrom(client, now));
      await setReviewSessionStatus(client, session.id, 'public-notice', { noticeFrom: now, noticeUntil: until });
      await insertAuditEntry(client, {
        actor: input.actor, action: 'review.public-notice-published', subject: `review-session:${session.id}`, at: now, callId: session.callId,
        detail: { sessionName: session.name, proposalId: proposal.id, projectIds: proposal.projectIds, noticeFrom: now.toISOString(), noticeUntil: until.toISOString() },
      });
      return { noticeUntil: until.toISOString() };
    });
  },
});
