// The seats of one project's panel: who, their state, their scores per criterion, total and opinion, what the officer
// excluded or asked to review, and the officer's actions on each seat.
import { Button, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';
import { tagColors } from '../../labels.js';
import { scoreText, seatStatusOf } from './review-labels.js';
import { seatActionLabels, seatActionsOf, type SeatAction } from './seat-actions.js';

type Project = ReviewSessionView['projects'][number];
type Seat = Project['seats'][number];

/** What the seat buttons do; none for a reader (the division head). */
export interface SeatHandlers {
  /** The key of the action running now (`${action}:${seatId}`). */
  busy: string | undefined;
  act(action: SeatAction, seat: Seat, project: Project): void;
}

/** The panel of one project; `handlers` adds 操作 with the buttons the session's step allows. */
export function SeatTable({ project, rubric, status, handlers }: {
  project: Project;
  rubric: ReviewSessionView['rubric'];
  status: string;
  handlers: SeatHandlers | undefined;
}) {
  const columns: ColumnsType<Seat> = [
    {
      title: '专家', key: 'expert', width: 120,
      render: (_, seat) => <Space size={4} wrap>{seat.expertName}{seat.isLeader && <Tag color={tagColors.info}>组长</Tag>}</Space>,
    },
    { title: '工作单位', dataIndex: 'expertOrganisation' },
    { title: '职称', dataIndex: 'expertTitle', width: 110 },
    {
      title: '状态', key: 'status', width: 130,
      render: (_, seat) => {
        const shown = seatStatusOf(seat);
        return (
          <Space size={4} wrap>
            <Tag color={shown.color}>{shown.label}</Tag>
            {seat.outlier && <Tag color={tagColors.action}>偏离中位数</Tag>}
            {seat.excludedReason !== null && <Tag color={tagColors.bad}>已排除</Tag>}
          </Space>
        );
      },
    },
    ...(rubric ?? []).map((criterion) => ({
      title: `${criterion.label}（${criterion.maxScore}）`, key: `score-${criterion.code}`, width: 100,
      render: (_: unknown, seat: Seat) => scoreText(seat.scores?.[criterion.code] ?? null),
    })),
    { title: '总分', key: 'total', width: 70, render: (_, seat) => scoreText(seat.total) },
    { title: '评审意见', key: 'opinion', render: (_, seat) => <span style={{ whiteSpace: 'pre-wrap' }}>{seat.opinion ?? '—'}</span> },
    {
      title: '说明', key: 'notes', render: (_, seat) => (
        <Space orientation="vertical" size={0}>
          {seat.excludedReason !== null && <span>排除理由：{seat.excludedReason}</span>}
          {seat.rescoreReason !== null && <span>要求复核：{seat.rescoreReason}</span>}
          {seat.excludedReason === null && seat.rescoreReason === null && '—'}
        </Space>
      ),
    },
    ...(handlers ? [{
      title: '操作', key: 'actions', width: 170, render: (_: unknown, seat: Seat) => (
        <Space size={4} wrap>
          {seatActionsOf(status, seat).map((action) => (
            <Button key={action} size="small" disabled={handlers.busy !== undefined} aria-label={`${seatActionLabels[action]}：${seat.expertName}`}
              onClick={() => handlers.act(action, seat, project)}>{seatActionLabels[action]}</Button>
          ))}
        </Space>
      ),
    }] : []),
  ];
  return (
    <Table<Seat> size="small" rowKey="seatId" pagination={false} dataSource={project.seats} columns={columns} scroll={{ x: 'max-content' }}
      locale={{ emptyText: '尚未抽取评审专家' }} />
  );
}
