import { z } from 'zod';
import { applicationFields, integrationStages } from '../../domain/application.js';
import { checkEligibility } from '../../domain/eligibility/check-eligibility.js';
import { isWithinCalendar } from '../../domain/eligibility/e8-within-calendar.js';
import { withTransaction } from '../../platform/database.js';
import { earlierLiveDeclarations, findApplication } from '../../store/application-repository.js';
import { findCall } from '../../store/call-repository.js';
import { findProject } from '../../store/project-repository.js';
import { currentReviewRound, storeProjectChecks, type ProjectCheck } from '../../store/project-review-repository.js';
import { defineWorker } from '../worker.js';

/**
 * Re-runs the notice's conditions for the province's formal review: E1–E7 on the data as submitted (E6 now against
 * the provincial library too), E8 against the submission time. The findings are the officer's to judge: they are
 * recorded for the review round and counted, never routed on.
 */
export const projectFormalChecks = defineWorker({
  topic: 'project-formal-checks',
  description: 'Re-run E1–E8 on a project’s submitted application for the province’s formal review',
  input: z.object({ projectId: z.uuid(), minimumIntegrationStage: z.enum(integrationStages) }),
  output: z.object({ formalCheckFindings: z.number().int() }),
  async handle(input, { db, clock }) {
    return withTransaction(db, async (client) => {
      const project = await findProject(client, input.projectId);
      if (!project) throw new Error(`Project ${input.projectId} does not exist`);
      const application = (await findApplication(client, project.applicationId))!;
      const call = await findCall(client, project.callId);
      if (!call || !application.submittedAt) throw new Error(`Project ${project.id} has no submitted application or call`);
      const e8: ProjectCheck = isWithinCalendar(application.submittedAt, { opensAt: call.opensAt, closesAt: call.enterpriseDeadline })
        ? { ruleId: 'E8', result: 'pass' }
        : { ruleId: 'E8', result: 'refused', reason: '提交时间不在申报期内' };
      const fields = applicationFields.safeParse(application.data);
      // Validated at submission: data that no longer parses changed behind the API's back; the officer is told.
      const content: ProjectCheck[] = fields.success
        ? checkEligibility(fields.data, {
          minimumIntegrationStage: input.minimumIntegrationStage,
          earlierDeclarations: await earlierLiveDeclarations(client, application),
          ownApplicationNumber: application.applicationNumber ?? undefined,
        }).outcomes
        : [{ ruleId: 'DATA', result: 'refused', reason: `申报数据不完整或格式不符，无法核验：${fields.error.issues.slice(0, 3).map((i) => i.path.join('.')).join('、')}` }];
      const outcomes = [...content, e8];
      await storeProjectChecks(client, project.id, await currentReviewRound(client, project.id), outcomes, clock.now());
      return { formalCheckFindings: outcomes.filter((o) => o.result !== 'pass').length };
    });
  },
});
