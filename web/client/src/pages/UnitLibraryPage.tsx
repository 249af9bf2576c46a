import { WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Input, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { noContent } from '../../../server/schemas/common.js';
import { recommendationRecorded, unitLibrary, type LibraryEntry } from '../../../server/schemas/recommendations.js';
import { ApiError, api, messageOf } from '../api.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { LibraryProgress } from '../components/unit/LibraryProgress.js';
import { RecommendationRanking } from '../components/unit/RecommendationRanking.js';
import { useChosenCall } from '../components/unit/use-chosen-call.js';
import { withdrawalAvailable } from '../components/unit/withdrawal.js';
import { tagColors } from '../labels.js';

/**
 * 市级重点项目库: the applications the unit passed, in the system's suggested priority order, each with the rules'
 * warnings; the reviewer writes the unit's opinion and recommends (a cap's refusal is shown as the server words it),
 * withdraws a recommendation, and ranks the recommended ones.
 */
export function UnitLibraryPage() {
  const { message } = App.useApp();
  const { calls, callId, chooser } = useChosenCall();
  const library = useRemote(callId && `/api/calls/${callId}/library`, unitLibrary);
  const [opinions, setOpinions] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<{ projectName: string; message: string }>();
  const [busy, setBusy] = useState<string>();

  async function act(entry: LibraryEntry, action: 'recommend' | 'withdraw') {
    setBusy(entry.applicationId);
    setRefusal(undefined);
    try {
      if (action === 'recommend') {
        const { rank } = await api('POST', '/api/recommendations', recommendationRecorded, { applicationId: entry.applicationId, opinion: opinions[entry.applicationId] ?? '' });
        void message.success(`已推荐“${entry.projectName}”，推荐排序第 ${rank} 位`);
      } else {
        await api('DELETE', `/api/recommendations/${entry.applicationId}`, noContent);
        void message.success(`已撤回对“${entry.projectName}”的推荐`);
      }
    } catch (caught) {
      const fieldMessage = caught instanceof ApiError ? caught.fields[0]?.message : undefined;
      setRefusal({ projectName: entry.projectName, message: fieldMessage ?? messageOf(caught) });
    } finally {
      setBusy(undefined);
      await library.reload();
    }
  }

  if (calls.data && calls.data.length === 0) return <Card><Empty description="还没有申报批次。" /></Card>;
  const entries = library.data?.entries ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={library.loading}>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>市级重点项目库</Typography.Title>
        {chooser}
      </Flex>
      {calls.error && <LoadError what="申报批次" error={calls.error} onRetry={calls.reload} />}
      {library.error && <LoadError what="市级重点项目库" error={library.error} onRetry={library.reload} />}
      {library.data && <LibraryProgress library={library.data} />}
      {refusal && (
        <Alert type="error" showIcon closable role="alert" onClose={() => setRefusal(undefined)}
          title={`“${refusal.projectName}”未能推荐`} description={refusal.message} />
      )}
      <section aria-label="项目库">
      <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>项目库</Typography.Title>}>
        <Typography.Paragraph type="secondary">
          “建议次序”是系统按评审规则给出的优先次序，仅供参考；推荐与否及推荐排序由本单位决定。推荐须填写推荐单位意见。
        </Typography.Paragraph>
        <Table<LibraryEntry>
          rowKey="applicationId"
          size="middle"
          tableLayout="fixed"
          loading={library.loading && !library.data}
          dataSource={entries}
          pagination={false}
          locale={{ emptyText: <Empty description="项目库暂无项目。企业申报通过本单位初审后，会进入市级重点项目库。" /> }}
          columns={[
            {
              title: <Tooltip title="系统按评审规则给出的优先次序，仅供参考">建议次序</Tooltip>, key: 'priority', width: 100,
              render: (_, e) => (e.priorityRank === null ? '—' : <Space size={4}>{e.priorityRank}<Tag>建议</Tag></Space>),
            },
            { title: '申报编号', key: 'number', width: 160, render: (_, e) => e.applicationNumber ?? '—' },
            { title: '项目', key: 'project', render: (_, e) => <EntrySubject entry={e} /> },
            { title: '推荐单位意见与推荐', key: 'recommend', width: 380, render: (_, e) => recommendCell(e) },
          ]}
        />
      </Card>
      </section>
      {callId && library.data && <RecommendationRanking callId={callId} entries={entries} onSaved={library.reload} />}
    </Space>
  );

  function recommendCell(entry: LibraryEntry) {
    if (entry.recommendation) {
      return (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Tag color={tagColors.good}>已推荐 · 第 {entry.recommendation.rank} 位</Tag>
          <Typography.Text>{entry.recommendation.opinion}</Typography.Text>
          {withdrawalAvailable && (
            <Popconfirm title={`撤回对“${entry.projectName}”的推荐？`} description="撤回后其推荐名额释放，推荐表须重新生成。" okText="撤回推荐" cancelText="取消"
              onConfirm={() => act(entry, 'withdraw')}>
              <Button size="small" danger loading={busy === entry.applicationId}>撤回推荐</Button>
            </Popconfirm>
          )}
        </Space>
      );
    }
    const opinion = opinions[entry.applicationId] ?? '';
    return (
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Input.TextArea rows={2} maxLength={1000} value={opinion} placeholder="推荐单位意见，如：该项目基础好、模式新，同意推荐。"
          aria-label={`${entry.projectName}的推荐单位意见`}
          onChange={(event) => setOpinions((current) => ({ ...current, [entry.applicationId]: event.target.value }))} />
        <Button type="primary" size="small" disabled={!opinion.trim()} loading={busy === entry.applicationId} onClick={() => act(entry, 'recommend')}>推荐</Button>
      </Space>
    );
  }
}

/** The project, its enterprise and direction, and the rules' warnings for the reviewer to judge. */
function EntrySubject({ entry }: { entry: LibraryEntry }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Text strong>{entry.projectName}</Typography.Text>
      <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{entry.enterpriseName} · {entry.directionLabel}</Typography.Text></div>
      {entry.warnings.length > 0 && (
        <div aria-label={`${entry.projectName}的自动审查提示`} role="group">
          <Tag color={tagColors.notice} icon={<WarningOutlined />}>{entry.warnings.length} 条提示</Tag>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20, fontSize: 12 }}>
            {entry.warnings.map((warning, index) => <li key={index}>{warning.reason}</li>)}
          </ul>
        </div>
      )}
    </div>
  );
}
