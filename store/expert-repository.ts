import type { Queryable } from '../platform/database.js';
import type { RelationshipKind } from '../domain/expert-conflicts.js';

// The expert pool (migration 030): experts with their declared relationships, read whole (the pool is hundreds of
// people, not millions), and written under one lock so a duplicate check and the write that follows it see the same
// pool. The rules of an entry live in web/server/experts/expert-entry.ts; this file only stores.

/** A relationship an expert declared with an enterprise; dates as ISO dates (YYYY-MM-DD). */
export interface ExpertRelationship {
  enterpriseUscc: string;
  enterpriseName: string;
  kind: RelationshipKind;
  since: string | null;
  until: string | null;
  note: string | null;
}

/** The fields of an expert the officer writes, already normalised; the account as its id. */
export interface ExpertFields {
  name: string;
  organisation: string;
  organisationUscc: string | null;
  homeUnitId: string;
  fields: string[];
  title: string;
  phone: string;
  email: string;
  active: boolean;
  accountId: number | null;
  relationships: ExpertRelationship[];
}

/** An expert as stored, with its account's user name and who created and last changed it. */
export interface ExpertRecord extends ExpertFields {
  id: string;
  accountUsername: string | null;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
}

/** The list's filters: each one given narrows it. */
export interface ExpertFilter {
  /** A direction code the expert's fields include. */
  field?: string;
  homeUnitId?: string;
  active?: boolean;
  /** Part of the name, the organisation or the phone. */
  q?: string;
}

interface ExpertRow {
  id: string; name: string; organisation: string; organisation_uscc: string | null; home_unit_id: string; fields: string[]; title: string;
  phone: string; email: string; active: boolean; account_id: string | null; account_username: string | null; created_by: string; created_at: Date;
  updated_by: string; updated_at: Date; relationships: ExpertRelationship[];
}

// Dates as text: a pg `date` would otherwise become a JS Date at the server's local midnight.
const SELECT_EXPERTS = `
  SELECT e.id, e.name, e.organisation, e.organisation_uscc, e.home_unit_id, e.fields, e.title, e.phone, e.email, e.active,
         e.account_id::text AS account_id, a.username AS account_username, e.created_by, e.created_at, e.updated_by, e.updated_at,
         coalesce((SELECT json_agg(json_build_object(
                     'enterpriseUscc', r.enterprise_uscc, 'enterpriseName', r.enterprise_name, 'kind', r.kind,
                     'since', to_char(r.since, 'YYYY-MM-DD'), 'until', to_char(r.until, 'YYYY-MM-DD'), 'note', r.note) ORDER BY r.id)
                     FROM expert_relationship r WHERE r.expert_id = e.id), '[]'::json) AS relationships
    FROM expert e LEFT JOIN account a ON a.id = e.account_id`;

/** Takes the pool's lock for the caller's transaction: pool writes (and their duplicate checks) follow one another. */
export async function lockExpertPool(db: Queryable): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['iiot.expert-pool']);
}

