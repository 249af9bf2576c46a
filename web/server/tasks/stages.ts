// The stages (user-task keys of processes/*.bpmn) as the tasklist names them, and how each is handled there.

/** One stage of the tasklist: its Chinese name and the label of the button that completes it. */
export interface Stage {
  /** The process (definition key) whose user task it is. */
  process: string;
  /** Who handles it: its filter is offered to them even while they have no such task. */
  role?: 'city-reviewer' | 'province-officer' | 'division-head' | 'expert';
  key: string;
  label: string;
  submitLabel: string;
}

/** The user tasks of the shipped processes that reviewers, officers and experts handle. */
export const stages: readonly Stage[] = [
  { process: 'declaration', role: 'city-reviewer', key: 'CityReview', label: '市级初审', submitLabel: '提交初审意见' },
  { process: 'declaration', role: 'city-reviewer', key: 'CityRecommendation', label: '推荐至省厅', submitLabel: '提交推荐意见' },
  { process: 'unitBatch', role: 'city-reviewer', key: 'SubmitBatch', label: '报送推荐批次', submitLabel: '提交' },
  { process: 'project', role: 'province-officer', key: 'FormalReview', label: '省厅形式审查', submitLabel: '提交审查结论' },
  { process: 'project', role: 'city-reviewer', key: 'AnswerReturn', label: '答复省厅退回意见', submitLabel: '提交答复' },
  { process: 'project', role: 'city-reviewer', key: 'ChangeUnitOpinion', label: '变更申请推荐单位意见', submitLabel: '提交意见' },
  { process: 'project', role: 'province-officer', key: 'ChangeDecision', label: '省厅审批变更申请', submitLabel: '提交审批结论' },
  { process: 'project', role: 'division-head', key: 'ExitApproval', label: '处长审批退库', submitLabel: '提交审批结论' },
  { process: 'reviewSession', role: 'province-officer', key: 'DrawPanels', label: '抽取评审专家', submitLabel: '确认专家名单' },
  { process: 'reviewSession', role: 'province-officer', key: 'CollectScores', label: '评审打分与汇总', submitLabel: '结束评分' },
  { process: 'reviewSession', role: 'province-officer', key: 'ProposePilots', label: '提出试点建议名单', submitLabel: '提出建议名单' },
  { process: 'reviewSession', role: 'province-officer', key: 'CollectiveDecision', label: '集体决策', submitLabel: '记录决策结论' },
  { process: 'reviewSession', role: 'province-officer', key: 'FinalisePilotList', label: '答复异议并确定试点名单', submitLabel: '确定试点名单' },
  { process: 'panelSeat', role: 'expert', key: 'DeclareConflict', label: '签署评审承诺书与回避声明', submitLabel: '提交声明' },
  { process: 'panelSeat', role: 'expert', key: 'ScoreProject', label: '专家评分', submitLabel: '提交评分' },
  { process: 'panelSeat', role: 'expert', key: 'RecordConsensus', label: '组长记录合议意见', submitLabel: '提交合议意见' },
];

/** The stage of a task; a task of a process deployed later is named by its own BPMN name. */
export function stageOf(processDefinitionId: string, key: string, taskName: string | null): Stage {
  const process = processDefinitionId.split(':')[0]!;
  return stages.find((stage) => stage.process === process && stage.key === key) ?? { process, key, label: taskName ?? key, submitLabel: '完成任务' };
}
