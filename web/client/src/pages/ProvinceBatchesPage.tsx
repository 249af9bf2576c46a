import { Alert, Button, Card, Descriptions, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { BatchState } from '../../../server/schemas/indicators.js';
import {
  receivedBatchDetail, receivedBatches, type BatchEntryView, type BatchProjectView, type EntryStanding, type ReceivedBatchDetail, type ReceivedBatchRow,
} from '../../../server/schemas/province-batches.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { timeLabel } from '../components/dashboard/format.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { ProjectStatusTag } from '../components/projects/ProjectHistory.js';
import { useChosenCall } from '../components/unit/use-chosen-call.js';
import { tagColors } from '../labels.js';

const batchStates: Record<BatchState, { label: string; color: string }> = {
  'not-started': { label: '未开始', color: 'default' },
  started: { label: '推荐表生成中', color: 'default' },
  'table-rendered': { label: '已生成推荐表，未报送', color: tagColors.notice },
  submitted: { label: '已报送省厅', color: tagColors.good },
};

const standings: Record<EntryStanding, { label: string; color: string }> = {
  unchanged: { label: '与推荐一致', color: tagColors.good },
  changed: { label: '推荐已变更', color: tagColors.bad },
  ended: { label: '推荐已撤回', color: tagColors.bad },
};

/**
 * 形式审查: the batches a call's units sent to the province — each unit's batch state, submission, sealed scan and
 * projects per status — and, for a submitted unit, its batch check (scan and 推荐表 for download, each entry's rank and
 * opinion against the unit's recommendations) and its projects with 办理形式审查 and 项目详情. The unit chosen lives in
 * the address (?unit=), like the call.
 */
export function ProvinceBatchesPage() {
  const [params, setParams] = useSearchParams();
  const { calls, callId, chooser } = useChosenCall();
  const unitId = params.get('unit') ?? undefined;
  const list = useRemote(callId && `/api/province/calls/${callId}/batches`, receivedBatches);
  const detail = useRemote(callId && unitId ? `/api/province/calls/${callId}/batches/${unitId}` : undefined, receivedBatchDetail);
  const choose = (unit: string) => setParams((current) => {
    const next = new URLSearchParams(current);
    if (callId) next.set('call', callId);
    next.set('unit', unit);
    return next;
  });

  if (calls.data && calls.data.length === 0) return <Card><Empty description="还没有申报批次。" /></Card>;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={list.loading || detail.loading}>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>形式审查</Typography.Title>
        {chooser}
      </Flex>
      {calls.error && <LoadError what="申报批次" error={calls.error} onRetry={calls.reload} />}
      {list.error && <LoadError what="各单位推荐批次" error={list.error} onRetry={list.reload} />}
      <section aria-label="各单位推荐批次">
        <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>各单位推荐批次</Typography.Title>}>
          <Table<ReceivedBatchRow>
            rowKey="unitId" size="small" pagination={false} loading={list.loading && !list.data} dataSource={list.data?.units ?? []}
            rowClassName={(row) => (row.unitId === unitId ? 'ant-table-row-selected' : '')}
            columns={[
              { title: '推荐单位', key: 'unit', width: 110, render: (_, row) => row.unitName },
              { title: '推荐批次', key: 'state', width: 170, render: (_, row) => <Tag color={batchStates[row.state].color}>{batchStates[row.state].label}</Tag> },
              { title: '报送时间与报送人', key: 'submitted', width: 190, render: (_, row) => (row.submittedAt ? <>{timeLabel(row.submittedAt)}<br />{row.submittedBy?.name}</> : '—') },
              { title: '盖章扫描件', key: 'scan', width: 100, render: (_, row) => (row.submittedAt ? (row.scanPresent ? '已上传' : '缺失') : '—') },
              { title: '推荐表与推荐', key: 'match', width: 120, render: (_, row) => matchLabel(row.matchesRecommendations) },
              { title: '项目', key: 'projects', render: (_, row) => (row.projectTotal ? <>共 {row.projectTotal} 项：{row.projectCounts.map((c) => `${c.label} ${c.count}`).join('，')}</> : '—') },
              {
                title: '操作', key: 'action', width: 110,
                render: (_, row) => (row.state === 'submitted'
                  ? <Button type="link" size="small" aria-label={`查看批次：${row.unitName}`} onClick={() => choose(row.unitId)}>查看批次</Button>
                  : null),
              },
            ]}
          />
        </Card>
      </section>
      {unitId && detail.error && <LoadError what="推荐批次" error={detail.error} onRetry={detail.reload} />}
      {unitId && detail.data && detail.data.unitId === unitId && <BatchReview batch={detail.data} />}
    </Space>
  );
}