/** The experts matching the filters, by name. */
export async function listExperts(db: Queryable, filter: ExpertFilter = {}): Promise<ExpertRecord[]> {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (condition: (n: string) => string, value: unknown) => {
    values.push(value);
    where.push(condition(`$${values.length}`));
  };
  if (filter.field) add((n) => `${n} = ANY (e.fields)`, filter.field);
  if (filter.homeUnitId) add((n) => `e.home_unit_id = ${n}`, filter.homeUnitId);
  if (filter.active !== undefined) add((n) => `e.active = ${n}`, filter.active);
  if (filter.q) {
    add((n) => `(e.name ILIKE ${n} ESCAPE '\\' OR e.organisation ILIKE ${n} ESCAPE '\\' OR e.phone ILIKE ${n} ESCAPE '\\')`,
      `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const result = await db.query<ExpertRow>(`${SELECT_EXPERTS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.name, e.organisation, e.id`, values);
  return result.rows.map(toRecord);
}

/** The names of these experts, by id (a draw's record names experts by id). */
export async function expertNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const result = await db.query<{ id: string; name: string }>('SELECT id, name FROM expert WHERE id = ANY($1::uuid[])', [[...new Set(ids)]]);
  return new Map(result.rows.map((row) => [row.id, row.name]));
}

/** One expert by id, if there is one. */
export async function findExpert(db: Queryable, id: string): Promise<ExpertRecord | undefined> {
  const result = await db.query<ExpertRow>(`${SELECT_EXPERTS} WHERE e.id = $1`, [id]);
  return result.rows[0] && toRecord(result.rows[0]);
}

/** Creates an expert with its relationships; answers its id. */
export async function insertExpert(db: Queryable, fields: ExpertFields, actor: string): Promise<string> {
  const result = await db.query<{ id: string }>(
    `INSERT INTO expert (name, organisation, organisation_uscc, home_unit_id, fields, title, phone, email, active, account_id, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
    [fields.name, fields.organisation, fields.organisationUscc, fields.homeUnitId, fields.fields, fields.title, fields.phone, fields.email,
      fields.active, fields.accountId, actor],
  );
  const id = result.rows[0]!.id;
  await insertRelationships(db, id, fields.relationships);
  return id;
}

/** Replaces an expert's fields and its relationships as a whole. */
export async function updateExpert(db: Queryable, id: string, fields: ExpertFields, actor: string): Promise<void> {
  await db.query(
    `UPDATE expert SET name = $2, organisation = $3, organisation_uscc = $4, home_unit_id = $5, fields = $6, title = $7, phone = $8, email = $9,
            active = $10, account_id = $11, updated_by = $12, updated_at = now() WHERE id = $1`,
    [id, fields.name, fields.organisation, fields.organisationUscc, fields.homeUnitId, fields.fields, fields.title, fields.phone, fields.email,
      fields.active, fields.accountId, actor],
  );
  await db.query('DELETE FROM expert_relationship WHERE expert_id = $1', [id]);
  await insertRelationships(db, id, fields.relationships);
}

/** A sign-in account an expert entry may name, with the expert it is linked to already, if any. */
export interface ExpertAccount {
  id: number;
  username: string;
  role: string;
  linkedExpertId: string | null;
}

/** The accounts with these user names (unknown names are simply missing from the answer). */
export async function accountsByUsername(db: Queryable, usernames: readonly string[]): Promise<ExpertAccount[]> {
  if (usernames.length === 0) return [];
  const result = await db.query<{ id: string; username: string; role: string; expert_id: string | null }>(
    'SELECT a.id::text AS id, a.username, a.role, e.id AS expert_id FROM account a LEFT JOIN expert e ON e.account_id = a.id WHERE a.username = ANY ($1)',
    [usernames],
  );
  return result.rows.map((row) => ({ id: Number(row.id), username: row.username, role: row.role, linkedExpertId: row.expert_id }));
}

// helpers

async function insertRelationships(db: Queryable, expertId: string, relationships: readonly ExpertRelationship[]): Promise<void> {
  if (relationships.length === 0) return;
  await db.query(
    `INSERT INTO expert_relationship (expert_id, enterprise_uscc, enterprise_name, kind, since, until, note)
     SELECT $1, r->>'enterprise_uscc', r->>'enterprise_name', r->>'kind', (r->>'since')::date, (r->>'until')::date, r->>'note'
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(r, n) ORDER BY t.n`,
    [expertId, JSON.stringify(relationships.map((r) => ({ enterprise_uscc: r.enterpriseUscc, enterprise_name: r.enterpriseName, kind: r.kind, since: r.since, until: r.until, note: r.note })))],
  );
}

function toRecord(row: ExpertRow): ExpertRecord {
  return {
    id: row.id, name: row.name, organisation: row.organisation, organisationUscc: row.organisation_uscc, homeUnitId: row.home_unit_id,
    fields: row.fields, title: row.title, phone: row.phone, email: row.email, active: row.active,
    accountId: row.account_id === null ? null : Number(row.account_id), accountUsername: row.account_username, relationships: row.relationships,
    createdBy: row.created_by, createdAt: row.created_at, updatedBy: row.updated_by, updatedAt: row.updated_at,
  };
}
