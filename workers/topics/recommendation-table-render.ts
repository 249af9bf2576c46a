import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { storageKeyFor } from '../../platform/attachment-store.js';
import { withTransaction } from '../../platform/database.js';
import { recommendationTable } from '../../documents/recommendation-table.js';
import { recommendationRow } from '../../documents/recommendation-rows.js';
import { renderDocx } from '../../documents/render-docx.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { unitById } from '../../domain/units.js';
import { insertAttachment } from '../../store/attachment-repository.js';
import { setRenderedTable } from '../../store/batch-repository.js';
import { findCall } from '../../store/call-repository.js';
import { recommendedApplications } from '../../store/recommendation-repository.js';
import { defineWorker, type WorkerDeps } from '../worker.js';

const mediaTypes = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

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
    const model = recommendationTable({ callTitle: call.title, unitName: unit.name, rows: entries.map(recommendationRow), cityPlatforms: entries.filter((e) => e.isCityPlatform).length });
    const [pdf, docx] = await Promise.all([renderPdf(model), renderDocx(model)]);
    const name = `推荐表-${unit.name}-${call.year}`;
    const pdfId = await store(deps, input, `${name}.pdf`, 'pdf', pdf);
    const docxId = await store(deps, input, `${name}.docx`, 'docx', docx);
    const shown = entries.map((e) => ({ applicationId: e.applicationId, rank: e.rank, opinion: e.opinion }));
    await setRenderedTable(deps.db, { callId: call.id, unitId: unit.id, pdfId, docxId, at: deps.clock.now(), entries: shown });
    return { recommendedCount: entries.length };
  },
});

async function store(deps: WorkerDeps, input: { unitId: string; preparedByAccountId: number }, fileName: string, format: 'pdf' | 'docx', content: Buffer): Promise<string> {
  const id = randomUUID();
  await deps.attachments.put(storageKeyFor(id), content);
  await withTransaction(deps.db, (client) =>
    insertAttachment(client, {
      id, ownerUscc: null, ownerUnitId: input.unitId, uploadedBy: input.preparedByAccountId, fileName, mediaType: mediaTypes[format],
      sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex'), storageKey: storageKeyFor(id), replaces: null,
    }));
  return id;
}
