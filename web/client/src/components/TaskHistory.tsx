import { Alert, Col, Empty, Row, Spin, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { taskHistory, type TaskHistory as History } from '../../../server/schemas/tasks.js';
import { api, messageOf } from '../api.js';
import { statusLabels, tagColors } from '../labels.js';
import { beijingTime } from '../tasks.js';

const stepTypes: Record<string, string> = {
  userTask: '人工办理',
  serviceTask: '系统处理',
  businessRuleTask: '规则判定',
  startEvent: '开始',
  noneEndEvent: '结束',
  boundaryTimer: '期限到达',
  boundaryError: '异常分支',
};

/** What happened so far: the application's statuses (database) and every step the engine recorded. */
export function TaskHistory({ taskId }: { taskId: string }) {
  const [history, setHistory] = useState<History>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api('GET', `/api/tasks/${taskId}/history`, taskHistory).then(setHistory, (e) => setError(messageOf(e)));
  }, [taskId]);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!history) return <Spin aria-busy="true" />;
  return (
    <Row gutter={24} aria-busy="false">
      <Col span={12}>
        <Typography.Title level={3} style={{ fontSize: 15 }}>申报状态</Typography.Title>
        {history.statusEvents.length ? (
          <Timeline items={history.statusEvents.map((e) => ({
            content: (
              <div>
                <Typography.Text strong>{statusLabels[e.status] ?? e.status}</Typography.Text>{'　'}
                <Typography.Text type="secondary">{beijingTime(e.at)} · {e.actor}</Typography.Text>
                {e.reason && <div style={{ whiteSpace: 'pre-wrap' }}>原因：{e.reason}</div>}
              </div>
            ),
          }))} />
        ) : <Empty description="此任务不涉及申报状态" />}
      </Col>
      <Col span={12}>
        <Typography.Title level={3} style={{ fontSize: 15 }}>流程步骤</Typography.Title>
        <Timeline items={history.steps.map((s) => ({
          color: s.endTime ? (s.canceled ? 'gray' : 'green') : 'blue',
          content: (
            <div>
              <Typography.Text strong>{s.name ?? s.activityId}</Typography.Text>{' '}
              <Tag color={s.endTime ? undefined : tagColors.info}>{s.endTime ? (s.canceled ? '已取消' : stepTypes[s.type] ?? '已完成') : '进行中'}</Tag>
              <div>
                <Typography.Text type="secondary">
                  {beijingTime(s.startTime)}{s.endTime ? ` 至 ${beijingTime(s.endTime)}` : ' 起'}{s.assignee ? ` · 办理人：${s.assignee.displayName}` : ''}
                </Typography.Text>
              </div>
            </div>
          ),
        }))} />
      </Col>
    </Row>
  );
}
