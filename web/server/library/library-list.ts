import type { Pool } from '../../../platform/database.js';
import type { Call } from '../../../domain/call.js';
import { directionLabel, directions as shippedDirections, templateLabel, type Direction } from '../../../domain/directions.js';
import { projectStatuses } from '../../../domain/project-status.js';
import { unitNameOf } from '../../../domain/units.js';
import { listCalls } from '../../../store/call-repository.js';
import { listLibraryProjects, type LibraryProject } from '../../../store/library-repository.js';
import { AppError } from '../errors.js';
import type { LibraryFilters, LibraryList, LibraryRowView } from '../schemas/library.js';

// The library's lists as the pages and exports show them: the filters checked against the calls (a call or a
// direction no call has is refused, not answered with an empty list), the rows labelled from their own call's
// directions, and the applied filters in words for the exported files.

/** The filters of a list: the province's query, or a unit's with its own unit. */
export type LibraryQuery = Omit<LibraryFilters, 'unitId'> & { unitId?: string };

/** A list with the filters it was made with, in words (`申报批次：…`), for the exports' headings. */
export interface LibraryListing extends LibraryList {
  applied: { label: string; value: string }[];
}

/** The projects matching the filters, labelled; refuses (400) a call or direction that does not exist. */
export async function libraryListing(db: Pool, filters: LibraryQuery): Promise<LibraryListing> {
  const calls = await listCalls(db);
  const call = filters.callId === undefined ? undefined : calls.find((c) => c.id === filters.callId);
  if (filters.callId !== undefined && !call) throw refused('callId', '没有这个申报批次，请从批次列表中重新选择。');
  const offered = directionsOf(call ? [call] : calls);
  if (filters.direction !== undefined && !offered.some((d) => d.code === filters.direction)) throw refused('direction', '没有这个申报方向');
  const projects = await listLibraryProjects(db, { ...filters, statuses: filters.status });
  const callsById = new Map(calls.map((c) => [c.id, c]));
  const rows = projects.map((project) => rowOf(project, callsById.get(project.callId)));
  return { total: rows.length, rows, directions: offered.map(({ code, label }) => ({ code, label })), applied: appliedFilters(filters, call, offered) };
}

/** A project as its list row shows it, its direction labelled by its own call. */
export function rowOf(project: LibraryProject, call: Call | undefined): LibraryRowView {
  return {
    projectId: project.id, projectNumber: project.projectNumber, projectName: project.projectName, enterpriseName: project.enterpriseName,
    uscc: project.enterpriseUscc, call: { id: project.callId, title: call?.title ?? project.callId },
    unit: { id: project.unitId, name: unitNameOf(project.unitId) },
    direction: { code: project.direction, label: project.direction && directionLabel(project.direction, call?.directions ?? shippedDirections) },
    category: { code: project.template, label: templateLabel(project.template) },
    status: project.status, statusLabel: projectStatuses[project.status], createdAt: project.createdAt, admittedAt: project.admittedAt,
  };
}

// helpers

/** The directions of the calls (newest first, the newest label of a code), then the shipped ones none of them has. */
function directionsOf(calls: readonly Call[]): Direction[] {
  const found = new Map<string, Direction>();
  for (const direction of [...calls.flatMap((call) => call.directions), ...(calls.length === 1 ? [] : shippedDirections)]) {
    if (!found.has(direction.code)) found.set(direction.code, direction);
  }
  return [...found.values()];
}

function appliedFilters(filters: LibraryQuery, call: Call | undefined, offered: readonly Direction[]): { label: string; value: string }[] {
  const applied: { label: string; value: string }[] = [];
  if (call) applied.push({ label: '申报批次', value: call.title });
  if (filters.unitId) applied.push({ label: '推荐单位', value: unitNameOf(filters.unitId) });
  if (filters.direction) applied.push({ label: '申报方向', value: directionLabel(filters.direction, offered) });
  if (filters.template) applied.push({ label: '类别', value: templateLabel(filters.template) });
  if (filters.status?.length) applied.push({ label: '项目状态', value: filters.status.map((status) => projectStatuses[status]).join('、') });
  return applied;
}

function refused(field: keyof LibraryQuery, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ path: `querystring.${field}`, message }]);
}
