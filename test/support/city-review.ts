import type { FastifyInstance } from 'fastify';
import { waitFor } from './engine.js';

// The city's preliminary review (市级初审, task CityReview) through the tasklist API that reviewers use.

export interface CityReviewTask {
  taskId: string;
  applicationId: string | null;
  applicationNumber: string | null;
}

/** The reviewer's open preliminary reviews, as GET /api/tasks lists them for the CityReview stage. */
export async function openCityReviews(app: FastifyInstance, headers: Record<string, string>): Promise<CityReviewTask[]> {
  const answer = await app.inject({ method: 'GET', url: '/api/tasks?stage=CityReview', headers });
  if (answer.statusCode !== 200) throw new Error(`GET /api/tasks answered ${answer.statusCode}: ${answer.body.slice(0, 200)}`);
  const { tasks } = answer.json() as { tasks: { taskId: string; subject: { applicationId: string | null; applicationNumber: string | null } }[] };
  return tasks.map((t) => ({ taskId: t.taskId, applicationId: t.subject.applicationId, applicationNumber: t.subject.applicationNumber }));
}

/** Waits until the application's preliminary review is in the reviewer's tasklist; its task id. */
export function cityReviewTaskOf(app: FastifyInstance, headers: Record<string, string>, applicationId: string, timeoutMs?: number): Promise<string> {
  return waitFor('the city review', async () => (await openCityReviews(app, headers)).find((t) => t.applicationId === applicationId)?.taskId, timeoutMs);
}

/** Completes a preliminary review through the tasklist (POST /api/tasks/:taskId/complete). */
export function completeCityReview(app: FastifyInstance, headers: Record<string, string>, taskId: string, review: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers, payload: review });
}
