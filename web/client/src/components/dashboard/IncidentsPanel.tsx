import { Alert, App, Button, Empty, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { noContent } from '../../../../server/schemas/common.js';
import { api, messageOf } from '../../api.js';
import { tagColors } from '../../labels.js';
import { ExportButton } from './ExportButton.js';
import { timeLabel } from './format.js';
import { ApplicationLink } from './SubjectLink.js';
import type { Incident, Incidents } from './types.js';

const POLL_MS = 1_500;
// A retried step waits for a worker's next fetch, up to its long-polling timeout (20 s by default).
const POLL_ROUNDS = 20;

/**
 * 流程异常: automatic steps that failed after their retries, with the error, and a retry for the province once the
 * cause is fixed. After a retry the list is read again until the incident is gone, or the step failed once more.
 */
export function IncidentsPanel({ incidents, loading, canRetry, reload }: { incidents: Incidents | undefined; loading: boolean; canRetry: boolean; reload(): Promise<Incidents | undefined> }) {
  const { message } = App.useApp();
  const [retrying, setRetrying] = useState<Set<string>>(new Set());
  const mark = (id: string, on: boolean) => setRetrying((current) => {
    const next = new Set(current);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });

  async function retry(incident: Incident) {
    mark(incident.incidentId, true);
    try {
      await api('POST', `/api/dashboard/incidents/${incident.incidentId}/retry`, noContent);
      message.info('已提交重试，正在等待流程继续（通常不超过半分钟）…');
      for (let round = 0; round < POLL_ROUNDS; round++) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const list = await reload();
        if (!list) continue;
        const again = list.incidents.find((i) => i.incidentId !== incident.incidentId && i.processInstanceId === incident.processInstanceId && i.activityId === incident.activityId);
        if (again) {
          message.error(`重试后该环节再次失败：${again.message ?? '原因未知'}。请先排除原因，再重试。`);
          return;
        }
        if (!list.incidents.some((i) => i.incidentId === incident.incidentId)) {
          message.success('流程已从失败的环节继续运行。');
          return;
        }
      }
      message.warning('重试已提交，但该异常仍在列表中。请稍后点击“刷新”查看；若再次失败，请先排除原因。');
    } catch (e) {
      message.error(messageOf(e));
      void reload();
    } finally {
      mark(incident.incidentId, false);
    }
  }

  return (
    <section aria-label="流程异常">
      <Flex justify="space-between" align="center" wrap gap="middle" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 860 }}>
          {'自动处理环节（审查、生成文件、登记状态等）多次重试仍失败时，流程会停在该环节并列在这里。'
            + '请先根据错误信息排除原因（必要时联系平台管理员），再点击“重试”，流程会从失败的环节继续。'}
        </Typography.Paragraph>
        <ExportButton href="/api/dashboard/incidents.xlsx" />
      </Flex>
      {!canRetry && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="您以平台管理员身份查看：可以查看流程异常，重试由省厅工作人员操作。" />}
      {incidents && incidents.total > incidents.incidents.length && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`共 ${incidents.total} 个异常，此处和导出文件列出最早发生的 ${incidents.incidents.length} 个。`} />
      )}
      <Table<Incident>
        rowKey="incidentId"
        size="small"
        loading={loading && !incidents}
        dataSource={incidents?.incidents}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="目前没有流程异常，所有自动处理环节运行正常，无需处理。" /> }}
        expandable={{
          expandedRowRender: (incident) => (
            <div>
              <Typography.Text strong>错误详情</Typography.Text>
              <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 240, overflow: 'auto', fontSize: 12, background: '#f5f5f5', padding: 8 }}>
                {incident.details ?? incident.message ?? '无'}
              </pre>
              <Typography.Text type="secondary">异常编号 {incident.incidentId}{incident.topicName ? `；处理主题 ${incident.topicName}` : ''}</Typography.Text>
            </div>
          ),
        }}
        columns={[
          { title: '发生时间', dataIndex: 'at', render: timeLabel, width: 140 },
          { title: '申报编号', width: 170, render: (_, i) => <ApplicationLink subject={i} /> },
          { title: '推荐单位', dataIndex: 'unitName', width: 100, render: (value: string | null) => value ?? '—' },
          { title: '流程 / 环节', width: 230, render: (_, i) => <>{i.processName ?? '—'}<br />{i.activityName ?? i.activityId ?? ''}</> },
          { title: '错误信息', dataIndex: 'message', render: (value: string | null) => <span style={{ wordBreak: 'break-word' }}>{value ?? '—'}</span> },
          {
            title: '操作',
            width: 120,
            render: (_, incident) => {
              if (retrying.has(incident.incidentId)) return <Tag color={tagColors.info}>正在重试…</Tag>;
              if (!incident.retryable) return <Typography.Text type="secondary">请联系管理员</Typography.Text>;
              if (!canRetry) return '—';
              return (
                <Popconfirm
                  title="重试这个环节？"
                  description="请先确认已排除错误原因。重试后流程会再执行一次该环节，操作记入审计日志。"
                  okText="重试"
                  cancelText="取消"
                  onConfirm={() => retry(incident)}
                >
                  <Button size="small" type="primary" aria-label={`重试 ${incident.applicationNumber ?? incident.incidentId}`}>重试</Button>
                </Popconfirm>
              );
            },
          },
        ]}
      />
    </section>
  );
}
