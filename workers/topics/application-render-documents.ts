import { z } from 'zod';
import { withTransaction } from '../../platform/database.js';
import { applicationMaterials } from '../../documents/application-materials.js';
import { commitmentLetter } from '../../documents/commitment-letter.js';
import type { DocumentModel } from '../../documents/document-model.js';
import { renderDocx } from '../../documents/render-docx.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { summaryOf } from '../../domain/application-summary.js';
import { templateLabel } from '../../domain/directions.js';
import { unitById } from '../../domain/units.js';
import { findApplication, type Application } from '../../store/application-repository.js';
import { changeApplicationStatus } from '../../store/application-status-change.js';
import { linkAttachments } from '../../store/attachment-repository.js';
import { findCall } from '../../store/call-repository.js';
import { workingDayCalendarFrom } from '../../store/working-day-repository.js';
import { addWorkingDays } from '../../domain/working-days.js';
import { hasDocument, insertDocument, type DocumentKind } from '../../store/document-repository.js';
import { applicationFormIds } from '../../domain/application-forms.js';
import { storeRenderedFile } from '../store-rendered-file.js';
import { defineWorker, type WorkerDeps } from '../worker.js';

const renderers = { pdf: renderPdf, docx: renderDocx } as const;

/**
 * Renders the 申报材料 and the 承诺书 as PDF and Word for the applicant to print, seal and upload back, stores them
 * as the enterprise's attachments, and sets the due date for the sealed scans: the call's seal due days, counted
 * in working days (the working-day calendar). A retry renders only what is missing.
 */
export const applicationRenderDocuments = defineWorker({
  topic: 'application-render-documents',
  description: 'Render the application materials and the commitment letter (PDF and Word) for sealing',
  input: z.object({ applicationId: z.uuid() }),
  output: z.object({ sealDueDate: z.iso.datetime() }),
  async handle(input, deps, task) {
    const application = await findApplication(deps.db, input.applicationId);
    if (!application?.applicationNumber) throw new Error(`Application ${input.applicationId} is not a submitted application`);
    const call = await findCall(deps.db, application.callId);
    if (!call) throw new Error(`Call ${application.callId} does not exist`);
    const form = await deps.forms.form(task.processDefinitionId, applicationFormIds[application.template]);
    const { enterpriseName, projectName } = summaryOf(application.data);
    const models: Record<'materials' | 'commitment', DocumentModel> = {
      materials: applicationMaterials({
        callTitle: call.title,
        templateLabel: templateLabel(application.template),
        applicationNumber: application.applicationNumber,
        unitName: unitById(application.unitId ?? '')?.name ?? '',
        form,
        data: application.data,
        directions: call.directions,
      }),
      commitment: commitmentLetter({
        enterpriseName,
        uscc: application.enterpriseUscc,
        projectName,
        applicationNumber: application.applicationNumber,
      }),
    };
    for (const kind of ['materials', 'commitment'] as const) {
      for (const format of ['pdf', 'docx'] as const) {
        if (await hasDocument(deps.db, application.id, application.correctionRound, kind, format)) continue;
        await storeDocument(deps, application, kind, format, await renderers[format](models[kind]));
      }
    }
    const now = deps.clock.now();
    const due = addWorkingDays(now, call.sealDueDays, await workingDayCalendarFrom(deps.db, now));
    await withTransaction(deps.db, (client) =>
      changeApplicationStatus(client, {
        applicationId: application.id, status: 'awaiting-sealed-scans', at: now, actor: 'system', reason: null, causeKey: task.externalTaskId,
        notice: { reasonText: 'sealedScansRequest', dueDate: due },
      }),
    );
    return { sealDueDate: due.toISOString() };
  },
});

// helpers

const fileTitles: Record<'materials' | 'commitment', string> = { materials: '申报材料', commitment: '承诺书' };

async function storeDocument(deps: WorkerDeps, application: Application, kind: 'materials' | 'commitment', format: 'pdf' | 'docx', content: Buffer) {
  await withTransaction(deps.db, async (client) => {
    const id = await storeRenderedFile(deps, client, {
      owner: { uscc: application.enterpriseUscc }, uploadedBy: application.createdBy, fileName: `${fileTitles[kind]}-${application.applicationNumber}.${format}`, format, content,
    });
    await linkAttachments(client, application.id, [id]);
    await insertDocument(client, application.id, application.correctionRound, kind as DocumentKind, format, id);
  });
}
