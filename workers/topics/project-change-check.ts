import { z } from 'zod';
import { withTransaction } from '../../platform/database.js';
import { cityPlatformRefusal } from '../../domain/change-request-rules.js';
import { findApplication } from '../../store/application-repository.js';
import { insertAuditEntry } from '../../store/audit-log-repository.js';
import { findCall } from '../../store/call-repository.js';
import { notifyChangeOutcome } from '../../store/project-change-notices.js';
import { findChangeRequest, recordRuleCheck } from '../../store/project-change-repository.js';
import { findProject } from '../../store/project-repository.js';
import { defineWorker } from '../worker.js';

/**
 * The city-platform rule on a change request: a change into or out of the call's capped direction is refused by
 * itself (recorded with its reason, the enterprise told); any other goes on to the unit's opinion. A retried step
 * answers what the first run decided.
 */
export const projectChangeCheck = defineWorker({
  topic: 'project-change-check',
  description: 'Check a change request against the city-platform rule; changeRefusedByRule tells whether it was refused by itself',
  input: z.object({ changeRequestId: z.uuid() }),
  output: z.object({ changeRefusedByRule: z.boolean() }),
  async handle(input, { db, clock }) {
    return withTransaction(db, async (client) => {
      const request = await findChangeRequest(client, input.changeRequestId, true);
      if (!request) throw new Error(`Change request ${input.changeRequestId} does not exist`);
      if (request.status !== 'checking') return { changeRefusedByRule: request.status === 'refused-by-rule' };
      const project = await findProject(client, request.projectId);
      const application = project && (await findApplication(client, project.applicationId));
      const call = project && (await findCall(client, project.callId));
      if (!project || !application || !call) throw new Error(`The project of change request ${request.id} is incomplete`);
      const refusal = cityPlatformRefusal(call, application.data.direction, request);
      await recordRuleCheck(client, request.id, refusal);
      await insertAuditEntry(client, {
        actor: 'system', action: refusal ? 'project.change-refused-by-rule' : 'project.change-checked', subject: `project:${project.id}`, at: clock.now(),
        callId: project.callId, unitId: project.unitId, applicationId: project.applicationId,
        detail: { projectNumber: project.projectNumber, changeRequestId: request.id, kind: request.kind, reason: refusal ?? null },
      });
      if (refusal) await notifyChangeOutcome(client, project, request, 'refused-by-rule', refusal);
      return { changeRefusedByRule: refusal !== undefined };
    });
  },
});
