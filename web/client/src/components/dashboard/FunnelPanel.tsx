import { Flex, Statistic } from 'antd';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from './ChartFigure.js';
import { ExportButton } from './ExportButton.js';
import { FiguresTable } from './FiguresTable.js';
import type { Funnel } from './types.js';

type Step = Funnel['steps'][number];

/** 申报状态分布: the call's applications per status, from draft onward, as a chart and a table. */
export function FunnelPanel({ callId, funnel, loading }: { callId: string; funnel: Funnel | undefined; loading: boolean }) {
  const submitted = funnel ? funnel.total - (funnel.steps.find((s) => s.status === 'draft')?.count ?? 0) : 0;
  return (
    <section aria-label="申报状态分布">
      <Flex justify="space-between" align="center" wrap gap="middle" style={{ marginBottom: 16 }}>
        {funnel && (
          <Flex gap="large" wrap>
            <Statistic title="申报总数（含草稿）" value={funnel.total} />
            <Statistic title="已提交" value={submitted} />
          </Flex>
        )}
        <ExportButton href={`/api/calls/${callId}/application-funnel.xlsx`} />
      </Flex>
      {funnel && funnel.total > 0 && (
        <ChartFigure caption="本批次申报在各状态的数量（按流程顺序）" height={420}>
          <BarChart data={funnel.steps} layout="vertical" responsive accessibilityLayer={false} style={{ width: '100%', height: 420 }} margin={{ top: 8, right: 48, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={170} interval={0} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Bar dataKey="count" name="申报数" fill="#0958d9" isAnimationActive={false}>
              <LabelList dataKey="count" position="right" fill="#1f1f1f" />
            </Bar>
          </BarChart>
        </ChartFigure>
      )}
      <FiguresTable<Step>
        rowKey="status"
        loading={loading}
        rows={funnel && funnel.total > 0 ? funnel.steps : []}
        empty="本批次还没有申报。企业在申报期内新建或提交申报后，这里会按状态统计数量。"
        columns={[
          { title: '状态', dataIndex: 'label' },
          { title: '申报数', dataIndex: 'count' },
          { title: '占比', render: (_, step) => `${funnel && funnel.total ? Math.round((step.count / funnel.total) * 1000) / 10 : 0}%` },
        ]}
      />
    </section>
  );
}
