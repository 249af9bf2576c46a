import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, Progress, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { LoadError } from '../components/dashboard/LoadError.js';
import { percent, timeLabel } from '../components/dashboard/format.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { callList } from '../../../server/schemas/applications.js';
import { myUnitDashboard, type BatchState } from '../../../server/schemas/indicators.js';
import { UnitDeadlineEditor } from '../components/unit/UnitDeadlineEditor.js';
import { useSession } from '../session.js';

const batchStates: Record<BatchState, { label: string; color: string }> = {
  'not-started': { label: '未开始', color: 'default' },
  started: { label: '已启动，推荐表生成中', color: 'processing' },
  'table-rendered': { label: '推荐表已生成，待上传盖章扫描件并报送', color: 'warning' },
  submitted: { label: '已报送省厅', color: 'success' },
};

/**
 * 本单位概况: a city reviewer's own unit in a call — applications declared to it, awaiting its review, in its library,
 * recommended against its indicator (附件1, a target or a cap) — its batch's state and the deadlines that bind it.
 * The server answers for the account's own unit only.
 */
export function UnitDashboardPage() {
  const { account } = useSession();
  const [params, setParams] = useSearchParams();
  const calls = useRemote('/api/calls', callList);
  const callId = params.get('call') ?? calls.data?.[0]?.id;
  const dashboard = useRemote(callId && `/api/calls/${callId}/my-unit/dashboard`, myUnitDashboard);
  const busy = calls.loading || dashboard.loading;
  if (calls.data && calls.data.length === 0) return <Card><Empty description="还没有申报批次。省厅开放申报后，这里会显示本单位的申报和推荐情况。" /></Card>;
  const data = dashboard.data;
  const figures = data?.figures;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={busy}>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>本单位概况{figures ? `（${figures.unitName}）` : ''}</Typography.Title>
        <Flex gap="middle" align="center" wrap>
          <label htmlFor="unit-dashboard-call">申报批次</label>
          <Select id="unit-dashboard-call" style={{ width: 320 }} loading={calls.loading} value={callId} onChange={(id: string) => setParams({ call: id }, { replace: true })}
            options={calls.data?.map((c) => ({ value: c.id, label: c.title }))} />
          <Button icon={<ReloadOutlined />} loading={busy} onClick={() => void dashboard.reload()}>刷新</Button>
        </Flex>
      </Flex>
      {calls.error && <LoadError what="申报批次" error={calls.error} onRetry={calls.reload} />}
      {dashboard.error && <LoadError what={`${account?.displayName ?? '本单位'}的概况`} error={dashboard.error} onRetry={dashboard.reload} />}
      {figures && (
        <section aria-label="本单位申报和推荐情况">
          <Flex gap="middle" wrap>
            <Figure title="已申报" value={figures.submitted} />
            <Figure title="待初审" value={figures.pendingReview} alert />
            <Figure title="市级重点项目库" value={figures.inLibrary} />
            <Figure title="已推荐" value={figures.recommended} />
            <Figure title="其中综合平台" value={figures.cityPlatformsRecommended} />
          </Flex>
        </section>
      )}
      {figures && (
        <section aria-label="培育指标完成情况">
          <Card size="small" title="培育指标完成情况（附件1）">
            {figures.target === null
              ? <Typography.Text type="secondary">省厅尚未下达本单位的培育指标（未下达）。</Typography.Text>
              : (
                <Flex gap="large" align="center" wrap>
                  <Progress type="circle" size={72} percent={percent(figures.recommended, figures.target)} status={figures.isCap && figures.recommended >= figures.target ? 'exception' : undefined}
                    aria-label="本单位推荐数占培育指标的比例" />
                  <Typography.Text>
                    已推荐 {figures.recommended} 项 / 培育指标 {figures.target} 项（{figures.isCap ? '上限：推荐数量不得超过' : '目标'}）
                  </Typography.Text>
                  {figures.isCap && figures.recommended >= figures.target && <Alert type="warning" showIcon title="已达到指标上限，不能再推荐；撤回一项推荐后可推荐其他项目。" />}
                </Flex>
              )}
          </Card>
        </section>
      )}
      {data && (
        <Card size="small" title="推荐批次与期限">
          <Descriptions column={{ xs: 1, md: 2 }} size="small" items={[
            { key: 'batch', label: '推荐批次', children: <Tag color={batchStates[data.batch.state].color}>{batchStates[data.batch.state].label}</Tag> },
            { key: 'submitted', label: '报送时间', children: data.batch.submittedAt ? `${timeLabel(data.batch.submittedAt)}${figures?.onTime === false ? '（逾期）' : ''}` : '未报送' },
            { key: 'opens', label: '申报开始', children: timeLabel(data.deadlines.opensAt) },
            { key: 'call-deadline', label: '企业申报截止（全省）', children: timeLabel(data.deadlines.callEnterpriseDeadline) },
            { key: 'unit-deadline', label: <label htmlFor="unit-enterprise-deadline">本单位企业申报截止</label>, children: <UnitDeadlineEditor callId={data.callId} current={data.deadlines.unitEnterpriseDeadline} onSaved={dashboard.reload} /> },
            { key: 'city-deadline', label: '报送省厅截止', children: timeLabel(data.deadlines.cityDeadline) },
            ...(data.deadlines.reopenedUntil ? [{ key: 'reopened', label: '省厅重新开放报送至', children: timeLabel(data.deadlines.reopenedUntil) }] : []),
          ]} />
        </Card>
      )}
    </Space>
  );
}

function Figure({ title, value, alert }: { title: string; value: number; alert?: boolean }) {
  return (
    <Card size="small" style={{ minWidth: 160 }}>
      <Statistic title={title} value={value} suffix="项" styles={{ content: { color: alert && value ? '#a8071a' : undefined } }} />
    </Card>
  );
}
