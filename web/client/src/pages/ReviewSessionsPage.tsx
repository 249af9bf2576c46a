// 评审会 (/review-sessions): the list of review sessions and the creation of one.
import { Button, Card, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { directions } from '../../../../domain/directions.js';
import { callList } from '../../../server/schemas/applications.js';
import { reviewSessionList } from '../../../server/schemas/review-sessions.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { CardHeading } from '../components/review-sessions/CardHeading.js';
import { NewSessionDialog } from '../components/review-sessions/NewSessionDialog.js';
import { beijing, sessionStatusColor } from '../components/review-sessions/review-labels.js';
import { useSession } from '../session.js';
import type { z } from 'zod';

type Summary = z.infer<typeof reviewSessionList>['sessions'][number];

/**
 * 评审会: the review sessions (专家评审与试点遴选), newest first, each with its step; the province officer creates one
 * over the library's projects. The division head reads them. 专家库 is one click away: the panels are drawn from it.
 */
export function ReviewSessionsPage() {
  const navigate = useNavigate();
  const officer = useSession().account?.role === 'province-officer';
  const list = useRemote('/api/review-sessions', reviewSessionList);
  const calls = useRemote('/api/calls', callList);
  const [creating, setCreating] = useState(false);
  const callTitle = (callId: string) => calls.data?.find((call) => call.id === callId)?.title ?? callId;
  const sessions = [...(list.data?.sessions ?? [])].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={list.loading}>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>评审会</Typography.Title>
        <Space wrap>
          <Link to="/experts">专家库</Link>
          {officer && <Button type="primary" disabled={!calls.data} onClick={() => setCreating(true)}>新建评审会</Button>}
        </Space>
      </Flex>
      <Typography.Paragraph style={{ margin: 0 }}>
        评审会从省级重点项目库中选取项目，为每个项目随机抽取评审专家并回避利益关联；专家签署回避声明后评分，系统汇总得分并排名，
        省厅据此提出试点建议名单，经集体决策后公示，公示期满确定试点项目名单。
      </Typography.Paragraph>
      {list.error && <LoadError what="评审会" error={list.error} onRetry={() => void list.reload()} />}
      {calls.error && <LoadError what="申报批次" error={calls.error} onRetry={() => void calls.reload()} />}
      <Card title={<CardHeading>全部评审会</CardHeading>}>
        <Table<Summary> rowKey="sessionId" dataSource={sessions} loading={list.loading} size="middle"
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty description={officer ? '还没有评审会。点击“新建评审会”选取项目库中的项目开始评审。' : '还没有评审会。'} /> }}
          columns={[
            { title: '评审会名称', dataIndex: 'name', render: (name: string, s) => <Link to={`/review-sessions/${s.sessionId}`}>{name}</Link> },
            { title: '申报批次', key: 'call', render: (_, s) => callTitle(s.callId) },
            { title: '申报方向', key: 'direction', render: (_, s) => (s.direction ? directionLabel(s.direction) : '全部方向') },
            { title: '项目数', dataIndex: 'projectCount', width: 80 },
            { title: '状态', key: 'status', width: 120, render: (_, s) => <Tag color={sessionStatusColor(s.status)}>{s.statusLabel}</Tag> },
            { title: '创建时间', key: 'created', width: 180, render: (_, s) => beijing(s.createdAt) },
          ]} />
      </Card>
      {creating && calls.data && (
        <NewSessionDialog calls={calls.data} onClose={() => setCreating(false)} onCreated={(sessionId) => navigate(`/review-sessions/${sessionId}`)} />
      )}
    </Space>
  );
}

// helpers

/** A direction's label as the shipped list names it (the list's summary carries only the code). */
function directionLabel(code: string): string {
  return directions.find((d) => d.code === code)?.label ?? code;
}
