import { z } from 'zod';
import { withTransaction } from '../../platform/database.js';
import { applicationMaterials } from '../../documents/application-materials.js';
import { recommendationTable } from '../../documents/recommendation-table.js';
import { recommendationRow } from '../../documents/recommendation-rows.js';
import { renderDocx } from '../../documents/render-docx.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { applicationFormIds } from '../../domain/application-forms.js';
import type { Call } from '../../domain/call.js';
import { templateLabel, type TemplateCode } from '../../domain/directions.js';
import { unitById } from '../../domain/units.js';
import { linkAttachments } from '../../store/attachment-repository.js';
import { setRenderedTable } from '../../store/batch-repository.js';
import { findCall } from '../../store/call-repository.js';
import { hasDocument, insertDocument } from '../../store/document-repository.js';
import { recommendedApplications } from '../../store/recommendation-repository.js';
import { storeRenderedFile } from '../store-rendered-file.js';
import { defineWorker, type WorkerDeps } from '../worker.js';

/** Renders a unit's 推荐表 (附件5) from its ranked recommendations, as PDF and Word, for the unit to seal. */
export const recommendationTableRender = defineWorker({
  topic: 'recommendation-table-render',
  description: 'Render the unit’s recommendation table (推荐表) as PDF and Word from its ranked recommendations',
  input: z.object({ callId: z.string().min(1), unitId: z.string().min(1), preparedByAccountId: z.number().int().positive() }),
  output: z.object({ recommendedCount: z.number() }),
  async handle(input, deps) {
    const call = await findCall(deps.db, input.callId);
    const unit = unitById(input.unitId);
    if (!call || !unit) throw new Error(`No call ${input.callId} or unit ${input.unitId}`);
    const entries = await recommendedApplications(deps.db, call.id, unit.id);
    const model = recommendationTable({ callTitle: call.title, unitName: unit.name, rows: entries.map((entry) => recommendationRow(entry, call)), cityPlatforms: entries.filter((e) => e.isCityPlatform).length });
    const [pdf, docx] = await Promise.all([renderPdf(model), renderDocx(model)]);
    const name = `推荐表-${unit.name}-${call.year}`;
    const owner = { unitId: unit.id };
    const shown = entries.map((e) => ({ applicationId: e.applicationId, rank: e.rank, opinion: e.opinion }));
    await withTransaction(deps.db, async (client) => {
      const pdfId = await storeRenderedFile(deps, client, { owner, uploadedBy: input.preparedByAccountId, fileName: `${name}.pdf`, format: 'pdf', content: pdf });
      const docxId = await storeRenderedFile(deps, client, { owner, uploadedBy: input.preparedByAccountId, fileName: `${name}.docx`, format: 'docx', content: docx });
      await setRenderedTable(client, { callId: call.id, unitId: unit.id, pdfId, docxId, at: deps.clock.now(), entries: shown });
    });
    // 推荐单位一栏由各市局填写: each recommended application's materials, now with the unit's name and opinion.
    for (const entry of entries) await renderRecommendedMaterials(deps, call, unit.name, entry);
    return { recommendedCount: entries.length };
  },
});

type Entry = Awaited<ReturnType<typeof recommendedApplications>>[number];

async function renderRecommendedMaterials(deps: WorkerDeps, call: Pick<Call, 'title' | 'directions'>, unitName: string, entry: Entry): Promise<void> {
  if (!entry.processInstanceId || (await hasDocument(deps.db, entry.applicationId, entry.correctionRound, 'recommended-materials', 'pdf'))) return;
  const form = await deps.forms.formOfInstance(entry.processInstanceId, applicationFormIds[entry.template as TemplateCode]);
  const model = applicationMaterials({
    callTitle: call.title,
    templateLabel: templateLabel(entry.template),
    applicationNumber: entry.applicationNumber,
    unitName,
    recommendedBy: unitName,
    recommendationOpinion: entry.opinion,
    form,
    data: entry.data,
    directions: call.directions,
  });
  const [pdf, docx] = await Promise.all([renderPdf(model), renderDocx(model)]);
  await withTransaction(deps.db, async (client) => {
    for (const [format, content] of [['pdf', pdf], ['docx', docx]] as const) {
      const id = await storeRenderedFile(deps, client, { owner: { uscc: entry.enterpriseUscc }, uploadedBy: entry.createdBy, fileName: `申报材料（推荐）-${entry.applicationNumber}.${format}`, format, content });
      await linkAttachments(client, entry.applicationId, [id]);
      await insertDocument(client, entry.applicationId, entry.correctionRound, 'recommended-materials', format, id);
    }
  });
}

