import { z } from 'zod';
import { withTransaction } from '../../platform/database.js';
import { insertAuditEntry } from '../../store/audit-log-repository.js';
import { findCall } from '../../store/call-repository.js';
import { replaceSeat, replacementOf } from '../../store/panel-draw-records.js';
import { findSeat } from '../../store/panel-seat-repository.js';
import { findReviewSession } from '../../store/review-session-repository.js';
import { defineWorker } from '../worker.js';

/**
 * An expert declined a seat (回避声明 with a reason): draws a replacement among the eligible experts not on the
 * panel and under the load bound, records the draw, adds the seat and queues its process (the web server's relay
 * starts it). A retried task finds the replacement drawn. No expert left: the task fails with the shortfall, and an
 * incident tells the officer, who can widen the pool and retry.
 */
export const panelSeatReplace = defineWorker({
  topic: 'panel-seat-replace',
  description: 'Draw a replacement for an expert who declined a seat (input parameter: seatId)',
  input: z.object({ seatId: z.uuid() }),
  output: z.object({ replacementSeatId: z.string().nullable() }),
  async handle(input, { db, clock }, task) {
    return withTransaction(db, async (client) => {
      const unlocked = await findSeat(client, input.seatId);
      if (!unlocked) throw new Error(`Seat ${input.seatId} does not exist`);
      const session = (await findReviewSession(client, unlocked.sessionId, true))!;
      const seat = (await findSeat(client, input.seatId, true))!;
      if (await replacementOf(client, seat.id)) return { replacementSeatId: null };
      if (seat.status !== 'declined') throw new Error(`Seat ${seat.id} has not declined (status ${seat.status})`);
      const call = (await findCall(client, session.callId))!;
      const now = clock.now();
      const replaced = await replaceSeat(client, {
        session, seat, reason: `专家声明回避：${seat.declineReason ?? ''}`, by: 'system', at: now, definitionId: task.processDefinitionId, directions: call.directions, takeOff: false,
      });
      if (!replaced.ok) throw new Error(replaced.message);
      await insertAuditEntry(client, {
        actor: 'system', action: 'review.expert-replaced', subject: `review-session:${session.id}`, at: now, callId: session.callId,
        detail: { sessionName: session.name, projectId: seat.projectId, seatId: seat.id, expertId: seat.expertId, reason: seat.declineReason, newSeatId: replaced.seatId, newExpertId: replaced.expertId },
      });
      return { replacementSeatId: replaced.seatId };
    });
  },
});
