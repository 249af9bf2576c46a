// The statuses of a project in the provincial library (LIFECYCLE.md, stage 4a "Dynamic management"), and the moves
// between them this stage makes. A project is created, received, when its unit submits the batch that holds it.

export const projectStatuses = {
  received: '待形式审查',
  returned: '退回市局',
  admitted: '在库',
  'not-admitted': '不予入库',
  pilot: '试点',
  'under-construction': '建设中',
  'awaiting-acceptance': '待验收',
  accepted: '已验收',
  'acceptance-failed': '验收未通过',
  subsidised: '已补助',
  'spot-checking': '抽查中',
  qualified: '合格',
  rectifying: '整改',
  adjusted: '调整',
  recovered: '收回',
  exited: '退库',
} as const;

export type ProjectStatus = keyof typeof projectStatuses;

/** Every project status code, for enums in schemas and the database's CHECK. */
export const projectStatusCodes = Object.keys(projectStatuses) as [ProjectStatus, ...ProjectStatus[]];

/** The status a project is created with: its batch reached the province, formal review is next. */
export const initialProjectStatus: ProjectStatus = 'received';

/**
 * Statuses of a project in the provincial library (省级重点项目库): admitted and every later one. Not the ones before
 * admission (received, returned), nor refused admission, nor exited.
 */
export const inLibraryStatuses = [
  'admitted', 'pilot', 'under-construction', 'awaiting-acceptance', 'accepted', 'acceptance-failed',
  'subsidised', 'spot-checking', 'qualified', 'rectifying', 'adjusted', 'recovered',
] as const satisfies readonly ProjectStatus[];

/** Whether a project in `status` counts as in the provincial library (E6, the library lists). */
export function isInLibrary(status: ProjectStatus): boolean {
  return (inLibraryStatuses as readonly ProjectStatus[]).includes(status);
}

// The moves of stage 4a: formal review admits, returns to the unit or refuses; the unit's answer brings a returned
// project back to review, or withdraws it from the batch (not admitted); any project in the library may exit (退库).
// Later stages add their moves here.
const stageMoves: Readonly<Partial<Record<ProjectStatus, readonly ProjectStatus[]>>> = {
  received: ['admitted', 'returned', 'not-admitted'],
  returned: ['received', 'not-admitted'],
  // Stage 4b: the final 试点项目名单 makes a library project a pilot.
  admitted: ['pilot'],
};

/** The statuses a project in `from` may move to. */
export function nextProjectStatuses(from: ProjectStatus): readonly ProjectStatus[] {
  return [...(stageMoves[from] ?? []), ...(isInLibrary(from) ? (['exited'] as const) : [])];
}

/** Statuses that end a project: nothing moves on from them. */
export const terminalProjectStatuses: readonly ProjectStatus[] = ['not-admitted', 'exited'];

/** Whether a move is legal; a move to the status the project already has is `unchanged`, neither. */
export type ProjectStatusMoveOutcome = { outcome: 'legal' } | { outcome: 'unchanged' } | { outcome: 'illegal'; reason: string };

/** Says whether a project in `from` may move to `to`, with the reason (Chinese) when it may not. */
export function checkProjectStatusMove(from: ProjectStatus, to: ProjectStatus): ProjectStatusMoveOutcome {
  if (from === to) return { outcome: 'unchanged' };
  if (nextProjectStatuses(from).includes(to)) return { outcome: 'legal' };
  const reason = terminalProjectStatuses.includes(from)
    ? `项目已“${projectStatuses[from]}”，状态不能再变更为“${projectStatuses[to]}”`
    : `项目状态不能从“${projectStatuses[from]}”变更为“${projectStatuses[to]}”`;
  return { outcome: 'illegal', reason };
}
