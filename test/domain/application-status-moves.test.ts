import { describe, expect, it } from 'vitest';
import { applicationStatusCodes, type ApplicationStatus } from '../../domain/application-status.js';
import { applicationStatusMoves, checkStatusMove, decisionStatuses, statusTellsApplicant, terminalStatuses } from '../../domain/application-status-moves.js';

/** The statuses reachable from `status`; `except` leaves out one move (from → to). */
function reachableFrom(status: ApplicationStatus, except?: readonly [ApplicationStatus, ApplicationStatus]): Set<ApplicationStatus> {
  const seen = new Set<ApplicationStatus>();
  const movesOf = (from: ApplicationStatus) => applicationStatusMoves[from].next.filter((to) => !(except && except[0] === from && except[1] === to));
  const queue = [...movesOf(status)];
  while (queue.length) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...movesOf(next));
  }
  return seen;
}

describe('the moves between application statuses', () => {
  it.each([
    // the declaration as the process makes it
    ['draft', 'submitted', 'legal'],
    ['submitted', 'checking', 'legal'],
    ['checking', 'refused', 'legal'],
    ['checking', 'correction-requested', 'legal'],
    ['checking', 'awaiting-sealed-scans', 'legal'],
    ['checking', 'withdrawn', 'legal'],
    ['correction-requested', 'resubmitted', 'legal'],
    ['correction-requested', 'withdrawn', 'legal'],
    ['resubmitted', 'checking', 'legal'],
    ['awaiting-sealed-scans', 'with-city', 'legal'],
    ['awaiting-sealed-scans', 'withdrawn', 'legal'],
    ['with-city', 'in-city-library', 'legal'],
    ['with-city', 'correction-requested', 'legal'],
    ['with-city', 'not-recommended', 'legal'],
    ['in-city-library', 'recommended', 'legal'],
    // the unit withdraws its recommendation (back to its library); the applicant withdraws before the batch
    ['recommended', 'in-city-library', 'legal'],
    ['submitted', 'withdrawn', 'legal'],
    ['resubmitted', 'withdrawn', 'legal'],
    ['in-city-library', 'withdrawn', 'legal'],
    ['recommended', 'withdrawn', 'legal'],
    // the same status again: neither legal nor refused (a retried step, or the web and the worker path of one move)
    ['recommended', 'recommended', 'unchanged'],
    ['checking', 'checking', 'unchanged'],
    // skipping a step, going back, or leaving an end
    ['draft', 'with-city', 'illegal'],
    ['submitted', 'in-city-library', 'illegal'],
    ['awaiting-sealed-scans', 'in-city-library', 'illegal'],
    ['in-city-library', 'with-city', 'illegal'],
    ['in-city-library', 'not-recommended', 'illegal'],
    ['draft', 'withdrawn', 'illegal'],
    ['recommended', 'with-city', 'illegal'],
    ['refused', 'checking', 'illegal'],
    ['withdrawn', 'resubmitted', 'illegal'],
    ['not-recommended', 'recommended', 'illegal'],
    ['with-city', 'draft', 'illegal'],
  ] as const)('%s → %s is %s', (from, to, expected) => {
    expect(checkStatusMove(from, to).outcome).toBe(expected);
  });

  it('refuses an illegal move with a reason naming both statuses in Chinese', () => {
    expect(checkStatusMove('recommended', 'with-city')).toEqual({ outcome: 'illegal', reason: '申报状态不能从“已推荐至省厅”变更为“市级初审中”' });
    expect(checkStatusMove('refused', 'checking')).toEqual({ outcome: 'illegal', reason: '申报已“不予受理”，状态不能再变更为“自动审查中”' });
  });

  it('has an entry for every status, and every move leads to a known status', () => {
    expect(Object.keys(applicationStatusMoves).sort()).toEqual([...applicationStatusCodes].sort());
    for (const entry of Object.values(applicationStatusMoves)) for (const next of entry.next) expect(applicationStatusCodes).toContain(next);
  });

  it('keeps terminal statuses terminal', () => {
    for (const status of terminalStatuses) {
      expect(applicationStatusMoves[status].next, status).toEqual([]);
      for (const to of applicationStatusCodes.filter((s) => s !== status)) expect(checkStatusMove(status, to).outcome).toBe('illegal');
    }
  });

  it('never moves back past a decision: no decision lies on a loop but the withdrawn recommendation’s', () => {
    // The one way back: the unit withdraws its recommendation, and the application is in its library again.
    const withdrawnRecommendation = ['recommended', 'in-city-library'] as const;
    for (const decision of decisionStatuses) expect(reachableFrom(decision, withdrawnRecommendation).has(decision), decision).toBe(false);
    // and it leads no further back than the library
    expect([...reachableFrom('recommended')].sort()).toEqual(['in-city-library', 'recommended', 'withdrawn']);
  });

  it('reaches every status from a draft', () => {
    expect([...reachableFrom('draft')].sort()).toEqual(applicationStatusCodes.filter((s) => s !== 'draft').sort());
  });

  it('tells the applicant of what others decide, not of its own steps or the passing check', () => {
    const told = applicationStatusCodes.filter(statusTellsApplicant);
    expect(told.sort()).toEqual(['awaiting-sealed-scans', 'correction-requested', 'in-city-library', 'not-recommended', 'recommended', 'refused', 'withdrawn']);
  });
});
