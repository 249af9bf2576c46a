import type { PanelSeat } from '../../../store/panel-seat-repository.js';
import type { ReviewSession } from '../../../store/review-session-repository.js';

// What an expert may see of a project (LIFECYCLE.md stage 4b): before the 回避声明 only its enterprise name, USCC,
// title and 编制单位; the materials (data, documents, attachments) only while the seat is on the panel, declared, and
// the panel is open (the session scoring, not closed). Nothing once scoring closed, nor for a seat that declined or
// was replaced.

/** Whether the seat's expert may open the project's materials now. */
export function seatMayOpenMaterials(seat: Pick<PanelSeat, 'active' | 'status'>, session: Pick<ReviewSession, 'status' | 'scoringClosedAt'>): boolean {
  return seat.active && (seat.status === 'declared' || seat.status === 'scored') && session.status === 'scoring' && session.scoringClosedAt === null;
}
