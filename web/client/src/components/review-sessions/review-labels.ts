// The words and colours the review-session pages show for the codes the API returns: the campaign's steps, a seat's
// state, a draw's kind, a scoring method. The step labels are the domain's (domain/review-session-status.ts).
import { reviewSessionStatuses } from '../../../../../domain/review-session-status.js';
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';
import { tagColors } from '../../labels.js';

type Seat = ReviewSessionView['projects'][number]['seats'][number];

/** The campaign's steps in order (processes/review-session.bpmn), as the Steps bar and the status tag name them. */
export const sessionSteps = Object.entries(reviewSessionStatuses).map(([status, label]) => ({ status, label }));

/** The colour of a session's status tag: blue while it runs, green once the list is published. */
export function sessionStatusColor(status: string): string {
  return status === 'final' ? tagColors.good : status === 'public-notice' ? tagColors.notice : tagColors.info;
}

/** A seat's state in words (a declined one with its reason) and its tag colour. */
export function seatStatusOf(seat: Pick<Seat, 'status' | 'declineReason'>): { label: string; color: string } {
  switch (seat.status) {
    case 'drawn': return { label: '待声明', color: tagColors.action };
    case 'declared': return { label: '待评分', color: tagColors.info };
    case 'scored': return { label: '已评分', color: tagColors.good };
    case 'declined': return { label: seat.declineReason ? `已回避（${seat.declineReason}）` : '已回避', color: tagColors.notice };
    case 'redrawn': return { label: '已撤换', color: tagColors.bad };
  }
}

/** A draw's kind in words. */
export const drawKindLabels: Record<ReviewSessionView['draws'][number]['kind'], string> = { draw: '抽取', redraw: '重新抽取', replacement: '更换专家' };

/** How a panel's score was made, in words. */
export const methodLabels: Record<NonNullable<ReviewSessionView['projects'][number]['method']>, string> = {
  'trimmed-mean': '去掉一个最高分和一个最低分后平均',
  mean: '算术平均',
  none: '无有效评分',
};

/** A collective decision in words. */
export const decisionLabels: Record<NonNullable<ReviewSessionView['proposals'][number]['decision']>, string> = { approve: '同意', return: '退回修改' };

/** A time in Beijing, as every page of the platform shows it. */
export function beijing(time: Date): string {
  return time.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** A score with at most two decimals, or a dash when there is none. */
export function scoreText(score: number | null): string {
  return score === null ? '—' : String(Number(score.toFixed(2)));
}
