import { Flex, Progress, Typography } from 'antd';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from './ChartFigure.js';
import { ExportButton } from './ExportButton.js';
import { FiguresTable } from './FiguresTable.js';
import { percent } from './format.js';
import type { Figures, UnitFigures } from './types.js';

const RECOMMENDED = '#0958d9';
const TARGET = '#595959';

/** 各市推荐情况: each unit's recommendations against its indicator (附件1), as a chart and a table, and the province-wide floor. */
export function UnitProgressPanel({ callId, figures, loading, indicatorsHref }: { callId: string; figures: Figures | undefined; loading: boolean; indicatorsHref?: string }) {
  const chart = figures?.units.map((u) => ({ name: u.unitName, 已推荐: u.recommended, 培育指标: u.target ?? 0 })) ?? [];
  const hasIndicators = figures?.units.some((u) => u.target !== null) ?? false;
  return (
    <section aria-label="各市推荐情况">
      <Flex justify="space-between" align="center" wrap gap="middle" style={{ marginBottom: 16 }}>
        {figures && (
          <Flex gap="middle" align="center" wrap>
            <Progress type="circle" size={64} aria-label="全省推荐数量占培育目标的比例" percent={percent(figures.totalRecommended, figures.provinceFloor)} />
            <Typography.Text>全省已推荐 {figures.totalRecommended} 项，培育目标不少于 {figures.provinceFloor} 项</Typography.Text>
          </Flex>
        )}
        <Flex gap="middle" wrap>
          {indicatorsHref && <Link to={indicatorsHref}>下达或调整培育指标（附件1）</Link>}
          <ExportButton href={`/api/calls/${callId}/overview.xlsx`} label="导出 Excel（含推荐项目清单）" />
        </Flex>
      </Flex>
      {figures && !hasIndicators && (
        <Typography.Paragraph type="secondary">本批次尚未下达各市培育指标：下达后，图中会同时显示各市的指标。</Typography.Paragraph>
      )}
      {figures && (
        <ChartFigure caption="各市已推荐项目数与培育指标对比" height={280}>
          <BarChart data={chart} responsive accessibilityLayer={false} style={{ width: '100%', height: 280 }} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip />
            <Legend />
            <Bar dataKey="已推荐" fill={RECOMMENDED} isAnimationActive={false} />
            <Bar dataKey="培育指标" fill={TARGET} isAnimationActive={false} />
          </BarChart>
        </ChartFigure>
      )}
      <FiguresTable<UnitFigures>
        rowKey="unitId"
        size="middle"
        loading={loading}
        rows={figures?.units}
        empty="暂无数据。请在上方选择申报批次。"
        columns={[
          { title: '推荐单位', dataIndex: 'unitName' },
          { title: '培育指标', render: (_, u) => (u.target === null ? '未下达' : `${u.target}${u.isCap ? '（上限）' : ''}`) },
          { title: '申报', dataIndex: 'submitted' },
          { title: '待初审', dataIndex: 'pendingReview' },
          { title: '市级库', dataIndex: 'inLibrary' },
          { title: '已推荐', dataIndex: 'recommended' },
          {
            title: '完成进度',
            width: 160,
            render: (_, u) => (u.target === null || u.target === 0
              ? '—'
              : <Progress size="small" percent={percent(u.recommended, u.target)} aria-label={`${u.unitName}推荐数占培育指标的比例`} />),
          },
          { title: '综合平台', dataIndex: 'cityPlatformsRecommended' },
          { title: '报送', render: (_, u) => (u.onTime === null ? '未报送' : u.onTime ? '按时' : '逾期') },
        ]}
      />
    </section>
  );
}
