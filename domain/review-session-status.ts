// A review session's place in its campaign (processes/review-session.bpmn), in the campaign's order, with the name
// the pages give it.

/** The statuses in the campaign's order, with their Chinese names. */
export const reviewSessionStatuses = {
  drawing: '抽取专家',
  scoring: '专家评审',
  consensus: '组长合议',
  proposing: '提出建议名单',
  deciding: '集体决策',
  'public-notice': '公示中',
  final: '名单已发布',
} as const;

export type ReviewSessionStatus = keyof typeof reviewSessionStatuses;
