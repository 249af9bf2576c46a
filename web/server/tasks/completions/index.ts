import { batchSubmissionCompletion } from './batch-submission.js';
import { changeDecisionCompletion } from './change-decision.js';
import { changeUnitOpinionCompletion } from './change-unit-opinion.js';
import { collectiveDecisionCompletion } from './collective-decision.js';
import { cityRecommendationCompletion } from './city-recommendation.js';
import { cityReviewCompletion } from './city-review.js';
import type { Completion } from './completion.js';
import { exitApprovalCompletion } from './exit-approval.js';
import { formalReviewCompletion } from './formal-review.js';
import { genericCompletion } from './generic.js';
import { returnAnswerCompletion } from './return-answer.js';
import { declareConflictCompletion, recordConsensusCompletion, scoreProjectCompletion } from './review-seat.js';

// One completion per user task of the shipped processes (`process/task` keys); any other task is completed with
// its form's own fields.
const completions: Readonly<Record<string, Completion>> = {
  'declaration/CityReview': registered(cityReviewCompletion),
  'declaration/CityRecommendation': registered(cityRecommendationCompletion),
  'unitBatch/SubmitBatch': registered(batchSubmissionCompletion),
  'project/FormalReview': registered(formalReviewCompletion),
  'project/AnswerReturn': registered(returnAnswerCompletion),
  'project/ChangeUnitOpinion': registered(changeUnitOpinionCompletion),
  'project/ChangeDecision': registered(changeDecisionCompletion),
  'project/ExitApproval': registered(exitApprovalCompletion),
  'reviewSession/CollectiveDecision': registered(collectiveDecisionCompletion),
  'panelSeat/DeclareConflict': registered(declareConflictCompletion),
  'panelSeat/ScoreProject': registered(scoreProjectCompletion),
  'panelSeat/RecordConsensus': registered(recordConsensusCompletion),
};

/** How a task is completed from the tasklist, by its process definition and task key. */
export function completionFor(processDefinitionId: string, taskDefinitionKey: string): Completion {
  return completions[`${processDefinitionId.split(':')[0]}/${taskDefinitionKey}`] ?? registered(genericCompletion);
}

// helpers

/** A completion whose data type is its own schema's: the schema's output is what `complete` receives. */
function registered<T>(completion: Completion<T>): Completion {
  return { schema: completion.schema, complete: (deps, context, data) => completion.complete(deps, context, data as T) };
}
