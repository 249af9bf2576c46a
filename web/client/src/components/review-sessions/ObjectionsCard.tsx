// 公示与异议: the 公示期, every objection with its answer; for the officer during the 公示, 登记异议, 答复 per unanswered
// objection and 确定试点名单 (completing the campaign's FinalisePilotList task once the 公示 ended).
import { Alert, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';
import { tagColors } from '../../labels.js';
import { AnswerDialog } from './AnswerDialog.js';
import { CardHeading } from './CardHeading.js';
import { ObjectionDialog } from './ObjectionDialog.js';
import { approvedProposal, projectsOf } from './proposal-projects.js';
import { beijing } from './review-labels.js';
import { api } from '../../api.js';
import { anyAnswer, type SessionActionRunner } from './use-session-action.js';

type Objection = ReviewSessionView['objections'][number];

/** The 公示 and its objections; `runner` (the officer's) adds the actions while the list is under notice. */
export function ObjectionsCard({ view, runner }: { view: ReviewSessionView; runner: SessionActionRunner | undefined }) {
  const [recording, setRecording] = useState(false);
  const [answering, setAnswering] = useState<Objection>();
  const acting = runner !== undefined && view.status === 'public-notice';
  const listed = approvedProposal(view);
  const noticed = listed ? projectsOf(view, listed) : [];
  const projectLabel = (projectId: string) => {
    const project = view.projects.find((p) => p.projectId === projectId);
    return project ? `${project.projectNumber} ${project.projectName}` : projectId;
  };
  const task = view.openTask?.taskKey === 'FinalisePilotList' ? view.openTask : null;
  const unanswered = view.objections.filter((o) => o.answer === null).length;

  return (
    <Card title={<CardHeading>公示与异议</CardHeading>}
      extra={acting && (
        <Space wrap>
          <Button disabled={runner.busy !== undefined || noticed.length === 0} onClick={() => setRecording(true)}>登记异议</Button>
          <Popconfirm title="确定试点名单？" description="确定后生成试点项目名单（PDF、Excel）并通知相关企业和推荐单位。" okText="确定" cancelText="取消"
            onConfirm={() => task && void runner.run('finalise', '未能确定试点名单', () => api('POST', `/api/review-sessions/${view.sessionId}/pilot-list`, anyAnswer), '试点名单已确定')}>
            <Button type="primary" disabled={!task || runner.busy !== undefined}>确定试点名单</Button>
          </Popconfirm>
        </Space>
      )}>
      <Typography.Paragraph>
        公示期：{view.noticeFrom && view.noticeUntil ? `${beijing(view.noticeFrom)} 至 ${beijing(view.noticeUntil)}` : '—'}。异议须实名、书面提出，逐件登记并答复。
      </Typography.Paragraph>
      {acting && !task && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="公示期结束后可确定试点名单。" />}
      {acting && task && unanswered > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`还有 ${unanswered} 件异议未答复。`} />}
      <Table<Objection> rowKey="id" size="small" pagination={false} dataSource={view.objections} scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="公示期间未收到异议。" /> }}
        columns={[
          { title: '异议人', key: 'name', render: (_, o) => (o.objectorOrganisation ? `${o.objectorName}（${o.objectorOrganisation}）` : o.objectorName) },
          { title: '联系方式', dataIndex: 'objectorContact' },
          { title: '涉及项目', key: 'project', render: (_, o) => projectLabel(o.projectId) },
          { title: '异议内容', dataIndex: 'content', render: (content: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{content}</span> },
          { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
          { title: '答复', key: 'answer', render: (_, o) => <span style={{ whiteSpace: 'pre-wrap' }}>{o.answer ?? '未答复'}</span> },
          {
            title: '结论', key: 'upheld', width: 80,
            render: (_, o) => (o.upheld === null ? '—' : o.upheld ? <Tag color={tagColors.bad}>成立</Tag> : <Tag color={tagColors.good}>不成立</Tag>),
          },
          ...(acting ? [{
            title: '操作', key: 'actions', width: 80,
            render: (_: unknown, o: Objection) => o.answer === null && (
              <Button size="small" disabled={runner.busy !== undefined} aria-label={`答复：${o.objectorName}的异议`} onClick={() => setAnswering(o)}>答复</Button>
            ),
          }] : []),
        ]} />
      {recording && runner && (
        <ObjectionDialog sessionId={view.sessionId} projects={noticed} onClose={() => setRecording(false)}
          onRecorded={() => { setRecording(false); void runner.succeeded('已登记异议'); }} />
      )}
      {answering && runner && (
        <AnswerDialog sessionId={view.sessionId} objection={answering} projectLabel={projectLabel(answering.projectId)} onClose={() => setAnswering(undefined)}
          onAnswered={() => { setAnswering(undefined); void runner.succeeded('已保存答复'); }} />
      )}
    </Card>
  );
}
