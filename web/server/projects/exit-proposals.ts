import { exitGrounds, exitReasonText, type ExitGround } from '../../../domain/project-exit.js';
import { withTransaction } from '../../../platform/database.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { queueMessageCorrelation } from '../../../store/engine-command-repository.js';
import { insertExitProposal, listExitProposals, type ExitProposal } from '../../../store/project-change-repository.js';
import { findProject } from '../../../store/project-repository.js';
import { deliverAfterCommit } from '../engine-commands/deliver.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';
import type { ExitProposalsAnswer } from '../schemas/project-changes.js';
import { actorNamesFor } from './actor-names.js';
import { headerOf, openItemRefusalOf, type ChangeDeps } from './change-requests.js';
import { exitProposalViews } from './project-records.js';
import { PROJECT_PROCESS } from './project-start.js';
import { projectVisibleTo } from './scope.js';

// 退库 proposed by the province (LIFECYCLE.md stage 4a): an officer or a division head proposes, on one of the four
// grounds with the reason; a division head who did not propose it decides in the project's process (ExitApproval).

/** What the province proposes. */
export interface ExitProposalBody {
  ground: ExitGround;
  reason: string;
}

/**
 * Records the proposal and queues the message to the project's process (projectExitProposed) in one transaction;
 * refused, with nothing changed, for a project not in the library or with a request or exit open (409).
 */
export async function proposeExit(deps: ChangeDeps, account: Account, projectId: string, body: ExitProposalBody): Promise<ExitProposal> {
  const now = deps.clock.now();
  const { proposal, commandId } = await withTransaction(deps.db, async (client) => {
    const project = projectVisibleTo(account, await findProject(client, projectId, true));
    const refusal = await openItemRefusalOf(client, project, '退库');
    if (refusal) throw new AppError('CONFLICT', refusal);
    const proposal = await insertExitProposal(client, { projectId: project.id, ground: body.ground, reason: body.reason, proposedBy: account.username, proposedAt: now });
    await insertAuditEntry(client, {
      actor: account.username, action: 'project.exit-proposed', subject: `project:${project.id}`, at: now,
      callId: project.callId, unitId: project.unitId, applicationId: project.applicationId,
      detail: { projectNumber: project.projectNumber, exitProposalId: proposal.id, ground: body.ground, reason: body.reason },
    });
    const commandId = await queueMessageCorrelation(client, {
      messageName: 'projectExitProposed', businessKey: project.projectNumber, processDefinitionKey: PROJECT_PROCESS, catchingActivityId: 'ExitProposed',
      // exitReason is what the status row records on approval; the ground's label and the proposer's name are for the form.
      variables: {
        exitProposalId: proposal.id, exitReason: exitReasonText(body.ground, body.reason), exitProposedBy: account.username,
        exitGroundLabel: exitGrounds[body.ground], exitProposerName: account.displayName,
      },
      subject: { projectId: project.id },
    });
    return { proposal, commandId };
  });
  await deliverAfterCommit(deps, commandId);
  return proposal;
}

/** The project's exit proposals for a reader of the project (an applicant sees only an approved one). */
export async function exitProposalsOf(deps: Pick<ChangeDeps, 'db'>, account: Account, projectId: string): Promise<ExitProposalsAnswer> {
  const project = projectVisibleTo(account, await findProject(deps.db, projectId));
  const proposals = await listExitProposals(deps.db, project.id);
  const name = await actorNamesFor(deps.db, account, proposals.flatMap((p) => [p.proposedBy, p.decidedBy]));
  return { project: await headerOf(deps.db, project, '退库'), proposals: exitProposalViews(proposals, name, account.role === 'applicant') };
}
