import type { Pool } from '../../../platform/database.js';
import { auditActionLabel } from '../../../domain/audit-actions.js';
import { actorRoleLabel } from '../../../domain/audit-actors.js';
import { unitNameOf } from '../../../domain/units.js';
import { applicationIdOfNumber, listAuditEntries, type AuditFilter, type AuditRow } from '../../../store/audit-log-repository.js';
import type { AuditFilters, AuditRowView } from '../schemas/audit.js';

// The audit page's rows from the audit log: labels for actions, roles and units; an application number resolved to
// its application.

/** The most rows one Excel export holds; a longer list is cut and says so in its last row. */
export const EXPORT_LIMIT = 10_000;

/** The repository's filter for the query's; an application number no application has matches nothing. */
export async function auditFilterOf(db: Pool, filters: AuditFilters): Promise<AuditFilter> {
  const { action, applicationId, ...rest } = filters;
  const filter: AuditFilter = { ...rest, ...(action?.length ? { actions: action } : {}) };
  if (applicationId === undefined) return filter;
  if (/^[0-9a-f-]{36}$/i.test(applicationId)) return { ...filter, applicationId };
  return { ...filter, applicationId: (await applicationIdOfNumber(db, applicationId)) ?? '00000000-0000-0000-0000-000000000000' };
}

/** One page of the audit page's list. */
export async function auditPageOf(db: Pool, filters: AuditFilters, page: number, pageSize: number) {
  const { total, rows } = await listAuditEntries(db, await auditFilterOf(db, filters), { limit: pageSize, offset: (page - 1) * pageSize });
  return { rows: rows.map(auditRowView), total, page, pageSize };
}

/** Every row of the export, up to EXPORT_LIMIT, and how many match in all. */
export async function auditExportRows(db: Pool, filters: AuditFilters): Promise<{ rows: AuditRowView[]; total: number }> {
  const { total, rows } = await listAuditEntries(db, await auditFilterOf(db, filters), { limit: EXPORT_LIMIT, offset: 0 });
  return { rows: rows.map(auditRowView), total };
}

/** An entry as the page shows it. */
export function auditRowView(row: AuditRow): AuditRowView {
  return {
    id: row.id, at: row.at, actor: row.actor, actorName: row.actorAccount?.displayName ?? null, actorRole: actorRoleLabel(row.actor, row.actorAccount),
    action: row.action, actionLabel: auditActionLabel(row.action), subject: row.subject,
    callId: row.callId, callTitle: row.callTitle, unitId: row.unitId, unitName: row.unitId ? unitNameOf(row.unitId) : null,
    applicationId: row.applicationId, applicationNumber: row.applicationNumber, detail: row.detail,
  };
}
