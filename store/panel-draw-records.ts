import { randomBytes } from 'node:crypto';
import type { Queryable } from '../platform/database.js';
import { directionLabel, type Direction } from '../domain/directions.js';
import type { PoolExpert, ReviewedProject } from '../domain/expert-conflicts.js';
import { panelDrawAlgorithm, redrawOne } from '../domain/panel-draw.js';
import { queueMessageCorrelation, queueProcessStart } from './engine-command-repository.js';
import { MESSAGE_ID_DOMAIN } from './applicant-notifications.js';
import { listExperts } from './expert-repository.js';
import { addInAppMessage, queueEmail } from './notification-repository.js';
import { insertPanelDraw, insertSeats, markSeatRedrawn, sessionSeats, type PanelSeat } from './panel-seat-repository.js';
import { reviewProjectFacts, type ReviewProjectFacts, type ReviewSession } from './review-session-repository.js';

// What a draw reads and writes around the pure rules (domain/panel-draw.ts), shared by the officer's draws (web)
// and the automatic replacement of an expert who declined (worker panel-seat-replace). The caller holds the
// session's row lock.

export const PANEL_SEAT_PROCESS = 'panelSeat';

/** The pool a draw picks from: active experts with a sign-in account (a task is assigned to an account). */
export async function drawablePool(db: Queryable): Promise<{ experts: PoolExpert[]; usernameOf: Map<string, string> }> {
  const records = (await listExperts(db, { active: true })).filter((expert) => expert.accountUsername);
  return {
    experts: records.map((e) => ({
      id: e.id, name: e.name, organisation: e.organisation, organisationUscc: e.organisationUscc, homeUnitId: e.homeUnitId, fields: e.fields, active: e.active,
      relationships: e.relationships,
    })),
    usernameOf: new Map(records.map((e) => [e.id, e.accountUsername!])),
  };
}

/** A project as the conflict rules read it. */
export function reviewedProject(facts: ReviewProjectFacts, directions: readonly Direction[]): ReviewedProject {
  return {
    id: facts.projectId, title: facts.projectName, enterpriseName: facts.enterpriseName, uscc: facts.uscc, enterpriseGroup: facts.enterpriseGroup,
    enterpriseGroupUscc: facts.enterpriseGroupUscc, preparedBy: facts.preparedBy, preparedByUscc: facts.preparedByUscc, unitId: facts.unitId,
    direction: facts.direction, directionLabel: directionLabel(facts.direction, directions),
    directionSubtypeOf: directions.find((d) => d.code === facts.direction)?.subtypeOf ?? null,
  };
}

/** Panels each expert sits on in the session now (active seats), by expert id. */
export function loadOf(seats: readonly PanelSeat[]): Record<string, number> {
  const load: Record<string, number> = {};
  for (const seat of seats) if (seat.active) load[seat.expertId] = (load[seat.expertId] ?? 0) + 1;
  return load;
}

/** A fresh seed for a draw: 32 random bytes as hex, recorded with it. */
export function newSeed(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Queues the start of a seat's process (its expert's tasks), in the caller's transaction, and tells the expert in the
 * application and by mail: the session and the project by the facts the 回避声明 may show, nothing more.
 */
export async function queueSeatStart(db: Queryable, definitionId: string, seat: { id: string; projectId: string; expertId: string }, session: Pick<ReviewSession, 'id' | 'name'>, expertUser: string): Promise<string> {
  await notifySeatExpert(db, seat, session);
  return queueProcessStart(db, {
    processDefinitionId: definitionId, processDefinitionKey: PANEL_SEAT_PROCESS, businessKey: seat.id,
    variables: { seatId: seat.id, sessionId: session.id, projectId: seat.projectId, expertId: seat.expertId, expertUser, sessionName: session.name },
    subject: { panelSeatId: seat.id },
  });
}

async function notifySeatExpert(db: Queryable, seat: { id: string; projectId: string; expertId: string }, session: Pick<ReviewSession, 'name'>): Promise<void> {
  const expert = (await db.query<{ account_id: string | null; email: string }>('SELECT account_id::text, email FROM expert WHERE id = $1', [seat.expertId])).rows[0];
  const [project] = await reviewProjectFacts(db, [seat.projectId]);
  if (!expert?.account_id || !project) return;
  const title = '新的评审任务：请签署回避声明';
  const body = `您已被抽取为“${session.name}”的评审专家，评审项目：${project.projectName}（${project.enterpriseName}，编号 ${project.projectNumber}）。`
    + '请登录平台，在“待办任务”中阅读并签署评审承诺书和回避声明；存在需要回避的情形的，请申请回避并说明理由。评审专家名单在结果公示前保密。';
  const eventKey = `panel-seat:${seat.id}`;
  await addInAppMessage(db, { eventKey, accountId: Number(expert.account_id), title, body });
  await queueEmail(db, { eventKey, recipient: expert.email, subject: title, body }, MESSAGE_ID_DOMAIN);
}

