// The province's dispatch board (调度看板, LIFECYCLE.md stage 5): per pilot, planned against completed investment,
// report punctuality and the flag for two missed reports in a row; summed per unit and per direction. Amounts in
// 万元 as the applications state them, computed in hundredths so sums do not drift.

import { missedTwiceInARow, punctuality, type ReportStanding } from './progress-schedule.js';

/** One pilot as its reports leave it. */
export interface PilotProgress {
  projectId: string;
  unitId: string;
  direction: string;
  /** 项目总投资 (万元). */
  plannedInvestment: number;
  /** Investment completed to date (万元) by its latest report; null before its first. */
  completedInvestment: number | null;
  standings: readonly ReportStanding[];
}

/** A pilot's row on the board. */
export interface BoardRow extends PilotProgress {
  /** completed ÷ planned (0–1 or more), null before the first report or without a plan. */
  completion: number | null;
  punctuality: number | null;
  dueReports: number;
  onTimeReports: number;
  flagged: boolean;
}

/** A unit's or a direction's sums. */
export interface BoardGroup {
  key: string;
  pilots: number;
  plannedInvestment: number;
  completedInvestment: number;
  completion: number | null;
  dueReports: number;
  onTimeReports: number;
  punctuality: number | null;
  flagged: number;
}

/** The board: a row per pilot (flagged first, then by unit), and the sums per unit and per direction. */
export function dispatchBoard(pilots: readonly PilotProgress[]): { rows: BoardRow[]; byUnit: BoardGroup[]; byDirection: BoardGroup[] } {
  for (const pilot of pilots) checkAmounts(pilot);
  const rows = pilots.map((pilot): BoardRow => {
    const due = pilot.standings.filter((standing) => standing !== 'not-due');
    return {
      ...pilot,
      completion: pilot.completedInvestment === null || pilot.plannedInvestment === 0 ? null : pilot.completedInvestment / pilot.plannedInvestment,
      punctuality: punctuality(pilot.standings),
      dueReports: due.length,
      onTimeReports: due.filter((standing) => standing === 'on-time').length,
      flagged: missedTwiceInARow(pilot.standings),
    };
  });
  rows.sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.unitId.localeCompare(b.unitId) || a.projectId.localeCompare(b.projectId));
  return { rows, byUnit: groupBy(rows, (row) => row.unitId), byDirection: groupBy(rows, (row) => row.direction) };
}

// helpers

function groupBy(rows: readonly BoardRow[], keyOf: (row: BoardRow) => string): BoardGroup[] {
  const groups = new Map<string, BoardRow[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, members]) => {
    const planned = cents(members.reduce((sum, row) => sum + toCents(row.plannedInvestment), 0));
    const completed = cents(members.reduce((sum, row) => sum + toCents(row.completedInvestment ?? 0), 0));
    const dueReports = members.reduce((sum, row) => sum + row.dueReports, 0);
    const onTimeReports = members.reduce((sum, row) => sum + row.onTimeReports, 0);
    return {
      key, pilots: members.length, plannedInvestment: planned, completedInvestment: completed,
      completion: planned === 0 || members.every((row) => row.completedInvestment === null) ? null : completed / planned,
      dueReports, onTimeReports, punctuality: dueReports ? onTimeReports / dueReports : null, flagged: members.filter((row) => row.flagged).length,
    };
  });
}

function checkAmounts(pilot: PilotProgress): void {
  for (const [label, value] of [['计划投资', pilot.plannedInvestment], ['完成投资', pilot.completedInvestment ?? 0]] as const) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${label}须为不小于0的数（项目 ${pilot.projectId}），不是${value}`);
  }
}

function toCents(amount: number): number {
  return Math.round(amount * 100);
}

function cents(total: number): number {
  return total / 100;
}
