import type { Queryable } from '../platform/database.js';
import { summaryOf } from '../domain/application-summary.js';
import type { TemplateCode } from '../domain/directions.js';
import type { ProjectStatus } from '../domain/project-status.js';

// The provincial library's lists (省级重点项目库名单): projects with the fields their rows show, narrowed by call,
// unit, direction, category (template) and status, in project-number order. The direction is the application's
// current one (an approved change request rewrites the application's data).

/** The filters of a library list; each one given narrows it. */
export interface LibraryFilter {
  callId?: string;
  unitId?: string;
  direction?: string;
  template?: TemplateCode;
  statuses?: readonly ProjectStatus[];
}

/** A project as a row of the library's lists. */
export interface LibraryProject {
  id: string;
  projectNumber: string;
  callId: string;
  unitId: string;
  enterpriseUscc: string;
  status: ProjectStatus;
  createdAt: Date;
  admittedAt: Date | null;
  template: string;
  projectName: string;
  enterpriseName: string;
  /** The direction's code as the application declares it; empty when it declares none. */
  direction: string;
}

interface LibraryRow {
  id: string;
  project_number: string;
  call_id: string;
  unit_id: string;
  enterprise_uscc: string;
  status: ProjectStatus;
  created_at: Date;
  admitted_at: Date | null;
  template: string;
  summary: unknown;
}

/** The projects matching every filter given, ordered by project number. */
export async function listLibraryProjects(db: Queryable, filter: LibraryFilter): Promise<LibraryProject[]> {
  // Only the summary's fields of the application's data: a list of hundreds need not carry whole forms.
  const result = await db.query<LibraryRow>(
    `SELECT p.id, p.project_number, p.call_id, p.unit_id, p.enterprise_uscc, p.status, p.created_at, p.admitted_at, a.template,
            jsonb_build_object('projectName', a.data->'projectName', 'enterpriseName', a.data->'enterpriseName', 'direction', a.data->'direction') AS summary
       FROM project p JOIN application a ON a.id = p.application_id
      WHERE ($1::text IS NULL OR p.call_id = $1)
        AND ($2::text IS NULL OR p.unit_id = $2)
        AND ($3::text IS NULL OR a.data->>'direction' = $3)
        AND ($4::text IS NULL OR a.template = $4)
        AND ($5::text[] IS NULL OR p.status = ANY($5))
      ORDER BY p.project_number`,
    [filter.callId ?? null, filter.unitId ?? null, filter.direction ?? null, filter.template ?? null, filter.statuses?.length ? [...filter.statuses] : null],
  );
  return result.rows.map((row) => {
    const summary = summaryOf(row.summary);
    return {
      id: row.id, projectNumber: row.project_number, callId: row.call_id, unitId: row.unit_id, enterpriseUscc: row.enterprise_uscc,
      status: row.status, createdAt: row.created_at, admittedAt: row.admitted_at, template: row.template,
      projectName: summary.projectName, enterpriseName: summary.enterpriseName, direction: summary.direction,
    };
  });
}
