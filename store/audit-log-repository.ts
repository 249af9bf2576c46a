import type { Queryable } from '../platform/database.js';

/** One entry of the audit log (migrations/001, 024): who did what to which record. */
export interface AuditEntry {
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
  /** The record's keys, for the audit page's filters and an application's own trail, where the entry has them. */
  callId?: string | null;
  unitId?: string | null;
  applicationId?: string | null;
  /** When it happened, where the change records its own time (a status event's); the transaction's time otherwise. */
  at?: Date;
}

/** Appends an entry to the audit log; run it in the caller's transaction when the change it records is one. */
export async function insertAuditEntry(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    'INSERT INTO audit_log (actor, action, subject, detail, call_id, unit_id, application_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8, now()))',
    [entry.actor, entry.action, entry.subject, entry.detail, entry.callId ?? null, entry.unitId ?? null, entry.applicationId ?? null, entry.at ?? null],
  );
}

/** The audit page's filters: each one given narrows the list; actions match any of those given. */
export interface AuditFilter {
  callId?: string;
  unitId?: string;
  /** A user name, matched exactly or as its beginning. */
  actor?: string;
  applicationId?: string;
  actions?: readonly string[];
  from?: Date;
  to?: Date;
}

/** One listed entry, with its actor's account and the names of its call and application where they are known. */
export interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  actorAccount: { username: string; displayName: string; role: string; unitId: string | null; enterpriseUscc: string | null } | null;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
  callId: string | null;
  callTitle: string | null;
  unitId: string | null;
  applicationId: string | null;
  applicationNumber: string | null;
}

interface AuditRecord {
  id: string; at: Date; actor: string; action: string; subject: string; detail: Record<string, unknown>;
  call_id: string | null; call_title: string | null; unit_id: string | null; application_id: string | null; application_number: string | null;
  display_name: string | null; role: string | null; account_unit_id: string | null; enterprise_uscc: string | null;
}

const SELECT_ROWS = `SELECT l.id::text AS id, l.at, l.actor, l.action, l.subject, l.detail, l.call_id, c.title AS call_title, l.unit_id,
       l.application_id, ap.application_number, a.display_name, a.role, a.unit_id AS account_unit_id, a.enterprise_uscc
  FROM audit_log l
  LEFT JOIN account a ON a.username = l.actor
  LEFT JOIN call c ON c.id = l.call_id
  LEFT JOIN application ap ON ap.id = l.application_id`;

/** The entries matching the filter, newest first, `limit` of them from `offset`, with how many match in all. */
export async function listAuditEntries(db: Queryable, filter: AuditFilter, page: { limit: number; offset: number }): Promise<{ total: number; rows: AuditRow[] }> {
  const { where, values } = whereOf(filter);
  const [count, rows] = await Promise.all([
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM audit_log l ${where}`, values),
    db.query<AuditRecord>(`${SELECT_ROWS} ${where} ORDER BY l.at DESC, l.id DESC LIMIT $${values.length + 1} OFFSET $${values.length + 2}`, [...values, page.limit, page.offset]),
  ]);
  return { total: count.rows[0]!.total, rows: rows.rows.map(rowOf) };
}

/** Every entry about one application, oldest first (its own trail). */
export async function auditEntriesOfApplication(db: Queryable, applicationId: string): Promise<AuditRow[]> {
  const result = await db.query<AuditRecord>(`${SELECT_ROWS} WHERE l.application_id = $1 ORDER BY l.at, l.id`, [applicationId]);
  return result.rows.map(rowOf);
}

/** The id of the application with this readable number (2021-130100-0007), if there is one. */
export async function applicationIdOfNumber(db: Queryable, applicationNumber: string): Promise<string | undefined> {
  const result = await db.query<{ id: string }>('SELECT id FROM application WHERE application_number = $1', [applicationNumber]);
  return result.rows[0]?.id;
}

// helpers

function whereOf(filter: AuditFilter): { where: string; values: unknown[] } {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    values.push(value);
    conditions.push(sql(`$${values.length}`));
  };
  if (filter.callId !== undefined) add((n) => `l.call_id = ${n}`, filter.callId);
  if (filter.unitId !== undefined) add((n) => `l.unit_id = ${n}`, filter.unitId);
  if (filter.actor !== undefined) add((n) => `l.actor LIKE ${n} ESCAPE '\\'`, `${filter.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.applicationId !== undefined) add((n) => `l.application_id = ${n}`, filter.applicationId);
  if (filter.actions?.length) add((n) => `l.action = ANY(${n}::text[])`, filter.actions);
  if (filter.from) add((n) => `l.at >= ${n}`, filter.from);
  if (filter.to) add((n) => `l.at <= ${n}`, filter.to);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', values };
}

function rowOf(row: AuditRecord): AuditRow {
  return {
    id: row.id, at: row.at, actor: row.actor, action: row.action, subject: row.subject, detail: row.detail,
    actorAccount: row.role === null ? null : { username: row.actor, displayName: row.display_name ?? row.actor, role: row.role, unitId: row.account_unit_id, enterpriseUscc: row.enterprise_uscc },
    callId: row.call_id, callTitle: row.call_title, unitId: row.unit_id, applicationId: row.application_id, applicationNumber: row.application_number,
  };
}

/** The accounts of these user names (actors of a status history), by user name; names without an account are left out. */
export async function actorAccountsOf(db: Queryable, usernames: readonly string[]): Promise<Map<string, NonNullable<AuditRow['actorAccount']>>> {
  if (!usernames.length) return new Map();
  const result = await db.query<{ username: string; display_name: string; role: string; unit_id: string | null; enterprise_uscc: string | null }>(
    'SELECT username, display_name, role, unit_id, enterprise_uscc FROM account WHERE username = ANY($1::text[])', [[...new Set(usernames)]]);
  return new Map(result.rows.map((r) => [r.username, { username: r.username, displayName: r.display_name, role: r.role, unitId: r.unit_id, enterpriseUscc: r.enterprise_uscc }]));
}
