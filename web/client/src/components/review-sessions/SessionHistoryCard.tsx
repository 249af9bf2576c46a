// 评审记录: every proposal with its decision and every draw (kind, seed, algorithm, load bound, reason, who, when), in a
// card folded by default: what the officer answers an audit or an objection with.
import { Card, Collapse, Table } from 'antd';
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';
import { CardHeading } from './CardHeading.js';
import { beijing, decisionLabels, drawKindLabels } from './review-labels.js';

type Draw = ReviewSessionView['draws'][number];
type Proposal = ReviewSessionView['proposals'][number];

/** The session's proposals and draws. */
export function SessionHistoryCard({ view }: { view: ReviewSessionView }) {
  const numberOf = (projectId: string) => view.projects.find((p) => p.projectId === projectId)?.projectNumber ?? projectId;
  return (
    <Card title={<CardHeading>评审记录</CardHeading>}>
      <Collapse items={[
        {
          key: 'proposals', label: `建议名单记录（${view.proposals.length}）`, children: (
            <Table<Proposal> rowKey="round" size="small" pagination={false} dataSource={view.proposals} scroll={{ x: 'max-content' }}
              locale={{ emptyText: '尚未提出建议名单。' }}
              columns={[
                { title: '轮次', dataIndex: 'round', width: 60 },
                { title: '项目', key: 'projects', render: (_, p) => p.projectIds.map(numberOf).join('、') },
                { title: '说明', key: 'note', render: (_, p) => p.note ?? '—' },
                { title: '提出人', key: 'by', render: (_, p) => `${p.proposedBy}，${beijing(p.proposedAt)}` },
                { title: '集体决策', key: 'decision', render: (_, p) => (p.decision ? decisionLabels[p.decision] : '待决策') },
                { title: '决策意见', key: 'comment', render: (_, p) => p.decisionComment ?? '—' },
              ]} />
          ),
        },
        {
          key: 'draws', label: `抽取记录（${view.draws.length}）`, children: (
            <Table<Draw> rowKey="id" size="small" pagination={false} dataSource={view.draws} scroll={{ x: 'max-content' }}
              locale={{ emptyText: '尚未抽取评审专家。' }}
              columns={[
                { title: '类型', key: 'kind', width: 90, render: (_, d) => drawKindLabels[d.kind] },
                { title: '项目', key: 'projects', render: (_, d) => d.projectIds.map(numberOf).join('、') },
                { title: '随机种子', dataIndex: 'seed' },
                { title: '算法', key: 'algorithm', render: (_, d) => `${d.algorithm} v${d.algorithmVersion}` },
                { title: '每位专家项目上限', dataIndex: 'loadBound', width: 130 },
                { title: '原因', key: 'reason', render: (_, d) => d.reason ?? '—' },
                { title: '操作人', dataIndex: 'drawnBy', width: 100 },
                { title: '时间', key: 'at', render: (_, d) => beijing(d.drawnAt) },
              ]} />
          ),
        },
      ]} />
    </Card>
  );
}
