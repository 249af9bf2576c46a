import { Card, List, Space, Table, Tag, Typography } from 'antd';
import type { ChangeRequestView, ExitProposalView, FormalReviewView } from '../../../../server/schemas/projects.js';
import { changeKindLabels, changeRequestStatuses } from '../../../../../domain/change-request-rules.js';
import { exitGrounds, exitProposalStatuses } from '../../../../../domain/project-exit.js';
import { tagColors } from '../../labels.js';
import { EmptyText, beijing } from './ProjectHistory.js';

// The project's records besides its status rows: 形式审查 rounds, 变更申请 and 退库 proposals.

const decisions: Record<FormalReviewView['decision'], { label: string; color: string }> = {
  admit: { label: '入库', color: tagColors.good },
  return: { label: '退回市局', color: tagColors.action },
  refuse: { label: '不予入库', color: tagColors.bad },
};
const answerKinds: Record<NonNullable<FormalReviewView['answerKind']>, string> = { answered: '已答复', withdrawn: '撤出批次', overdue: '逾期未答复' };
// Colours by outcome; the words are the domain's (H2's change requests and exits).
const changeColors: Record<ChangeRequestView['status'], string> = {
  checking: tagColors.info, 'unit-review': tagColors.info, 'province-review': tagColors.info,
  approved: tagColors.good, refused: tagColors.bad, 'refused-by-rule': tagColors.bad,
};
const exitColors: Record<ExitProposalView['status'], string> = { pending: tagColors.info, approved: tagColors.bad, refused: tagColors.notice };

const when = (time: Date | null) => (time ? beijing(time) : '—');
const multiline = { whiteSpace: 'pre-wrap' } as const;

/** 形式审查: each round's decision, the comments per field, a return's due date and the unit's answer. */
export function FormalReviews({ rounds }: { rounds: readonly FormalReviewView[] }) {
  return (
    <Card title="形式审查">
      <List
        dataSource={[...rounds]}
        locale={{ emptyText: <EmptyText text="尚未形式审查" /> }}
        renderItem={(round) => (
          <List.Item>
            <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="formal-review-round">
              <Space wrap>
                <Typography.Text strong>第 {round.round} 轮</Typography.Text>
                <Tag color={decisions[round.decision].color}>{decisions[round.decision].label}</Tag>
                <Typography.Text type="secondary">{round.decidedBy}　{beijing(round.decidedAt)}</Typography.Text>
              </Space>
              <div style={multiline}>审查意见：{round.opinion}</div>
              {round.fieldComments.map((comment) => <div key={comment.field} style={multiline}>· {comment.label}：{comment.comment}</div>)}
              {round.answerDueAt && <div>答复期限：{beijing(round.answerDueAt)}</div>}
              {round.answerKind && (
                <div style={multiline}>
                  市局答复：{answerKinds[round.answerKind]}{round.answeredBy ? `（${round.answeredBy}，${when(round.answeredAt)}）` : round.answeredAt ? `（${when(round.answeredAt)}）` : ''}
                  {round.answerComment && `\n${round.answerComment}`}
                </div>
              )}
              {round.answerAttachments.map((file) => <a key={file.id} href={`/api/attachments/${file.id}`}>{file.fileName}</a>)}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 变更申请: what was asked, why, the unit's opinion and the province's decision. */
export function ChangeRequests({ requests }: { requests: readonly ChangeRequestView[] }) {
  return (
    <Card title="变更申请">
      <Table
        size="small" rowKey="id" pagination={false} scroll={{ x: 'max-content' }} dataSource={[...requests]} locale={{ emptyText: <EmptyText text="没有变更申请" /> }}
        columns={[
          { key: 'at', title: '申请时间', render: (_, request) => beijing(request.requestedAt) },
          { key: 'kind', title: '类型', render: (_, request) => changeKindLabels[request.kind] },
          {
            key: 'changes', title: '变更内容', render: (_, request) => (
              <div style={{ ...multiline, maxWidth: 420 }}>{request.changes.map((change) => `${change.label}：${change.value || '—'}`).join('\n') || '—'}{`\n理由：${request.reason}`}</div>
            ),
          },
          { key: 'by', title: '申请人', dataIndex: 'requestedBy' },
          { key: 'status', title: '状态', render: (_, request) => <Tag color={changeColors[request.status]}>{changeRequestStatuses[request.status]}</Tag> },
          {
            key: 'opinions', title: '意见', render: (_, request) => (
              <div style={{ ...multiline, maxWidth: 360 }}>
                {[
                  request.ruleReason && `规则：${request.ruleReason}`,
                  request.unitOpinion && `市局：${request.unitOpinion === 'agree' ? '同意' : '不同意'}${request.unitComment ? `，${request.unitComment}` : ''}（${request.unitBy ?? ''} ${when(request.unitAt)}）`,
                  request.decidedAt && `省厅：${request.decisionComment ?? ''}（${request.decidedBy ?? ''} ${when(request.decidedAt)}）`,
                ].filter(Boolean).join('\n') || '—'}
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 退库: the proposals, their ground and reason, and the division head's decision. */
export function ExitProposals({ proposals }: { proposals: readonly ExitProposalView[] }) {
  return (
    <Card title="退库">
      <Table
        size="small" rowKey="id" pagination={false} scroll={{ x: 'max-content' }} dataSource={[...proposals]} locale={{ emptyText: <EmptyText text="没有退库记录" /> }}
        columns={[
          { key: 'at', title: '提出时间', render: (_, proposal) => beijing(proposal.proposedAt) },
          { key: 'ground', title: '退库情形', render: (_, proposal) => exitGrounds[proposal.ground] },
          { key: 'reason', title: '理由', render: (_, proposal) => <div style={{ ...multiline, maxWidth: 420 }}>{proposal.reason}</div> },
          { key: 'by', title: '提出人', dataIndex: 'proposedBy' },
          { key: 'status', title: '状态', render: (_, proposal) => <Tag color={exitColors[proposal.status]}>{exitProposalStatuses[proposal.status]}</Tag> },
          {
            key: 'decision', title: '审批', render: (_, proposal) => (proposal.decidedAt
              ? <div style={{ ...multiline, maxWidth: 360 }}>{`${proposal.decisionComment ?? ''}（${proposal.decidedBy ?? ''} ${when(proposal.decidedAt)}）`}</div>
              : '—'),
          },
        ]}
      />
    </Card>
  );
}
