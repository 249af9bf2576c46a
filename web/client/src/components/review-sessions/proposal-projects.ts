// The projects a proposal names, as the session's view holds them, and the proposal the 公示 is about.
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';

type Project = ReviewSessionView['projects'][number];
type Proposal = ReviewSessionView['proposals'][number];

/** The session's projects a proposal names, in the proposal's order. */
export function projectsOf(view: ReviewSessionView, proposal: Proposal): Project[] {
  return proposal.projectIds.flatMap((id) => view.projects.filter((p) => p.projectId === id));
}

/** The latest proposal the collective decision approved: the list under 公示; none before. */
export function approvedProposal(view: ReviewSessionView): Proposal | undefined {
  return view.proposals.filter((p) => p.decision === 'approve').at(-1);
}
