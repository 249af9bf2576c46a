import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Select, Space, Statistic, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { DueTasksPanel, WINDOW_DAYS } from '../components/dashboard/DueTasksPanel.js';
import { FunnelPanel } from '../components/dashboard/FunnelPanel.js';
import { IncidentsPanel } from '../components/dashboard/IncidentsPanel.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { UnitProgressPanel } from '../components/dashboard/UnitProgressPanel.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { callList } from '../../../server/schemas/applications.js';
import { dueTasksView, funnelView, incidentsView } from '../../../server/schemas/dashboard.js';
import { unitFigures } from '../../../server/schemas/recommendations.js';
import { useSession } from '../session.js';

const TABS = ['units', 'funnel', 'tasks', 'incidents'] as const;
type Tab = (typeof TABS)[number];

/**
 * 省级工作看板: per-unit progress against indicators and the funnel of the chosen call; overdue tasks and open
 * incidents of every call. The chosen call, tab and due window live in the address, so a link shows the same view.
 */
export function DashboardPage() {
  const { account } = useSession();
  const [params, setParams] = useSearchParams();
  const calls = useRemote('/api/calls', callList);
  const callId = params.get('call') ?? calls.data?.[0]?.id;
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'units';
  const days = Number(params.get('days'));
  const withinDays = (WINDOW_DAYS as readonly number[]).includes(days) ? days : 3;
  const figures = useRemote(callId && `/api/calls/${callId}/unit-figures`, unitFigures);
  const funnel = useRemote(callId && `/api/calls/${callId}/application-funnel`, funnelView);
  const due = useRemote(`/api/dashboard/due-tasks?withinDays=${withinDays}`, dueTasksView);
  const incidents = useRemote('/api/dashboard/incidents', incidentsView);
  const busy = calls.loading || figures.loading || funnel.loading || due.loading || incidents.loading;
  const set = (name: string, value: string) => setParams((current) => {
    const next = new URLSearchParams(current);
    next.set(name, value);
    return next;
  }, { replace: true });
  const refresh = () => Promise.all([figures.reload(), funnel.reload(), due.reload(), incidents.reload()]);

  if (calls.data && calls.data.length === 0) {
    return <Card><Empty description="还没有申报批次。省厅创建申报批次并开放申报后，这里会显示各市的推荐情况和办理进度。" /></Card>;
  }
  const call = calls.data?.find((c) => c.id === callId);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={busy}>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>省级工作看板</Typography.Title>
        <Flex gap="middle" align="center" wrap>
          <label htmlFor="dashboard-call">申报批次</label>
          <Select id="dashboard-call" style={{ width: 320 }} loading={calls.loading} value={callId} onChange={(id: string) => set('call', id)}
            options={calls.data?.map((c) => ({ value: c.id, label: c.title }))} />
          <Button icon={<ReloadOutlined />} loading={busy} onClick={refresh}>刷新</Button>
        </Flex>
      </Flex>
      {calls.error && <LoadError what="申报批次" error={calls.error} onRetry={calls.reload} />}
      {callId && call === undefined && calls.data && <Alert type="warning" showIcon title="地址中的申报批次不存在，请在右上方重新选择。" />}
      <Flex gap="middle" wrap>
        <Summary title="全省已推荐" value={figures.data?.totalRecommended} suffix={figures.data ? `/ 不少于 ${figures.data.provinceFloor} 项` : undefined} />
        <Summary title="本批次已提交申报" value={funnel.data && funnel.data.total - (funnel.data.steps.find((s) => s.status === 'draft')?.count ?? 0)} />
        <Summary title="逾期任务" value={due.data?.overdue.total} alert />
        <Summary title="流程异常" value={incidents.data?.total} alert />
      </Flex>
      {callId && (
        <Tabs
          activeKey={tab}
          onChange={(key) => set('tab', key)}
          items={[
            {
              key: 'units', label: '各市推荐情况',
              children: figures.error ? <LoadError what="各市推荐情况" error={figures.error} onRetry={figures.reload} /> : <UnitProgressPanel callId={callId} figures={figures.data} loading={figures.loading} indicatorsHref={account?.role === 'province-officer' ? `/indicators?call=${callId}` : undefined} />,
            },
            {
              key: 'funnel', label: '申报状态分布',
              children: funnel.error ? <LoadError what="申报状态分布" error={funnel.error} onRetry={funnel.reload} /> : <FunnelPanel callId={callId} funnel={funnel.data} loading={funnel.loading} />,
            },
            {
              key: 'tasks', label: `逾期任务${due.data ? `（${due.data.overdue.total}）` : ''}`,
              children: due.error
                ? <LoadError what="逾期任务" error={due.error} onRetry={due.reload} />
                : <DueTasksPanel due={due.data} loading={due.loading} withinDays={withinDays} onWithinDaysChange={(d) => set('days', String(d))} />,
            },
            {
              key: 'incidents', label: `流程异常${incidents.data ? `（${incidents.data.total}）` : ''}`,
              children: incidents.error
                ? <LoadError what="流程异常" error={incidents.error} onRetry={incidents.reload} />
                : <IncidentsPanel incidents={incidents.data} loading={incidents.loading} canRetry={account?.role === 'province-officer'} reload={incidents.reload} />,
            },
          ]}
        />
      )}
    </Space>
  );
}

function Summary({ title, value, suffix, alert }: { title: string; value: number | undefined; suffix?: string; alert?: boolean }) {
  return (
    <Card size="small" style={{ minWidth: 200 }}>
      <Statistic title={title} value={value ?? '—'} suffix={value === undefined ? undefined : suffix}
        styles={{ content: { color: alert && value ? '#a8071a' : undefined } }} />
    </Card>
  );
}
