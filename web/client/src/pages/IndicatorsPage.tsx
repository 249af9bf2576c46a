import { ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, InputNumber, Progress, Select, Space, Statistic, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, fieldsOf, messageOf, postForm, type FieldError } from '../api.js';
import { ExportButton } from '../components/dashboard/ExportButton.js';
import { FiguresTable } from '../components/dashboard/FiguresTable.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { percent } from '../components/dashboard/format.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { callList } from '../../../server/schemas/applications.js';
import { indicatorTable, type IndicatorRow, type IndicatorTable } from '../../../server/schemas/indicators.js';

/** A row as edited on the page: the target may be empty (no indicator: 未下达). */
type Draft = { unitId: string; target: number | null; isCap: boolean };

const draftOf = (table: IndicatorTable): Draft[] => table.units.map((u) => ({ unitId: u.unitId, target: u.target, isCap: u.isCap }));

/**
 * 培育指标（附件1）: every unit's indicator of a call in one table — a target, or a cap its recommendations may not
 * exceed — saved together, against the province-wide floor, with each unit's recommendations so far. The same table
 * exports to and imports from the 附件1 Excel sheet; a sheet with any bad row changes nothing and names each row.
 */
export function IndicatorsPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const calls = useRemote('/api/calls', callList);
  const callId = params.get('call') ?? calls.data?.[0]?.id;
  const remote = useRemote(callId && `/api/calls/${callId}/indicators`, indicatorTable);
  const [table, setTable] = useState<IndicatorTable>();
  const [draft, setDraft] = useState<Draft[]>([]);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<{ title: string; fields: FieldError[] }>();
  const show = (next: IndicatorTable) => {
    setTable(next);
    setDraft(draftOf(next));
  };
  useEffect(() => {
    if (remote.data) show(remote.data);
  }, [remote.data]);

  const changed = table !== undefined && JSON.stringify(draft) !== JSON.stringify(draftOf(table));
  const totalTarget = draft.reduce((sum, d) => sum + (d.target ?? 0), 0);
  const edit = (unitId: string, change: Partial<Draft>) => setDraft((rows) => rows.map((d) => (d.unitId === unitId ? { ...d, ...change } : d)));

  async function save() {
    if (!callId) return;
    setSaving(true);
    setProblems(undefined);
    try {
      const indicators = draft.filter((d) => d.target !== null).map((d) => ({ unitId: d.unitId, target: d.target!, isCap: d.isCap }));
      show(await api('PUT', `/api/calls/${callId}/indicators`, indicatorTable, { indicators }));
      message.success('培育指标已保存');
    } catch (e) {
      setProblems({ title: `保存失败：${messageOf(e)}`, fields: fieldsOf(e) });
    } finally {
      setSaving(false);
    }
  }

  async function importSheet(file: File) {
    if (!callId) return;
    setSaving(true);
    setProblems(undefined);
    try {
      const form = new FormData();
      form.set('file', file, file.name);
      show(await postForm(`/api/calls/${callId}/indicators.xlsx`, form, indicatorTable));
      message.success(`已导入 ${file.name}，各市培育指标已更新`);
    } catch (e) {
      setProblems({ title: `导入失败：${messageOf(e)}`, fields: fieldsOf(e) });
    } finally {
      setSaving(false);
    }
  }

  if (calls.data && calls.data.length === 0) return <Card><Empty description="还没有申报批次。创建申报批次后，可在这里下达各市培育指标。" /></Card>;
  const rows = table?.units.map((u) => ({ ...u, ...draft.find((d) => d.unitId === u.unitId)! })) ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={remote.loading || saving}>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>培育指标（附件1）</Typography.Title>
        <Flex gap="middle" align="center" wrap>
          <label htmlFor="indicators-call">申报批次</label>
          <Select id="indicators-call" style={{ width: 320 }} loading={calls.loading} value={callId} onChange={(id: string) => setParams({ call: id }, { replace: true })}
            options={calls.data?.map((c) => ({ value: c.id, label: c.title }))} />
          <Button icon={<ReloadOutlined />} loading={remote.loading} onClick={() => void remote.reload()}>刷新</Button>
        </Flex>
      </Flex>
      {calls.error && <LoadError what="申报批次" error={calls.error} onRetry={calls.reload} />}
      {remote.error && <LoadError what="培育指标" error={remote.error} onRetry={remote.reload} />}
      {table && (
        <Flex gap="middle" wrap>
          <Card size="small" style={{ minWidth: 200 }}><Statistic title="全省培育数量" value={table.provinceFloor} prefix="不少于" suffix="项" /></Card>
          <Card size="small" style={{ minWidth: 200 }}><Statistic title="各市指标合计" value={totalTarget} suffix="项" styles={{ content: { color: totalTarget < table.provinceFloor ? '#a8071a' : undefined } }} /></Card>
          <Card size="small" style={{ minWidth: 200 }}><Statistic title="全省已推荐" value={table.totalRecommended} suffix="项" /></Card>
        </Flex>
      )}
      {table && totalTarget < table.provinceFloor && (
        <Alert type="warning" showIcon title={`各市指标合计 ${totalTarget} 项，低于全省培育数量（不少于 ${table.provinceFloor} 项）。`} />
      )}
      {problems && (
        <Alert type="error" showIcon title={problems.title} closable onClose={() => setProblems(undefined)}
          description={problems.fields.length ? <ul style={{ margin: 0 }} aria-label="导入或保存的问题">{problems.fields.map((f) => <li key={f.path}>{f.message}</li>)}</ul> : undefined} />
      )}
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Text type="secondary">「目标」只显示完成进度；「上限」时该单位推荐数量不得超过指标。培育指标留空表示未下达。</Typography.Text>
        <Flex gap="middle" wrap>
          {callId && <ExportButton href={`/api/calls/${callId}/indicators.xlsx`} label="导出附件1（Excel）" />}
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => { void importSheet(file); return false; }}>
            <Button icon={<UploadOutlined />} disabled={!callId || saving}>导入附件1（Excel）</Button>
          </Upload>
        </Flex>
      </Flex>
      <FiguresTable<IndicatorRow & Draft>
        rowKey="unitId"
        size="middle"
        loading={remote.loading && !table}
        rows={rows}
        empty="请在右上方选择申报批次。"
        columns={[
          { title: '推荐单位', dataIndex: 'unitName' },
          {
            title: '培育指标（项）',
            render: (_, row) => (
              <InputNumber aria-label={`${row.unitName}培育指标`} min={0} max={10_000} precision={0} placeholder="未下达" value={row.target}
                onChange={(value) => edit(row.unitId, { target: typeof value === 'number' ? value : null })} />
            ),
          },
          {
            title: '指标性质',
            render: (_, row) => (
              <Select aria-label={`${row.unitName}指标性质`} style={{ width: 100 }} value={row.isCap ? 'cap' : 'target'} onChange={(kind: string) => edit(row.unitId, { isCap: kind === 'cap' })}
                options={[{ value: 'target', label: '目标' }, { value: 'cap', label: '上限' }]} />
            ),
          },
          { title: '已推荐（项）', dataIndex: 'recommended' },
          {
            title: '完成进度',
            width: 180,
            render: (_, row) => (row.target === null || row.target === 0
              ? '—'
              : <Progress size="small" percent={percent(row.recommended, row.target)} status={row.isCap && row.recommended >= row.target ? 'exception' : undefined} aria-label={`${row.unitName}推荐数占培育指标的比例`} />),
          },
        ]}
      />
      <Flex gap="middle">
        <Button type="primary" loading={saving} disabled={!changed} onClick={save}>保存全部指标</Button>
        <Button disabled={!changed || saving} onClick={() => table && setDraft(draftOf(table))}>撤销修改</Button>
      </Flex>
    </Space>
  );
}
