import type { DatabaseError } from 'pg';
import type { Queryable } from '../platform/database.js';
import { libraryStatuses, type ApplicationStatus } from '../domain/application-status.js';
import type { CapViolation } from '../domain/recommendation-refusals.js';

// Recommendations and indicators. The caps live in the database (migrations/010_recommendation.sql); this module
// turns their violations into answers a reviewer understands.

/** A recommendation the database refused because a cap holds. */
export class RecommendationRefused extends Error {
  constructor(readonly violation: CapViolation) {
    super(violation);
    this.name = 'RecommendationRefused';
  }
}

const violations: Record<string, CapViolation> = {
  recommendation_one_city_platform_per_unit: 'CITY_PLATFORM_CAP',
  recommendation_indicator_cap: 'INDICATOR_CAP',
  recommendation_one_active_per_application: 'ALREADY_RECOMMENDED',
};

export interface NewRecommendation {
  callId: string;
  unitId: string;
  applicationId: string;
  isCityPlatform: boolean;
  opinion: string;
  createdBy: string;
}

/**
 * Inserts an active recommendation ranked last in its unit. Run it inside the caller's transaction: the cap trigger
 * holds the unit's lock until that transaction ends. Throws RecommendationRefused when a cap holds.
 */
export async function insertRecommendation(db: Queryable, recommendation: NewRecommendation): Promise<{ id: number; rank: number }> {
  try {
    const result = await db.query<{ id: string; rank: number }>(
      // No rank given: the cap trigger ranks it last once it holds the unit's lock.
      `INSERT INTO recommendation (call_id, unit_id, application_id, is_city_platform, opinion, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, rank`,
      [recommendation.callId, recommendation.unitId, recommendation.applicationId, recommendation.isCityPlatform, recommendation.opinion, recommendation.createdBy],
    );
    return { id: Number(result.rows[0]!.id), rank: result.rows[0]!.rank };
  } catch (error) {
    const violation = violations[(error as DatabaseError).constraint ?? ''];
    if (violation) throw new RecommendationRefused(violation);
    throw error;
  }
}

/**
 * Ends an application's active recommendation (withdrawn by its unit, or with the application), which frees its
 * place under the caps; the unit's remaining recommendations close up their ranks. Returns whether one was active.
 */
export async function endRecommendation(db: Queryable, applicationId: string, at: Date, reason: string): Promise<boolean> {
  const ended = await db.query<{ call_id: string; unit_id: string }>(
    'UPDATE recommendation SET active = false, ended_at = $2, ended_reason = $3 WHERE application_id = $1 AND active RETURNING call_id, unit_id',
    [applicationId, at, reason],
  );
  const row = ended.rows[0];
  if (!row) return false;
  await db.query(
    `UPDATE recommendation r SET rank = o.position
       FROM (SELECT id, row_number() OVER (ORDER BY rank, id)::int AS position FROM recommendation WHERE call_id = $1 AND unit_id = $2 AND active) o
      WHERE r.id = o.id AND r.rank <> o.position`,
    [row.call_id, row.unit_id],
  );
  return true;
}

export interface Recommendation {
  applicationId: string;
  rank: number;
  opinion: string;
  isCityPlatform: boolean;
  createdAt: Date;
  createdBy: string;
}

/** The active recommendation of an application, if any. */
export async function findActiveRecommendation(db: Queryable, applicationId: string): Promise<Recommendation | undefined> {
  return (await selectRecommendations(db, 'application_id = $1 AND active', [applicationId]))[0];
}

/** A unit's active recommendations in a call, by rank. */
export async function activeRecommendations(db: Queryable, callId: string, unitId: string): Promise<Recommendation[]> {
  return selectRecommendations(db, 'call_id = $1 AND unit_id = $2 AND active', [callId, unitId]);
}

async function selectRecommendations(db: Queryable, where: string, params: unknown[]): Promise<Recommendation[]> {
  const result = await db.query<{ application_id: string; rank: number; opinion: string; is_city_platform: boolean; created_at: Date; created_by: string }>(
    `SELECT application_id, rank, opinion, is_city_platform, created_at, created_by FROM recommendation WHERE ${where} ORDER BY rank, id`,
    params,
  );
  return result.rows.map((row) => ({ applicationId: row.application_id, rank: row.rank, opinion: row.opinion, isCityPlatform: row.is_city_platform, createdAt: row.created_at, createdBy: row.created_by }));
}

/** Ranks a unit's active recommendations in the given order (1 = first). */
export async function rankRecommendations(db: Queryable, callId: string, unitId: string, applicationIds: readonly string[]): Promise<void> {
  await db.query(
    `UPDATE recommendation r SET rank = o.position FROM unnest($3::uuid[]) WITH ORDINALITY AS o(application_id, position)
      WHERE r.application_id = o.application_id AND r.call_id = $1 AND r.unit_id = $2 AND r.active`,
    [callId, unitId, applicationIds],
  );
}

