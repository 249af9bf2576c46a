import type { Queryable } from '../../../platform/database.js';

// Registrations and their files (migrations/025). One SQL operation per function.

/** The statuses and kinds the database's CHECKs hold (test/store/enum-checks.test.ts compares them). */
export const registrationStatuses = ['unconfirmed', 'pending', 'approved', 'rejected'] as const;
export const registrationKinds = ['new', 'claim'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
export type RegistrationKind = (typeof registrationKinds)[number];

export interface RegistrationFile {
  id: string;
  storageKey: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  registrationId: string | null;
}

export interface NewRegistration {
  id: string;
  uscc: string;
  usccAsPrinted: boolean;
  enterpriseName: string;
  unitId: string;
  legalRepresentative: string;
  contactName: string;
  contactPhone: string;
  email: string;
  username: string;
  passwordHash: string;
  licenceFileId: string;
  authorisationFileId: string;
  kind: RegistrationKind;
}

export interface Registration extends Omit<NewRegistration, 'passwordHash'> {
  passwordHash: string;
  status: RegistrationStatus;
  confirmedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  accountId: number | null;
  createdAt: Date;
}

interface RegistrationRow {
  id: string; uscc: string; uscc_as_printed: boolean; enterprise_name: string; unit_id: string; legal_representative: string;
  contact_name: string; contact_phone: string; email: string; username: string; password_hash: string; licence_file_id: string;
  authorisation_file_id: string; kind: RegistrationKind; status: RegistrationStatus; confirmed_at: Date | null; decided_by: string | null;
  decided_at: Date | null; decision_reason: string | null; account_id: string | null; created_at: Date;
}

function toRegistration(row: RegistrationRow): Registration {
  return {
    id: row.id, uscc: row.uscc, usccAsPrinted: row.uscc_as_printed, enterpriseName: row.enterprise_name, unitId: row.unit_id,
    legalRepresentative: row.legal_representative, contactName: row.contact_name, contactPhone: row.contact_phone, email: row.email,
    username: row.username, passwordHash: row.password_hash, licenceFileId: row.licence_file_id, authorisationFileId: row.authorisation_file_id,
    kind: row.kind, status: row.status, confirmedAt: row.confirmed_at, decidedBy: row.decided_by, decidedAt: row.decided_at,
    decisionReason: row.decision_reason, accountId: row.account_id === null ? null : Number(row.account_id), createdAt: row.created_at,
  };
}

/** Records an uploaded registration file, not yet bound to a registration. */
export async function insertRegistrationFile(db: Queryable, file: Omit<RegistrationFile, 'registrationId'>): Promise<void> {
  await db.query(
    'INSERT INTO registration_file (id, storage_key, file_name, media_type, size_bytes, sha256) VALUES ($1, $2, $3, $4, $5, $6)',
    [file.id, file.storageKey, file.fileName, file.mediaType, file.sizeBytes, file.sha256],
  );
}

/** A registration file by id. */
export async function findRegistrationFile(db: Queryable, id: string): Promise<RegistrationFile | undefined> {
  const result = await db.query<{ id: string; storage_key: string; file_name: string; media_type: string; size_bytes: number; sha256: string; registration_id: string | null }>(
    'SELECT id, storage_key, file_name, media_type, size_bytes, sha256, registration_id FROM registration_file WHERE id = $1', [id],
  );
  const row = result.rows[0];
  return row && { id: row.id, storageKey: row.storage_key, fileName: row.file_name, mediaType: row.media_type, sizeBytes: row.size_bytes, sha256: row.sha256, registrationId: row.registration_id };
}

/** Binds unbound files to a registration; returns how many it bound (fewer: one was taken meanwhile). */
export async function bindRegistrationFiles(db: Queryable, registrationId: string, fileIds: readonly string[]): Promise<number> {
  const result = await db.query('UPDATE registration_file SET registration_id = $1 WHERE id = ANY($2::uuid[]) AND registration_id IS NULL', [registrationId, fileIds]);
  return result.rowCount ?? 0;
}

/** Inserts a registration as unconfirmed. */
export async function insertRegistration(db: Queryable, r: NewRegistration): Promise<void> {
  await db.query(
    `INSERT INTO registration (id, uscc, uscc_as_printed, enterprise_name, unit_id, legal_representative, contact_name, contact_phone, email,
       username, password_hash, licence_file_id, authorisation_file_id, kind)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [r.id, r.uscc, r.usccAsPrinted, r.enterpriseName, r.unitId, r.legalRepresentative, r.contactName, r.contactPhone, r.email,
      r.username, r.passwordHash, r.licenceFileId, r.authorisationFileId, r.kind],
  );
}

/** A registration by id; `forUpdate` locks its row for the caller's transaction. */
export async function findRegistration(db: Queryable, id: string, forUpdate = false): Promise<Registration | undefined> {
  const result = await db.query<RegistrationRow>(`SELECT * FROM registration WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  const row = result.rows[0];
  return row && toRegistration(row);
}

/** The open (unconfirmed or pending) registration holding a user name, if any. */
export async function openRegistrationOfUsername(db: Queryable, username: string): Promise<Registration | undefined> {
  const result = await db.query<RegistrationRow>(`SELECT * FROM registration WHERE username = $1 AND status IN ('unconfirmed', 'pending')`, [username]);
  const row = result.rows[0];
  return row && toRegistration(row);
}

/** The newest registration of a user name that is still waiting for its unit (sign-in's message). */
export async function pendingRegistrationOfUsername(db: Queryable, username: string): Promise<Registration | undefined> {
  const result = await db.query<RegistrationRow>(`SELECT * FROM registration WHERE username = $1 AND status = 'pending' ORDER BY created_at DESC LIMIT 1`, [username]);
  const row = result.rows[0];
  return row && toRegistration(row);
}

/** Closes a stale unconfirmed registration so its user name may be registered again. */
export async function closeStaleRegistration(db: Queryable, id: string, now: Date): Promise<boolean> {
  const result = await db.query(
    `UPDATE registration SET status = 'rejected', decided_by = 'system', decided_at = $2, decision_reason = '邮箱未在24小时内确认，注册已失效'
      WHERE id = $1 AND status = 'unconfirmed'`,
    [id, now],
  );
  return result.rowCount === 1;
}

/** Marks an unconfirmed registration confirmed and pending; returns whether it was unconfirmed. */
export async function markRegistrationConfirmed(db: Queryable, id: string, now: Date): Promise<boolean> {
  const result = await db.query(`UPDATE registration SET status = 'pending', confirmed_at = $2 WHERE id = $1 AND status = 'unconfirmed'`, [id, now]);
  return result.rowCount === 1;
}

/** Records the unit's decision on a pending registration; returns whether it was pending. */
export async function decideRegistration(db: Queryable, id: string, decision: { status: 'approved' | 'rejected'; decidedBy: string; reason: string | null; accountId: number | null }, now: Date): Promise<boolean> {
  const result = await db.query(
    `UPDATE registration SET status = $2, decided_by = $3, decided_at = $4, decision_reason = $5, account_id = $6 WHERE id = $1 AND status = 'pending'`,
    [id, decision.status, decision.decidedBy, now, decision.reason, decision.accountId],
  );
  return result.rowCount === 1;
}

/** Registrations for the reviewers' list: one unit's (or all), pending first, newest first; unconfirmed ones are left out. */
export async function listRegistrations(db: Queryable, unitId: string | null): Promise<Registration[]> {
  const result = await db.query<RegistrationRow>(
    `SELECT * FROM registration WHERE status <> 'unconfirmed' AND ($1::text IS NULL OR unit_id = $1)
      ORDER BY (status = 'pending') DESC, created_at DESC LIMIT 500`,
    [unitId],
  );
  return result.rows.map(toRegistration);
}

/** The active applicant accounts holding a USCC (the holders a claim would replace), with their home unit if known. */
export async function activeHoldersOf(db: Queryable, uscc: string): Promise<{ id: number; username: string; displayName: string; since: Date; homeUnitId: string | null }[]> {
  const result = await db.query<{ id: string; username: string; display_name: string; created_at: Date; home_unit_id: string | null }>(
    `SELECT id, username, display_name, created_at, home_unit_id FROM account WHERE role = 'applicant' AND enterprise_uscc = $1 AND NOT disabled ORDER BY id`,
    [uscc],
  );
  return result.rows.map((row) => ({ id: Number(row.id), username: row.username, displayName: row.display_name, since: row.created_at, homeUnitId: row.home_unit_id }));
}

/** Whether an approved registration already holds a USCC. */
export async function hasApprovedRegistration(db: Queryable, uscc: string): Promise<boolean> {
  const result = await db.query(`SELECT 1 FROM registration WHERE uscc = $1 AND status = 'approved' LIMIT 1`, [uscc]);
  return (result.rowCount ?? 0) > 0;
}

/** Disables an account; returns whether it was active. */
export async function disableAccount(db: Queryable, accountId: number): Promise<boolean> {
  const result = await db.query('UPDATE account SET disabled = true WHERE id = $1 AND NOT disabled', [accountId]);
  return result.rowCount === 1;
}

/** Creates the applicant account of an approved registration; returns its id. */
export async function insertRegisteredAccount(db: Queryable, r: Registration): Promise<number> {
  const result = await db.query<{ id: string }>(
    `INSERT INTO account (username, display_name, password_hash, role, enterprise_uscc, email, home_unit_id)
     VALUES ($1, $2, $3, 'applicant', $4, $5, $6) RETURNING id`,
    [r.username, [...r.enterpriseName].slice(0, 100).join(''), r.passwordHash, r.uscc, r.email, r.unitId],
  );
  return Number(result.rows[0]!.id);
}

/** Whether an account has this user name. */
export async function accountExists(db: Queryable, username: string): Promise<boolean> {
  const result = await db.query('SELECT 1 FROM account WHERE username = $1', [username]);
  return (result.rowCount ?? 0) > 0;
}

/** The active account with an e-mail a password reset may go to. */
export async function resettableAccount(db: Queryable, username: string): Promise<{ id: number; username: string; email: string } | undefined> {
  const result = await db.query<{ id: string; username: string; email: string }>(
    'SELECT id, username, email FROM account WHERE username = $1 AND NOT disabled AND email IS NOT NULL', [username],
  );
  const row = result.rows[0];
  return row && { id: Number(row.id), username: row.username, email: row.email };
}

/** The active account a reset token names (a disabled one may not reset). */
export async function findResetAccount(db: Queryable, accountId: number): Promise<{ id: number; username: string } | undefined> {
  const result = await db.query<{ id: string; username: string }>('SELECT id, username FROM account WHERE id = $1 AND NOT disabled', [accountId]);
  const row = result.rows[0];
  return row && { id: Number(row.id), username: row.username };
}

/** Serialises approvals of one USCC (for the caller's transaction), so two units approving at once leave one holder. */
export async function lockUscc(db: Queryable, uscc: string): Promise<void> {
  await db.query("SELECT pg_advisory_xact_lock(hashtext('registration-uscc:' || $1))", [uscc]);
}
