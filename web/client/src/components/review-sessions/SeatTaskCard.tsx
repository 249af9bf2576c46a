// 评审项目 on an expert's seat task: the project as far as the expert may see it before the 回避声明 (enterprise, USCC,
// title, 编制单位), the rubric, the officer's re-review request and, for the leader's consensus step, the panel's scores.
import { Alert, Card, Descriptions, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { SeatTaskInfo } from '../../../../server/schemas/review-sessions.js';
import { CardHeading } from './CardHeading.js';
import { scoreText } from './review-labels.js';
import { RubricTable } from './RubricTable.js';

type PanelScore = NonNullable<SeatTaskInfo['panelScores']>[number];

/** The reviewed project beside the seat task's form; `materials` are the application's files, shown once declared. */
export function SeatTaskCard({ seat, materials }: { seat: SeatTaskInfo; materials: ReactNode }) {
  return (
    <Card title={<CardHeading>评审项目</CardHeading>}>
      <Descriptions column={1} size="small" items={[
        { key: 'session', label: '评审会', children: seat.sessionName },
        { key: 'number', label: '项目编号', children: seat.projectNumber },
        { key: 'project', label: '项目名称', children: seat.projectName },
        { key: 'enterprise', label: '企业名称', children: seat.enterpriseName },
        { key: 'uscc', label: '统一社会信用代码', children: seat.uscc },
        { key: 'prepared', label: '编制单位', children: seat.preparedBy ?? '—' },
        ...(seat.isLeader ? [{ key: 'role', label: '评审组', children: '您是本项目评审组组长' }] : []),
      ]} />
      {!seat.declared && <Alert type="info" showIcon style={{ marginTop: 12 }} title="签署回避声明后方可查看申报材料" />}
      {seat.rescoreReason && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={`省厅要求复核评分：${seat.rescoreReason}`} />}
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>评分标准</Typography.Title>
      <RubricTable rubric={seat.rubric} />
      {seat.panelScores && (
        <>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>评审组评分</Typography.Title>
          {seat.aggregate && (
            <Descriptions size="small" column={3} items={[
              { key: 'score', label: '汇总得分', children: scoreText(seat.aggregate.score) },
              { key: 'median', label: '中位数', children: scoreText(seat.aggregate.median) },
              { key: 'range', label: '极差', children: scoreText(seat.aggregate.range) },
            ]} />
          )}
          <Table<PanelScore> size="small" rowKey={(_, index) => String(index)} pagination={false} dataSource={seat.panelScores}
            columns={[
              { title: '专家', dataIndex: 'expertName', width: 100 },
              { title: '总分', key: 'total', width: 70, render: (_, s) => scoreText(s.total) },
              { title: '评审意见', key: 'opinion', render: (_, s) => <span style={{ whiteSpace: 'pre-wrap' }}>{s.opinion ?? '—'}</span> },
              { title: '计入', key: 'excluded', width: 70, render: (_, s) => (s.excluded ? '已排除' : '计入') },
            ]} />
        </>
      )}
      {seat.declared && materials}
    </Card>
  );
}
