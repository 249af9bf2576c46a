import { z } from 'zod';
import { withTransaction } from '../../platform/database.js';
import { findApplication } from '../../store/application-repository.js';
import { insertAuditEntry } from '../../store/audit-log-repository.js';
import { applyApprovedChange, findChangeRequest } from '../../store/project-change-repository.js';
import { findProject } from '../../store/project-repository.js';
import { defineWorker } from '../worker.js';

/**
 * Writes an approved change into the project's current version (application.data), once; the admission snapshot
 * stays as it was. A retried step finds it applied and changes nothing.
 */
export const projectChangeApply = defineWorker({
  topic: 'project-change-apply',
  description: 'Apply an approved change request to the project’s current version, once (the snapshot stays)',
  input: z.object({ changeRequestId: z.uuid() }),
  output: z.object({}),
  async handle(input, { db, clock }) {
    await withTransaction(db, async (client) => {
      const request = await findChangeRequest(client, input.changeRequestId, true);
      if (!request) throw new Error(`Change request ${input.changeRequestId} does not exist`);
      if (request.appliedAt) return;
      if (request.kind !== 'change' || request.status !== 'approved') throw new Error(`Change request ${request.id} is a ${request.kind} ${request.status}, not an approved change`);
      const project = await findProject(client, request.projectId, true);
      const application = project && (await findApplication(client, project.applicationId, true));
      if (!project || !application) throw new Error(`The project of change request ${request.id} is incomplete`);
      const now = clock.now();
      const before = Object.fromEntries(Object.keys(request.changes).map((field) => [field, application.data[field] ?? null]));
      await applyApprovedChange(client, request, now);
      await insertAuditEntry(client, {
        actor: 'system', action: 'project.changed', subject: `project:${project.id}`, at: now,
        callId: project.callId, unitId: project.unitId, applicationId: project.applicationId,
        detail: { projectNumber: project.projectNumber, changeRequestId: request.id, approvedBy: request.decidedBy, before, after: request.changes },
      });
    });
    return {};
  },
});