/** Queues a message to a seat's process (rescore, consensus, closed, withdrawn), in the caller's transaction. */
export async function queueSeatMessage(db: Queryable, seat: Pick<PanelSeat, 'id'>, messageName: string, catchingActivityId: string, variables: Record<string, unknown> = {}): Promise<string> {
  return queueMessageCorrelation(db, {
    messageName, businessKey: seat.id, processDefinitionKey: PANEL_SEAT_PROCESS, catchingActivityId, variables, subject: { panelSeatId: seat.id },
  });
}

/** The outcome of a replacement: the new seat, or why there is none (nothing changed). */
export type Replacement = { ok: true; seatId: string; expertId: string; drawId: number; startCommandId: string } | { ok: false; message: string };

/**
 * Draws one replacement for a seat that leaves its panel (declined, or replaced by the officer with a reason):
 * records the draw, adds the seat and queues its process's start. The leaving seat must already be off the panel
 * (declined) or is taken off here (`takeOff`). Nothing is written when no expert can take the place.
 */
export async function replaceSeat(
  db: Queryable,
  input: { session: ReviewSession; seat: PanelSeat; reason: string; by: string; at: Date; definitionId: string; directions: readonly Direction[]; takeOff: boolean },
): Promise<Replacement> {
  const { session, seat } = input;
  const seats = await sessionSeats(db, session.id);
  const panel = seats.filter((s) => s.projectId === seat.projectId && (s.active || s.id === seat.id)).map((s) => s.expertId);
  const [facts] = await reviewProjectFacts(db, [seat.projectId]);
  const pool = await drawablePool(db);
  // Experts who already sat on this panel (declined or redrawn) stay off it: the unique key would refuse them.
  const before = new Set(seats.filter((s) => s.projectId === seat.projectId && s.id !== seat.id).map((s) => s.expertId));
  const load = loadOf(seats.filter((s) => s.id !== seat.id));
  const lastBound = (await db.query<{ load_bound: number }>('SELECT load_bound FROM panel_draw WHERE session_id = $1 ORDER BY id DESC LIMIT 1', [session.id])).rows[0]?.load_bound;
  const seed = newSeed();
  const result = redrawOne({
    seed, project: reviewedProject(facts!, input.directions), experts: pool.experts.filter((e) => !before.has(e.id) || panel.includes(e.id)), panel,
    declinedExpertId: seat.expertId, reason: input.reason, settings: { excludeSameUnit: session.excludeSameUnit }, sessionDate: input.at.toISOString().slice(0, 10),
    existingLoad: load, loadBound: lastBound ?? session.panelSize,
  });
  if (!result.ok) return { ok: false, message: result.message };
  if (input.takeOff) await markSeatRedrawn(db, seat.id);
  const drawId = await insertPanelDraw(db, {
    sessionId: session.id, kind: 'replacement', projectIds: [seat.projectId], seed, algorithm: panelDrawAlgorithm.name, algorithmVersion: panelDrawAlgorithm.version,
    loadBound: lastBound ?? session.panelSize, record: { replacesSeatId: seat.id, replacedExpertId: seat.expertId, excluded: result.excluded, eligibility: [result.eligibility] },
    reason: input.reason.slice(0, 500), drawnBy: input.by, drawnAt: input.at,
  });
  const position = Math.max(...seats.filter((s) => s.projectId === seat.projectId).map((s) => s.position)) + 1;
  const [seatId] = await insertSeats(db, drawId, session.id, [{ projectId: seat.projectId, expertId: result.replacementExpertId, position }]);
  const startCommandId = await queueSeatStart(db, input.definitionId, { id: seatId!, projectId: seat.projectId, expertId: result.replacementExpertId }, session, pool.usernameOf.get(result.replacementExpertId)!);
  return { ok: true, seatId: seatId!, expertId: result.replacementExpertId, drawId, startCommandId };
}

/** Whether a replacement was already drawn for this seat (a retried step finds it). */
export async function replacementOf(db: Queryable, seatId: string): Promise<boolean> {
  const result = await db.query("SELECT 1 FROM panel_draw WHERE kind = 'replacement' AND record->>'replacesSeatId' = $1", [seatId]);
  return (result.rowCount ?? 0) > 0;
}
