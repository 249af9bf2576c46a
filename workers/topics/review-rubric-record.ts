import { z } from 'zod';
import { rubricFromDecisionRows } from '../../domain/review-rubric.js';
import { recordSessionRubric } from '../../store/review-session-repository.js';
import { defineWorker } from '../worker.js';

/**
 * Records the rubric the decision table reviewRubric gave the session (its rows as JSON), so every score of the
 * session is checked against the same criteria however the table changes later. A retried task finds it recorded.
 */
export const reviewRubricRecord = defineWorker({
  topic: 'review-rubric-record',
  description: 'Record the review session’s rubric from the decision table’s rows (input parameters: sessionId, rubricRows as JSON)',
  input: z.object({
    sessionId: z.uuid(),
    rubricRows: z.string().transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'rubricRows is not JSON' });
        return z.NEVER;
      }
    }),
  }),
  output: z.object({ rubricCriteria: z.number().int() }),
  async handle(input, { db, clock }) {
    // The engine hands the collected rows as plain objects; the rule reads them as the REST evaluation gives them.
    const rows = Array.isArray(input.rubricRows)
      ? input.rubricRows.map((row) => Object.fromEntries(Object.entries(row as Record<string, unknown>).map(([name, value]) => [name, { value }])))
      : input.rubricRows;
    const rubric = rubricFromDecisionRows(rows);
    await recordSessionRubric(db, input.sessionId, rubric, clock.now());
    return { rubricCriteria: rubric.length };
  },
});
