import { directionLabel } from '../../../domain/directions.js';
import { aggregatePanel } from '../../../domain/score-aggregation.js';
import { unitNameOf } from '../../../domain/units.js';
import type { Queryable } from '../../../platform/database.js';
import { findCall } from '../../../store/call-repository.js';
import { expertNames } from '../../../store/expert-repository.js';
import { panelDraws, sessionSeats } from '../../../store/panel-seat-repository.js';
import { pilotListDocuments, sessionObjections, sessionProposals } from '../../../store/pilot-selection-repository.js';
import {
  findReviewSession, listReviewSessions, reviewProjectFacts, reviewSessionStatuses, sessionOfProject, sessionProjects, type ReviewSession,
} from '../../../store/review-session-repository.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import { tasksOfInstance, type TaskDeps } from '../tasks/scope.js';

// The pages' views of review sessions: the province's (everything, panel names included, with each expert's
// eligibility from the draw's record) and what a unit or an applicant sees of its project's review (the panel's
// names only once the results are published, from the 公示's start).

/** The sessions of a call (or all), for the list. */
export async function sessionList(db: Queryable, callId?: string) {
  const sessions = await listReviewSessions(db, callId);
  const counts = await db.query<{ session_id: string; count: number }>('SELECT session_id, count(*)::int AS count FROM review_session_project GROUP BY session_id');
  const countOf = new Map(counts.rows.map((r) => [r.session_id, r.count]));
  return { sessions: sessions.map((s) => ({ ...summaryOf(s), projectCount: countOf.get(s.id) ?? 0 })) };
}

/** The session's page for the province. */
export async function sessionView(deps: TaskDeps, account: Account, sessionId: string) {
  const session = await findReviewSession(deps.db, sessionId);
  if (!session) throw new AppError('NOT_FOUND', '没有找到该评审会。');
  const [call, results, seats, draws, proposals, objections, documents] = await Promise.all([
    findCall(deps.db, session.callId), sessionProjects(deps.db, sessionId), sessionSeats(deps.db, sessionId), panelDraws(deps.db, sessionId),
    sessionProposals(deps.db, sessionId), sessionObjections(deps.db, sessionId), pilotListDocuments(deps.db, sessionId),
  ]);
  const facts = new Map((await reviewProjectFacts(deps.db, results.map((r) => r.projectId))).map((f) => [f.projectId, f]));
  const expertName = await expertNames(deps.db, draws.flatMap(drawnExpertIds));
  const proposed = new Set(proposals.at(-1)?.projectIds ?? []);
  const projects = results.map((result) => {
    const fact = facts.get(result.projectId)!;
    const panel = seats.filter((s) => s.projectId === result.projectId);
    const live = aggregatePanel(panel.filter((s) => s.active && s.total !== null).map((s) => ({ seatId: s.id, total: s.total!, excludedReason: s.excludedReason })));
    const outliers = new Set(live.outliers.map((o) => o.seatId));
    return {
      projectId: result.projectId, projectNumber: fact.projectNumber, projectName: fact.projectName, enterpriseName: fact.enterpriseName, unitId: fact.unitId,
      unitName: unitNameOf(fact.unitId), direction: fact.direction, directionLabel: directionLabel(fact.direction, call?.directions),
      seats: panel.map((s) => ({
        seatId: s.id, expertId: s.expertId, expertName: s.expertName, expertOrganisation: s.expertOrganisation, expertTitle: s.expertTitle, status: s.status, active: s.active,
        isLeader: s.isLeader, declineReason: s.declineReason, scores: s.scores, total: s.total, opinion: s.opinion, excludedReason: s.excludedReason,
        rescoreReason: s.rescoreReason, outlier: outliers.has(s.id),
      })),
      eligibility: eligibilityOf(draws, result.projectId, expertName),
      score: result.score ?? live.score, rank: result.rank, median: live.median, range: live.range, method: live.method,
      needsConsensus: result.needsConsensus || live.needsConsensus, consensusOpinion: result.consensusOpinion, proposed: proposed.has(result.projectId), selected: result.selected,
    };
  });
  const [openTask] = session.processInstanceId ? await tasksOfInstance(deps, account, session.processInstanceId) : [];
  return {
    ...summaryOf(session), projectCount: results.length, panelSize: session.panelSize, excludeSameUnit: session.excludeSameUnit,
    limitPerDirection: session.limitPerDirection, limitPerUnit: session.limitPerUnit, rubric: session.rubric, noticeFrom: session.noticeFrom,
    noticeUntil: session.noticeUntil, finalisedAt: session.finalisedAt, projects,
    draws: draws.map(({ record: _record, sessionId: _sessionId, ...draw }) => draw),
    proposals: proposals.map(({ id: _id, sessionId: _sessionId, ...proposal }) => proposal),
    objections: objections.map(({ sessionId: _sessionId, ...objection }) => objection),
    documents: documents.map((d) => ({ format: d.format, attachmentId: d.attachmentId, sha256: d.sha256 })),
    openTask: openTask ? { taskId: openTask.task.id, taskKey: openTask.task.taskDefinitionKey, name: openTask.task.name ?? openTask.task.taskDefinitionKey } : null,
  };
}

