// 退库 (LIFECYCLE.md stage 4a): the province proposes a project's exit from the library on one of four grounds, and
// a division head who did not propose it decides (no self-approval).

/** The grounds of an exit, as migration 029 records them. */
export const exitGrounds = {
  terminated: '企业终止实施',
  'acceptance-failed': '验收未通过',
  fraud: '弄虚作假',
  'serious-deviation': '严重偏离建设内容',
} as const;
export type ExitGround = keyof typeof exitGrounds;
export const exitGroundCodes = Object.keys(exitGrounds) as [ExitGround, ...ExitGround[]];

/** Where a proposal stands. */
export const exitProposalStatuses = { pending: '待处长审批', approved: '已批准退库', refused: '未批准' } as const;
export type ExitProposalStatus = keyof typeof exitProposalStatuses;
export const exitProposalStatusCodes = Object.keys(exitProposalStatuses) as [ExitProposalStatus, ...ExitProposalStatus[]];

/** The message for a decision by the person who proposed the item (LIFECYCLE.md: nobody approves what they proposed). */
export const selfApprovalRefusal = '不能审批本人提出的事项';

/** Whether `decider` may decide an item `proposer` proposed: never their own. */
export function mayDecide(proposer: string, decider: string): boolean {
  return proposer !== decider;
}

/** The exit's reason as the status history records it: the ground, then the proposer's words. */
export function exitReasonText(ground: ExitGround, reason: string): string {
  return `${exitGrounds[ground]}：${reason}`;
}
