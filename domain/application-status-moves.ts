import { applicationStatuses, type ApplicationStatus } from './application-status.js';

// The legal moves between statuses, as the shipped declaration model makes them today (processes/declaration.bpmn,
// the workers that set statuses and the web services of submit, correction, sealed scans and recommendation).
// The flow itself lives in BPMN; this table only refuses what no flow may do. The province stage adds its moves here.

interface StatusEntry {
  /** The statuses this one may move to. */
  next: readonly ApplicationStatus[];
  /** Whether the applicant is told (in-app and by mail): not of its own steps, nor of the passing automatic check. */
  tellsApplicant: boolean;
}

/** Every status with its legal next statuses. */
export const applicationStatusMoves: Readonly<Record<ApplicationStatus, StatusEntry>> = {
  draft: { next: ['submitted'], tellsApplicant: false },
  // withdrawn, from every status before the unit's batch is submitted: the applicant's own withdrawal (撤回申报).
  submitted: { next: ['checking', 'withdrawn'], tellsApplicant: false },
  // Rules refuse, ask for a correction (or find no round left: withdrawn), or pass to the seal step.
  checking: { next: ['refused', 'correction-requested', 'awaiting-sealed-scans', 'withdrawn'], tellsApplicant: false },
  // checking: the correction task completed in the engine's own Tasklist, where nobody records the resubmission.
  'correction-requested': { next: ['resubmitted', 'checking', 'withdrawn'], tellsApplicant: true },
  resubmitted: { next: ['checking', 'withdrawn'], tellsApplicant: false },
  'awaiting-sealed-scans': { next: ['with-city', 'withdrawn'], tellsApplicant: true },
  // The city passes, returns for correction (withdrawn when no round is left) or does not recommend.
  'with-city': { next: ['in-city-library', 'correction-requested', 'not-recommended', 'withdrawn'], tellsApplicant: false },
  'in-city-library': { next: ['recommended', 'withdrawn'], tellsApplicant: true },
  // Back to the library when the unit withdraws its recommendation, withdrawn by the applicant; both only until the
  // unit's batch holding it is submitted (the services check that). The province stage adds its own moves here.
  recommended: { next: ['in-city-library', 'withdrawn'], tellsApplicant: true },
  refused: { next: [], tellsApplicant: true },
  withdrawn: { next: [], tellsApplicant: true },
  'not-recommended': { next: [], tellsApplicant: true },
};

/** Statuses that end an application: nothing moves on from them. */
export const terminalStatuses: readonly ApplicationStatus[] = ['refused', 'withdrawn', 'not-recommended'];

/**
 * Statuses a decision sets (the rules, the deadlines, the city): no move leads back to one before them. The one way
 * back is the unit's withdrawal of its recommendation (recommended → in-city-library), before its batch is submitted.
 */
export const decisionStatuses: readonly ApplicationStatus[] = ['refused', 'withdrawn', 'in-city-library', 'not-recommended', 'recommended'];

/** Whether a move is legal; a move to the status the application already has is `unchanged`, neither. */
export type StatusMoveOutcome = { outcome: 'legal' } | { outcome: 'unchanged' } | { outcome: 'illegal'; reason: string };

/** Says whether an application in `from` may move to `to`, with the reason (Chinese) when it may not. */
export function checkStatusMove(from: ApplicationStatus, to: ApplicationStatus): StatusMoveOutcome {
  if (from === to) return { outcome: 'unchanged' };
  if (applicationStatusMoves[from].next.includes(to)) return { outcome: 'legal' };
  const reason = terminalStatuses.includes(from)
    ? `申报已“${applicationStatuses[from]}”，状态不能再变更为“${applicationStatuses[to]}”`
    : `申报状态不能从“${applicationStatuses[from]}”变更为“${applicationStatuses[to]}”`;
  return { outcome: 'illegal', reason };
}

/** Whether the applicant is told when its application reaches `status`. */
export function statusTellsApplicant(status: ApplicationStatus): boolean {
  return applicationStatusMoves[status].tellsApplicant;
}
