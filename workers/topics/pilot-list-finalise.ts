import { createHash } from 'node:crypto';
import { z } from 'zod';
import { pilotListPdf, type PilotListEntry } from '../../documents/pilot-list-pdf.js';
import { pilotListWorkbook } from '../../documents/pilot-list-xlsx.js';
import { directionLabel, templateLabel } from '../../domain/directions.js';
import { beijingDate } from '../../domain/working-days.js';
import { unitNameOf } from '../../domain/units.js';
import { withTransaction } from '../../platform/database.js';
import { MESSAGE_ID_DOMAIN } from '../../store/applicant-notifications.js';
import { insertAuditEntry } from '../../store/audit-log-repository.js';
import { findCall } from '../../store/call-repository.js';
import { queueMessageCorrelation } from '../../store/engine-command-repository.js';
import { addInAppMessage, queueEmail } from '../../store/notification-repository.js';
import { insertPilotListDocument, latestProposal, pilotListDocuments, sessionObjections } from '../../store/pilot-selection-repository.js';
import {
  findReviewSession, markSelectedProjects, reviewProjectFacts, sessionProjects, setReviewSessionStatus,
} from '../../store/review-session-repository.js';
import { storeRenderedFile } from '../store-rendered-file.js';
import { defineWorker } from '../worker.js';

/**
 * The 公示 is over and every objection answered: the final 试点项目名单 is the approved proposal without the
 * projects of upheld objections. Renders it as PDF and Excel (once), tells each enterprise and unit, and sends each
 * pilot's process the message that makes it a pilot (试点). A retried task finds the list rendered and sends nothing
 * twice (one event key per notice, one pending message per project).
 */
export const pilotListFinalise = defineWorker({
  topic: 'pilot-list-finalise',
  description: 'Publish the final pilot list as PDF and Excel, notify enterprises and units, make the projects pilots (input parameters: sessionId, actor)',
  input: z.object({ sessionId: z.uuid(), actor: z.string().trim().min(1).max(200) }),
  output: z.object({ pilotCount: z.number().int() }),
  async handle(input, deps) {
    const { db, clock } = deps;
    return withTransaction(db, async (client) => {
      const session = await findReviewSession(client, input.sessionId, true);
      if (!session) throw new Error(`Review session ${input.sessionId} does not exist`);
      const results = await sessionProjects(client, session.id);
      if (session.status === 'final') return { pilotCount: results.filter((r) => r.selected).length };
      const proposal = await latestProposal(client, session.id);
      if (proposal?.decision !== 'approve') throw new Error(`Review session ${session.id} has no approved proposal`);
      const upheld = new Set((await sessionObjections(client, session.id)).filter((o) => o.upheld === true).map((o) => o.projectId));
      const selected = proposal.projectIds.filter((id) => !upheld.has(id));
      const now = clock.now();
      const call = (await findCall(client, session.callId))!;
      const facts = new Map((await reviewProjectFacts(client, selected)).map((f) => [f.projectId, f]));
      const resultOf = new Map(results.map((r) => [r.projectId, r]));
      const entries: PilotListEntry[] = selected
        .map((id) => ({ fact: facts.get(id)!, result: resultOf.get(id)! }))
        .sort((a, b) => (a.result.rank ?? 0) - (b.result.rank ?? 0))
        .map(({ fact, result }) => ({
          rank: result.rank ?? 0, projectNumber: fact.projectNumber, projectName: fact.projectName, enterpriseName: fact.enterpriseName, uscc: fact.uscc,
          unitName: unitNameOf(fact.unitId), direction: directionLabel(fact.direction, call.directions), category: templateLabel(fact.template),
          score: result.score === null ? '' : result.score.toFixed(2),
        }));
      const title = `${call.year}年河北省工业互联网重点项目试点项目名单`;
      const listInput = {
        title, callTitle: call.title, sessionName: session.name,
        decision: { meeting: proposal.meeting!, date: proposal.meetingDate!, minutesRef: proposal.minutesRef! },
        publicNotice: session.noticeFrom && session.noticeUntil ? { from: beijingDate(session.noticeFrom), to: beijingDate(session.noticeUntil) } : null,
        entries, generatedAt: now, generatedAtText: beijingText(now),
      };
      const actor = (await client.query<{ id: string }>('SELECT id FROM account WHERE username = $1', [input.actor])).rows[0];
      if (!actor) throw new Error(`No account ${input.actor} to file the pilot list under`);
      const rendered = new Set((await pilotListDocuments(client, session.id)).map((d) => d.format));
      for (const format of ['pdf', 'xlsx'] as const) {
        if (rendered.has(format)) continue;
        const content = format === 'pdf' ? await pilotListPdf(listInput) : await pilotListWorkbook(listInput);
        const attachmentId = await storeRenderedFile(deps, client, { owner: { unitId: 'province' }, uploadedBy: Number(actor.id), fileName: `${title}.${format}`, format, content });
        await insertPilotListDocument(client, { sessionId: session.id, format, attachmentId, sha256: createHash('sha256').update(content).digest('hex'), at: now });
      }
      await markSelectedProjects(client, session.id, selected);
      for (const id of selected) {
        const fact = facts.get(id)!;
        const body = `贵单位申报的项目“${fact.projectName}”（编号 ${fact.projectNumber}）经专家评审、集体决策和公示，已列入${title}。请按要求推进项目建设，并按期报送项目进展。`;
        const eventKey = `pilot-selected:${session.id}:${id}`;
        await addInAppMessage(client, { eventKey, enterpriseUscc: fact.uscc, applicationId: fact.applicationId, title: '项目已列入试点项目名单', body });
        if (fact.contactEmail?.includes('@')) await queueEmail(client, { eventKey, recipient: fact.contactEmail, subject: '项目已列入试点项目名单', body }, MESSAGE_ID_DOMAIN);
        await queueMessageCorrelation(client, {
          messageName: 'projectPilotSelected', businessKey: fact.projectNumber, processDefinitionKey: 'project', catchingActivityId: 'PilotSelected',
          variables: { pilotListFinalisedBy: input.actor, pilotListTitle: title, reviewSessionId: session.id }, subject: { projectId: id },
        });
      }
      for (const unitId of [...new Set(selected.map((id) => facts.get(id)!.unitId))]) {
        const mine = selected.filter((id) => facts.get(id)!.unitId === unitId).map((id) => `${facts.get(id)!.projectNumber} ${facts.get(id)!.projectName}`);
        await addInAppMessage(client, {
          eventKey: `pilot-list:${session.id}:${unitId}`, unitId, title: '试点项目名单已发布',
          body: `${title}已发布。本单位推荐的以下项目列入试点：\n${mine.join('\n')}\n请做好项目指导和调度。`,
        });
      }
      await setReviewSessionStatus(client, session.id, 'final', { finalisedBy: input.actor, at: now });
      await insertAuditEntry(client, {
        actor: input.actor, action: 'review.pilot-list-published', subject: `review-session:${session.id}`, at: now, callId: session.callId,
        detail: { sessionName: session.name, projectIds: selected, removedByObjection: [...upheld] },
      });
      return { pilotCount: selected.length };
    });
  },
});

// helpers

function beijingText(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
