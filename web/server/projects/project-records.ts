import { z } from 'zod';
import type { ChangeRequest as ProjectChangeRequest, ExitProposal as ProjectExitProposal } from '../../../store/project-change-repository.js';
import type { FormalReview as FormalReviewRound } from '../../../store/project-review-repository.js';
import type { ChangeRequestView, ExitProposalView, FormalReviewView } from '../schemas/projects.js';
import { fieldByKey, type FormField } from './version-fields.js';

// The project's records as its page shows them to one reader. What passes between the unit and the province (the
// unit's answer to a return and its files, the unit's opinion on a change request, exit proposals not carried
// out) is theirs: an applicant sees the decisions, the field comments and the dates.

type Name = (actor: string) => string;

const storedFieldComments = z.array(z.object({ field: z.string(), label: z.string().optional(), comment: z.string() })).catch([]);
const storedFiles = z.array(z.object({ id: z.string(), fileName: z.string() })).catch([]);
const storedChanges = z.record(z.string(), z.unknown()).catch({});

/** One formal review round for the reader. */
export function formalReviewView(round: FormalReviewRound, fields: readonly FormField[], name: Name, applicant: boolean): FormalReviewView {
  return {
    round: round.round, decision: round.decision, opinion: round.opinion,
    fieldComments: storedFieldComments.parse(round.fieldComments).map((comment) => ({
      field: comment.field, label: comment.label ?? fieldByKey(fields, comment.field).label, comment: comment.comment,
    })),
    decidedBy: name(round.decidedBy), decidedAt: round.decidedAt, answerDueAt: round.answerDueAt, answerKind: round.answerKind,
    answerComment: applicant ? null : round.answerComment,
    answerAttachments: applicant ? [] : storedFiles.parse(round.answerAttachments).map(({ id, fileName }) => ({ id, fileName })),
    answeredBy: round.answeredBy && name(round.answeredBy), answeredAt: round.answeredAt,
  };
}

/** One change request for the reader, its fields named and read as the form does. */
export function changeRequestView(request: ProjectChangeRequest, fields: readonly FormField[], name: Name, applicant: boolean): ChangeRequestView {
  return {
    id: request.id, kind: request.kind,
    changes: Object.entries(storedChanges.parse(request.changes)).map(([key, value]) => {
      const field = fieldByKey(fields, key);
      return { key, label: field.label, value: field.read(value) };
    }),
    reason: request.reason, requestedBy: name(request.requestedBy), requestedAt: request.requestedAt, status: request.status, ruleReason: request.ruleReason,
    unitOpinion: applicant ? null : request.unitOpinion, unitComment: applicant ? null : request.unitComment,
    unitBy: applicant || !request.unitBy ? null : name(request.unitBy), unitAt: applicant ? null : request.unitAt,
    decisionComment: request.decisionComment, decidedBy: request.decidedBy && name(request.decidedBy), decidedAt: request.decidedAt, appliedAt: request.appliedAt,
  };
}

/** The exit proposals the reader sees: every one for the province and the unit, the approved one for the applicant. */
export function exitProposalViews(proposals: readonly ProjectExitProposal[], name: Name, applicant: boolean): ExitProposalView[] {
  return proposals
    .filter((proposal) => !applicant || proposal.status === 'approved')
    .map((proposal) => ({
      id: proposal.id, ground: proposal.ground, reason: proposal.reason, proposedBy: name(proposal.proposedBy), proposedAt: proposal.proposedAt,
      status: proposal.status, decisionComment: proposal.decisionComment, decidedBy: proposal.decidedBy && name(proposal.decidedBy), decidedAt: proposal.decidedAt,
    }));
}

/** Every person the records name, for one look-up of their accounts. */
export function actorsOf(rounds: readonly FormalReviewRound[], requests: readonly ProjectChangeRequest[], proposals: readonly ProjectExitProposal[]): (string | null)[] {
  return [
    ...rounds.flatMap((round) => [round.decidedBy, round.answeredBy]),
    ...requests.flatMap((request) => [request.requestedBy, request.unitBy, request.decidedBy]),
    ...proposals.flatMap((proposal) => [proposal.proposedBy, proposal.decidedBy]),
  ];
}