/** One submitted batch: its check and its projects. */
function BatchReview({ batch }: { batch: ReceivedBatchDetail }) {
  const { check } = batch;
  return (
    <section aria-label={`${batch.unitName}的推荐批次`}>
      <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{batch.unitName}的推荐批次</Typography.Title>}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {!check.matchesRecommendations && (
            <Alert type="warning" showIcon title="报送的推荐表与本单位当前的推荐不一致"
              description={check.recommendationsNotSubmitted ? `另有 ${check.recommendationsNotSubmitted} 项推荐不在报送的推荐表中。` : '请核对下表中标出的项目。'} />
          )}
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
            { key: 'submitted', label: '报送时间', children: timeLabel(batch.submittedAt) },
            { key: 'by', label: '报送人', children: batch.submittedBy.name },
            { key: 'scan', label: '盖章推荐表扫描件', children: check.sealedScan ? <a href={`/api/attachments/${check.sealedScan.id}`}>{check.sealedScan.fileName}</a> : '缺失' },
            {
              key: 'table', label: '推荐表',
              children: (
                <Space wrap>
                  {check.tablePdf ? <a href={`/api/attachments/${check.tablePdf.id}`}>下载推荐表 PDF</a> : '—'}
                  {check.tableDocx && <a href={`/api/attachments/${check.tableDocx.id}`}>下载推荐表 Word</a>}
                </Space>
              ),
            },
            { key: 'match', label: '推荐表与推荐', children: matchLabel(check.matchesRecommendations) },
            { key: 'count', label: '推荐项目数', children: `${check.entries.length} 项` },
          ]} />
          <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>推荐表所列项目</Typography.Title>
          <Table<BatchEntryView>
            rowKey="applicationId" size="small" pagination={false} dataSource={check.entries}
            columns={[
              { title: '推荐排序', key: 'rank', width: 90, render: (_, e) => e.rank },
              { title: '项目编号', key: 'number', width: 190, render: (_, e) => e.projectNumber ?? '—' },
              { title: '项目', key: 'project', render: (_, e) => <>{e.projectName}<br /><Typography.Text type="secondary">{e.enterpriseName}</Typography.Text></> },
              { title: '推荐单位意见', key: 'opinion', render: (_, e) => <span style={{ whiteSpace: 'pre-wrap' }}>{e.opinion}</span> },
              { title: '核对', key: 'standing', width: 120, render: (_, e) => <Tag color={standings[e.standing].color}>{standings[e.standing].label}</Tag> },
            ]}
          />
          <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>项目形式审查</Typography.Title>
          <Table<BatchProjectView>
            rowKey="projectId" size="small" pagination={false} dataSource={batch.projects}
            locale={{ emptyText: <Empty description="该批次没有项目。" /> }}
            columns={[
              { title: '项目编号', key: 'number', width: 190, render: (_, p) => p.projectNumber },
              { title: '项目', key: 'project', render: (_, p) => <>{p.projectName}<br /><Typography.Text type="secondary">{p.enterpriseName}</Typography.Text></> },
              { title: '项目状态', key: 'status', width: 120, render: (_, p) => <ProjectStatusTag status={p.status} label={p.statusLabel} /> },
              { title: '核验提示', key: 'findings', width: 110, render: (_, p) => findingsLabel(p.findings) },
              {
                title: '操作', key: 'actions', width: 200,
                render: (_, p) => (
                  <Space size="middle">
                    {p.formalReviewTaskId && <Link to={`/tasks/${p.formalReviewTaskId}`} aria-label={`办理形式审查：${p.projectName}`}>办理形式审查</Link>}
                    <Link to={`/projects/${p.projectId}`} aria-label={`项目详情：${p.projectName}`}>项目详情</Link>
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      </Card>
    </section>
  );
}

// helpers

function matchLabel(matches: boolean | null) {
  if (matches === null) return '—';
  return matches ? <Tag color={tagColors.good}>一致</Tag> : <Tag color={tagColors.bad}>不一致</Tag>;
}

function findingsLabel(findings: number | null) {
  if (findings === null) return '核验中';
  return findings ? <Tag color={tagColors.notice}>{findings} 条提示</Tag> : '无';
}
