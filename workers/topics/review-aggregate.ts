import { z } from 'zod';
import { rankProjects } from '../../domain/pilot-ranking.js';
import { aggregatePanel } from '../../domain/score-aggregation.js';
import { withTransaction } from '../../platform/database.js';
import { insertAuditEntry } from '../../store/audit-log-repository.js';
import { queueSeatMessage } from '../../store/panel-draw-records.js';
import { sessionSeats } from '../../store/panel-seat-repository.js';
import {
  findReviewSession, recordProjectResult, reviewProjectFacts, sessionProjects, setReviewSessionStatus,
} from '../../store/review-session-repository.js';
import { defineWorker } from '../worker.js';

/**
 * Scoring closed: aggregates each panel (exclusions first, then the highest and lowest dropped at five or more),
 * flags outliers, ranks the projects (score, then the priority table, then earlier submission), and tells every seat
 * its panel closed — the group leader of a panel whose range is too wide gets the consensus step instead. A retried
 * task finds the session aggregated and answers the same count.
 */
export const reviewAggregate = defineWorker({
  topic: 'review-aggregate',
  description: 'Aggregate and rank a review session’s scores, and close its panels or ask their leaders for consensus (input parameter: sessionId)',
  input: z.object({ sessionId: z.uuid() }),
  output: z.object({ consensusCount: z.number().int() }),
  async handle(input, { db, clock }) {
    return withTransaction(db, async (client) => {
      const session = await findReviewSession(client, input.sessionId, true);
      if (!session) throw new Error(`Review session ${input.sessionId} does not exist`);
      const projects = await sessionProjects(client, session.id);
      if (session.status !== 'scoring') return { consensusCount: projects.filter((p) => p.needsConsensus).length };
      if (!session.scoringClosedAt) throw new Error(`Review session ${session.id} has not closed its scoring`);
      const seats = (await sessionSeats(client, session.id)).filter((s) => s.active && s.status === 'scored');
      const facts = new Map((await reviewProjectFacts(client, projects.map((p) => p.projectId))).map((f) => [f.projectId, f]));
      const aggregates = new Map(projects.map((p) => [p.projectId, aggregatePanel(seats.filter((s) => s.projectId === p.projectId)
        .map((s) => ({ seatId: s.id, total: s.total!, excludedReason: s.excludedReason })))]));
      const ranking = rankProjects(projects.map((p) => {
        const f = facts.get(p.projectId)!;
        return { projectId: p.projectId, score: aggregates.get(p.projectId)!.score, priorityRank: f.priorityRank, submittedAt: (f.submittedAt ?? session.createdAt).toISOString() };
      }));
      for (const ranked of ranking) {
        const aggregate = aggregates.get(ranked.projectId)!;
        await recordProjectResult(client, { sessionId: session.id, projectId: ranked.projectId, aggregate: { ...aggregate, decidedBy: ranked.decidedBy }, score: aggregate.score, rank: ranked.rank, needsConsensus: aggregate.needsConsensus });
      }
      let consensusCount = 0;
      for (const seat of seats) {
        const consensus = aggregates.get(seat.projectId)!.needsConsensus && seat.isLeader;
        if (consensus) consensusCount++;
        await queueSeatMessage(client, seat, consensus ? 'panelConsensusRequested' : 'panelSeatClosed', consensus ? 'ConsensusRequested' : 'PanelClosed');
      }
      await setReviewSessionStatus(client, session.id, consensusCount > 0 ? 'consensus' : 'proposing');
      await insertAuditEntry(client, {
        actor: 'system', action: 'review.scores-aggregated', subject: `review-session:${session.id}`, at: clock.now(), callId: session.callId,
        detail: { sessionName: session.name, ranking: ranking.map((r) => ({ projectId: r.projectId, rank: r.rank, score: r.score, decidedBy: r.decidedBy })), consensusCount },
      });
      return { consensusCount };
    });
  },
});
