import type { FastifyInstance } from 'fastify';
import { waitFor } from './engine.js';

// An expert's seat work through the API, as the expert's browser would send it: find the seat's open task among the
// expert's tasks, sign the 回避声明, score. For tests that do one seat in the browser and the rest this way.

type Headers = Record<string, string>;

/** The open task of `stage` (DeclareConflict, ScoreProject) of one seat, as its expert sees it; `relay` runs first. */
export function seatTaskOf(app: FastifyInstance, headers: Headers, stage: string, seatId: string, relay: () => Promise<unknown>): Promise<string> {
  return waitFor(`the ${stage} task of seat ${seatId}`, async () => {
    await relay();
    const { tasks } = (await app.inject({ method: 'GET', url: `/api/tasks?stage=${stage}`, headers })).json() as { tasks: { taskId: string }[] };
    for (const task of tasks) {
      const detail = (await app.inject({ method: 'GET', url: `/api/tasks/${task.taskId}`, headers })).json() as { reviewSeat: { seatId: string } | null };
      if (detail.reviewSeat?.seatId === seatId) return task.taskId;
    }
    return undefined;
  }, 90_000);
}

/** A total split over the shipped rubric's criteria (发展基础好 40, 创新模式优 30, 推广意义大 30) in proportion. */
export function rubricScores(total: number): { foundation: number; innovation: number; promotion: number } {
  const foundation = Math.round(total * 0.4);
  const innovation = Math.round(total * 0.3);
  return { foundation, innovation, promotion: total - foundation - innovation };
}

/** Signs the seat's 评审承诺书 and 回避声明 (no conflict), then scores it with `total`; throws on a refused answer. */
export async function declareAndScore(app: FastifyInstance, headers: Headers, seatId: string, total: number, opinion: string, relay: () => Promise<unknown>): Promise<void> {
  const complete = async (taskId: string, payload: object) => {
    const answer = await app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers, payload });
    if (answer.statusCode !== 204) throw new Error(`Expected 204, got ${answer.statusCode}: ${answer.body}`);
  };
  await complete(await seatTaskOf(app, headers, 'DeclareConflict', seatId, relay), { commitmentSigned: true, declaration: 'no-conflict' });
  await complete(await seatTaskOf(app, headers, 'ScoreProject', seatId, relay), { scores: rubricScores(total), opinion });
}
