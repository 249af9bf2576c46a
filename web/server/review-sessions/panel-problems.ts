import type { PoolClient } from '../../../platform/database.js';
import { sessionSeats, type PanelSeat } from '../../../store/panel-seat-repository.js';
import { reviewProjectFacts, sessionProjects, type ReviewSession } from '../../../store/review-session-repository.js';

// A step of the campaign checks every panel before it goes on (confirming the panels, closing the scoring): each
// project's active seats against a rule, the problems named by project number.

/** The problems `check` finds in each project's panel (its active seats), in the session's project order. */
export async function panelProblems(client: PoolClient, session: ReviewSession, check: (panel: PanelSeat[], projectNumber: string) => string[]): Promise<{ problems: string[]; seats: PanelSeat[] }> {
  const projects = await sessionProjects(client, session.id);
  const seats = await sessionSeats(client, session.id);
  const facts = new Map((await reviewProjectFacts(client, projects.map((p) => p.projectId))).map((f) => [f.projectId, f]));
  const problems = projects.flatMap((project) =>
    check(seats.filter((s) => s.projectId === project.projectId && s.active), facts.get(project.projectId)?.projectNumber ?? project.projectId));
  return { problems, seats };
}
