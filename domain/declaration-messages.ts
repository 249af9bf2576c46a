import type { ApplicationStatus } from './application-status.js';

// The messages the web server sends to an application's declaration process (processes/declaration.bpmn), each with
// the element of the model that catches it: a replayed delivery the engine refuses is done when the history shows
// that element reached (web/server/engine-commands/run-engine-command.ts).

export const DECLARATION_PROCESS = 'declaration';

export const declarationMessages = {
  /** The unit submitted the batch holding the application: its wait ends at 已推荐至省厅. */
  batchSubmitted: { messageName: 'BatchSubmitted', catchingActivityId: 'AwaitBatchSubmission' },
  /** The unit withdrew its recommendation: back to its library, at the recommendation task again. */
  recommendationWithdrawn: { messageName: 'RecommendationWithdrawn', catchingActivityId: 'RecommendationWithdrawn' },
  /** The applicant withdrew the application (variable withdrawalReason): the process ends at 已撤回. */
  applicationWithdrawn: { messageName: 'ApplicationWithdrawn', catchingActivityId: 'ApplicationWithdrawn' },
} as const;

export type DeclarationMessage = keyof typeof declarationMessages;

/** The statuses an applicant may withdraw from (a recommended one only until its unit's batch is submitted). */
export const withdrawableStatuses = [
  'submitted', 'checking', 'correction-requested', 'resubmitted', 'awaiting-sealed-scans', 'with-city', 'in-city-library', 'recommended',
] as const satisfies readonly ApplicationStatus[];