export interface Indicator {
  unitId: string;
  target: number;
  isCap: boolean;
}

/** Sets a unit's indicator in a call. */
export async function setIndicator(db: Queryable, callId: string, indicator: Indicator, by: string): Promise<void> {
  await db.query(
    `INSERT INTO unit_indicator (call_id, unit_id, target, is_cap, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (call_id, unit_id) DO UPDATE SET target = EXCLUDED.target, is_cap = EXCLUDED.is_cap, updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [callId, indicator.unitId, indicator.target, indicator.isCap, by],
  );
}

/** Replaces every indicator of a call with `indicators` (units left out have none). Run it inside a transaction. */
export async function replaceIndicators(db: Queryable, callId: string, indicators: readonly Indicator[], by: string): Promise<void> {
  await db.query('DELETE FROM unit_indicator WHERE call_id = $1', [callId]);
  await db.query(
    `INSERT INTO unit_indicator (call_id, unit_id, target, is_cap, updated_by)
     SELECT $1, unit_id, target, is_cap, $5 FROM unnest($2::text[], $3::int[], $4::boolean[]) AS i (unit_id, target, is_cap)`,
    [callId, indicators.map((i) => i.unitId), indicators.map((i) => i.target), indicators.map((i) => i.isCap), by],
  );
}

/** Every unit indicator of a call. */
export async function listIndicators(db: Queryable, callId: string): Promise<Indicator[]> {
  const result = await db.query<{ unit_id: string; target: number; is_cap: boolean }>('SELECT unit_id, target, is_cap FROM unit_indicator WHERE call_id = $1 ORDER BY unit_id', [callId]);
  return result.rows.map((row) => ({ unitId: row.unit_id, target: row.target, isCap: row.is_cap }));
}

export interface UnitCounts {
  unitId: string;
  submitted: number;
  pendingReview: number;
  inLibrary: number;
  recommended: number;
  cityPlatformsRecommended: number;
}

/** Per unit of a call: applications declared to it, awaiting its review, in its library, and recommended. */
export async function unitCounts(db: Queryable, callId: string): Promise<UnitCounts[]> {
  const result = await db.query<{ unit_id: string; submitted: number; pending_review: number; in_library: number; recommended: number; platforms: number }>(
    `SELECT a.unit_id,
            count(*) FILTER (WHERE a.status <> $2)::int AS submitted,
            count(*) FILTER (WHERE a.status = $3)::int AS pending_review,
            count(*) FILTER (WHERE a.status = ANY($4::text[]))::int AS in_library,
            count(r.id)::int AS recommended,
            count(r.id) FILTER (WHERE r.is_city_platform)::int AS platforms
       FROM application a LEFT JOIN recommendation r ON r.application_id = a.id AND r.active
      WHERE a.call_id = $1 AND a.unit_id IS NOT NULL
      GROUP BY a.unit_id`,
    [callId, 'draft' satisfies ApplicationStatus, 'with-city' satisfies ApplicationStatus, [...libraryStatuses]],
  );
  return result.rows.map((row) => ({ unitId: row.unit_id, submitted: row.submitted, pendingReview: row.pending_review, inLibrary: row.in_library, recommended: row.recommended, cityPlatformsRecommended: row.platforms }));
}

/** A unit's active recommendations with their applications' numbers, templates and data, by rank. */
export async function recommendedApplications(db: Queryable, callId: string, unitId: string) {
  const result = await db.query<{ rank: number; opinion: string; is_city_platform: boolean; application_id: string; application_number: string; template: string; enterprise_uscc: string; data: Record<string, unknown>; process_instance_id: string | null; created_by: string; correction_round: number }>(
    `SELECT r.rank, r.opinion, r.is_city_platform, a.id AS application_id, a.application_number, a.template, a.enterprise_uscc, a.data,
            a.process_instance_id, a.created_by, a.correction_round
       FROM recommendation r JOIN application a ON a.id = r.application_id
      WHERE r.call_id = $1 AND r.unit_id = $2 AND r.active ORDER BY r.rank, r.id`,
    [callId, unitId],
  );
  return result.rows.map((row) => ({
    rank: row.rank, opinion: row.opinion, isCityPlatform: row.is_city_platform, applicationId: row.application_id,
    applicationNumber: row.application_number, template: row.template, enterpriseUscc: row.enterprise_uscc, data: row.data,
    processInstanceId: row.process_instance_id, createdBy: Number(row.created_by), correctionRound: row.correction_round,
  }));
}
