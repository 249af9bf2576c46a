// 试点建议名单: the latest proposal (its projects, note, who proposed it) and its collective decision once taken; while
// it awaits the decision, the way to the 集体决策 task (a form on the task page).
import { Alert, Card, Descriptions, Table } from 'antd';
import { Link } from 'react-router';
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';
import { CardHeading } from './CardHeading.js';
import { rankedProjectColumns } from './ranked-project-columns.js';
import { projectsOf } from './proposal-projects.js';
import { beijing, decisionLabels } from './review-labels.js';

type Project = ReviewSessionView['projects'][number];

/** The latest proposal and its decision; nothing before the first proposal. */
export function LatestProposalCard({ view }: { view: ReviewSessionView }) {
  const proposal = view.proposals.at(-1);
  if (!proposal) return null;
  const task = view.openTask?.taskKey === 'CollectiveDecision' ? view.openTask : null;
  return (
    <Card title={<CardHeading>试点建议名单（第 {proposal.round} 轮）</CardHeading>}
      extra={task && <Link to={`/tasks/${task.taskId}`}>前往集体决策</Link>}>
      {view.status === 'deciding' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="建议名单待集体决策。" />}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }} items={[
        { key: 'by', label: '提出人', children: proposal.proposedBy },
        { key: 'at', label: '提出时间', children: beijing(proposal.proposedAt) },
        { key: 'note', label: '说明', span: 'filled' as const, children: <span style={{ whiteSpace: 'pre-wrap' }}>{proposal.note ?? '—'}</span> },
        ...(proposal.decision ? [
          { key: 'decision', label: '集体决策', children: decisionLabels[proposal.decision] },
          { key: 'meeting', label: '会议', children: [proposal.meeting, proposal.meetingDate].filter(Boolean).join('，') || '—' },
          { key: 'minutes', label: '纪要编号', children: proposal.minutesRef ?? '—' },
          { key: 'decided', label: '决策记录人', children: proposal.decidedBy ? `${proposal.decidedBy}${proposal.decidedAt ? `，${beijing(proposal.decidedAt)}` : ''}` : '—' },
          { key: 'comment', label: '决策意见', span: 'filled' as const, children: <span style={{ whiteSpace: 'pre-wrap' }}>{proposal.decisionComment ?? '—'}</span> },
        ] : []),
      ]} />
      <Table<Project> rowKey="projectId" size="small" pagination={false} dataSource={projectsOf(view, proposal)} scroll={{ x: 'max-content' }}
        columns={rankedProjectColumns('rank')} />
    </Card>
  );
}
