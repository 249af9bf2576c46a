import { Alert, Button, Card, Progress, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api.js';

interface Call { id: string; title: string }
interface UnitFigures { unitId: string; unitName: string; target: number | null; isCap: boolean; submitted: number; pendingReview: number; inLibrary: number; recommended: number; cityPlatformsRecommended: number; onTime: boolean | null }
interface Figures { provinceFloor: number; totalRecommended: number; units: UnitFigures[] }

/** 各市推荐情况: per-unit progress against indicators, the province-wide floor, and the Excel export. */
export function DashboardPage() {
  const [call, setCall] = useState<Call>();
  const [figures, setFigures] = useState<Figures>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<Call[]>('GET', '/api/calls').then((calls) => {
      const latest = calls[0];
      if (!latest) return;
      setCall(latest);
      return api<Figures>('GET', `/api/calls/${latest.id}/unit-figures`).then(setFigures);
    }).catch((e: ApiError) => setError(e.message));
  }, []);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>各市推荐情况{call ? `：${call.title}` : ''}</Typography.Title>
      {error && <Alert type="error" showIcon message={error} />}
      {figures && (
        <Card>
          <Space size="large" wrap>
            <Statistic title="全省已推荐" value={figures.totalRecommended} suffix={`/ 不少于 ${figures.provinceFloor} 项`} />
            <Progress type="circle" size={80} aria-label="全省推荐数量占培育目标的比例" percent={Math.min(100, Math.round((figures.totalRecommended / Math.max(1, figures.provinceFloor)) * 100))} />
            {call && <Button href={`/api/calls/${call.id}/overview.xlsx`}>导出 Excel</Button>}
          </Space>
        </Card>
      )}
      <Table<UnitFigures>
        rowKey="unitId"
        loading={!figures && !error}
        dataSource={figures?.units}
        pagination={false}
        columns={[
          { title: '推荐单位', dataIndex: 'unitName' },
          { title: '培育指标', render: (_, u) => (u.target === null ? '未下达' : `${u.target}${u.isCap ? '（上限）' : ''}`) },
          { title: '申报', dataIndex: 'submitted' },
          { title: '待初审', dataIndex: 'pendingReview' },
          { title: '市级库', dataIndex: 'inLibrary' },
          { title: '已推荐', dataIndex: 'recommended' },
          { title: '综合平台', dataIndex: 'cityPlatformsRecommended' },
          { title: '报送', render: (_, u) => (u.onTime === null ? '未报送' : u.onTime ? '按时' : '逾期') },
        ]}
      />
    </Space>
  );
}