/** What a unit or an applicant sees of a project's review; NOT_FOUND when no session reviews it. */
export async function projectReview(db: Queryable, projectId: string) {
  const session = await sessionOfProject(db, projectId);
  if (!session) throw new AppError('NOT_FOUND', '该项目尚未参加专家评审。');
  const published = session.noticeFrom !== null;
  const result = (await sessionProjects(db, session.id)).find((p) => p.projectId === projectId)!;
  const panel = published ? (await sessionSeats(db, session.id)).filter((s) => s.projectId === projectId && s.active) : null;
  return {
    sessionName: session.name, status: session.status, statusLabel: reviewSessionStatuses[session.status], published,
    score: published ? result.score : null, rank: published ? result.rank : null,
    selected: session.status === 'final' && result.selected,
    panel: panel ? panel.map((s) => ({ expertName: s.expertName, expertOrganisation: s.expertOrganisation, isLeader: s.isLeader })) : null,
  };
}

// helpers

function summaryOf(session: ReviewSession) {
  return {
    sessionId: session.id, callId: session.callId, name: session.name, direction: session.direction, status: session.status,
    statusLabel: reviewSessionStatuses[session.status], createdAt: session.createdAt,
  };
}

type DrawRecord = { eligibility?: { projectId: string; eligible: string[]; ineligible: { expertId: string; reasons: { reason?: string; code?: string }[] }[] }[] };

/** The experts a draw's record names, eligible or not. */
function drawnExpertIds(draw: Awaited<ReturnType<typeof panelDraws>>[number]): string[] {
  return ((draw.record as DrawRecord).eligibility ?? []).flatMap((e) => [...e.eligible, ...e.ineligible.map((i) => i.expertId)]);
}

/** Each expert's eligibility for the project, from the latest draw that covered it (its recorded reasons). */
function eligibilityOf(draws: Awaited<ReturnType<typeof panelDraws>>, projectId: string, expertName: ReadonlyMap<string, string>) {
  const draw = [...draws].reverse().find((d) => d.projectIds.includes(projectId));
  const entry = (draw?.record as DrawRecord | undefined)?.eligibility?.find((e) => e.projectId === projectId);
  if (!entry) return [];
  return [
    ...entry.eligible.map((expertId) => ({ expertId, expertName: expertName.get(expertId) ?? expertId, eligible: true, reasons: [] as string[] })),
    ...entry.ineligible.map((i) => ({ expertId: i.expertId, expertName: expertName.get(i.expertId) ?? i.expertId, eligible: false, reasons: i.reasons.map((r) => r.reason ?? r.code ?? '') })),
  ];
}
