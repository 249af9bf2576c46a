import { z } from 'zod';
import { attachmentReferencesIn } from '../../domain/attachment-reference.js';
import { withTransaction } from '../../platform/database.js';
import { findApplication } from '../../store/application-repository.js';
import { findAttachments } from '../../store/attachment-repository.js';
import { latestDocuments } from '../../store/document-repository.js';
import { findProject, setProjectSnapshot, type ProjectSnapshot } from '../../store/project-repository.js';
import { defineWorker } from '../worker.js';

/**
 * Freezes the application as admitted (LIFECYCLE.md stage 4a): its data, its attachments' hashes and its rendered
 * documents. Set once: a retried or repeated admission keeps the first snapshot.
 */
export const projectSnapshot = defineWorker({
  topic: 'project-snapshot',
  description: 'Freeze the admission snapshot of a project: the application’s data, attachments’ hashes and documents',
  input: z.object({ projectId: z.uuid() }),
  output: z.object({}),
  async handle(input, { db, clock }) {
    await withTransaction(db, async (client) => {
      const project = await findProject(client, input.projectId, true);
      if (!project) throw new Error(`Project ${input.projectId} does not exist`);
      if (project.snapshot) return;
      const application = (await findApplication(client, project.applicationId))!;
      const references = attachmentReferencesIn(application.data);
      const documents = await latestDocuments(client, application.id);
      const stored = new Map((await findAttachments(client, [...references.map((r) => r.ref.id), ...documents.map((d) => d.attachmentId)])).map((a) => [a.id, a]));
      const snapshot: ProjectSnapshot = {
        admittedAt: clock.now().toISOString(),
        template: application.template,
        data: application.data,
        attachments: references.map(({ path, ref }) => ({ id: ref.id, fileName: ref.fileName, sha256: ref.sha256, mediaType: stored.get(ref.id)?.mediaType ?? '', label: path })),
        documents: documents.flatMap((d) => {
          const file = stored.get(d.attachmentId);
          return file ? [{ kind: d.kind, format: d.format, attachmentId: d.attachmentId, fileName: file.fileName, sha256: file.sha256 }] : [];
        }),
      };
      await setProjectSnapshot(client, project.id, snapshot);
    });
    return {};
  },
});
