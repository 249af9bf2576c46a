// Which of the officer's actions a seat offers at the session's current step; the server checks each again.
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';

type Seat = ReviewSessionView['projects'][number]['seats'][number];

/** An action on one seat: 设为组长, 排除评分, 撤销排除, 要求复核, 更换专家. */
export type SeatAction = 'leader' | 'exclude' | 'restore' | 'rescore' | 'replace';

/** The actions a seat offers while the session is at `status`: leaders while drawing; scores and replacements while scoring. */
export function seatActionsOf(status: string, seat: Seat): SeatAction[] {
  if (!seat.active) return [];
  if (status === 'drawing') return seat.isLeader ? [] : ['leader'];
  if (status !== 'scoring') return [];
  if (seat.status === 'scored') return seat.excludedReason === null ? ['exclude', 'rescore'] : ['restore'];
  if ((seat.status === 'drawn' || seat.status === 'declared') && !seat.isLeader) return ['replace'];
  return [];
}

/** The button text of each seat action. */
export const seatActionLabels: Record<SeatAction, string> = {
  leader: '设为组长',
  exclude: '排除评分',
  restore: '撤销排除',
  rescore: '要求复核',
  replace: '更换专家',
};
