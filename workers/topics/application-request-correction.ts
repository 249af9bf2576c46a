import { z } from 'zod';
import { withTransaction } from '../../platform/database.js';
import { fieldLabels } from '../../domain/application.js';
import { optionLabels } from '../../modeling/form-schema.js';
import { findApplication, latestRuleOutcomes } from '../../store/application-repository.js';
import { changeApplicationStatus } from '../../store/application-status-change.js';
import { findCall } from '../../store/call-repository.js';
import { workingDayCalendarFrom } from '../../store/working-day-repository.js';
import { addWorkingDays } from '../../domain/working-days.js';
import { BusinessError, defineWorker } from '../worker.js';

const CITY_REVIEW_FORM = 'city-preliminary-review';

/**
 * Asks the applicant for a correction — after the rules asked for one, or when the city returns the application —
 * with a due date of the call's correction days, counted in working days (the working-day calendar). When the call's
 * rounds are used up it raises CORRECTION_ROUNDS_EXCEEDED instead.
 */
export const applicationRequestCorrection = defineWorker({
  topic: 'application-request-correction',
  description: 'Request a correction from the applicant with a due date; error CORRECTION_ROUNDS_EXCEEDED when no round is left',
  input: z.object({
    applicationId: z.uuid(),
    requestedBy: z.enum(['rules', 'city']),
    cityOpinion: z.string().max(1000).nullish(),
    fieldComments: z.array(z.object({ field: z.string(), comment: z.string() })).nullish(),
  }),
  output: z.object({
    correctionDueDate: z.iso.datetime(),
    correctionRequest: z.string(),
    // The city's comments on single fields, for the correction page to show beside those fields; none from the rules.
    correctionFieldComments: z.array(z.object({ field: z.string(), label: z.string(), comment: z.string() })),
  }),
  async handle(input, { db, clock, forms }, task) {
    // The reviewer chose each field from the review form's list: name it as that form does.
    const labels = input.requestedBy === 'city' && input.fieldComments?.length
      ? optionLabels(await forms.formOfInstance(task.processInstanceId, CITY_REVIEW_FORM), ['fieldComments'], 'field')
      : new Map<string, string>();
    const labelOf = (field: string) => labels.get(field) ?? (fieldLabels as Record<string, string>)[field] ?? field;
    return withTransaction(db, async (client) => {
      const application = await findApplication(client, input.applicationId, true);
      if (!application?.applicationNumber) throw new Error(`Application ${input.applicationId} is not a submitted application`);
      const call = await findCall(client, application.callId);
      if (!call) throw new Error(`Call ${application.callId} of application ${application.id} does not exist`);
      if (application.correctionRound >= call.maxCorrectionRounds) {
        throw new BusinessError('CORRECTION_ROUNDS_EXCEEDED', `补正次数已达上限（${call.maxCorrectionRounds} 次）`);
      }
      const request = input.requestedBy === 'city'
        ? cityRequest(input.cityOpinion ?? '', input.fieldComments ?? [], labelOf)
        : rulesRequest(await latestRuleOutcomes(client, application.id));
      const now = clock.now();
      const due = addWorkingDays(now, call.correctionDays, await workingDayCalendarFrom(client, now));
      await changeApplicationStatus(client, {
        applicationId: application.id, status: 'correction-requested', at: now, actor: input.requestedBy === 'city' ? `city${application.unitId}` : 'system', reason: request, causeKey: task.externalTaskId, notice: { dueDate: due },
      });
      const correctionFieldComments = input.requestedBy === 'city' ? (input.fieldComments ?? []).map(({ field, comment }) => ({ field, label: labelOf(field), comment })) : [];
      return { correctionDueDate: due.toISOString(), correctionRequest: request, correctionFieldComments };
    });
  },
});

// helpers

function rulesRequest(outcomes: readonly { ruleId: string; result: string; reason?: string }[]): string {
  return outcomes.filter((o) => o.result === 'correction').map((o) => `【${o.ruleId}】${o.reason ?? ''}`).join('\n');
}

function cityRequest(opinion: string, comments: readonly { field: string; comment: string }[], labelOf: (field: string) => string): string {
  return [opinion, ...comments.map((c) => `${labelOf(c.field)}：${c.comment}`)].filter(Boolean).join('\n');
}
