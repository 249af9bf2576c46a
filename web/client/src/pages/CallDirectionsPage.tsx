import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Radio, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { templates } from '../../../../domain/directions.js';
import { api, fieldsOf, messageOf, type FieldError } from '../api.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { tagColors } from '../labels.js';
import { callDirectionsView, type CallDirectionEdit, type CallDirectionsView } from '../../../server/schemas/call-directions.js';

/** A row as edited: `key` tells rows apart on the page (a new row has no code until saved). */
type Draft = CallDirectionEdit & { key: string; applications: number };

const templateOptions = templates.map((t) => ({ value: t.code, label: `${t.attachment} ${t.label}` }));
const draftOf = (view: CallDirectionsView): Draft[] =>
  view.directions.map((d) => ({ key: d.code, code: d.code, label: d.label, subtypeOf: d.subtypeOf, template: d.template, retired: d.retired, applications: d.applications }));

/**
 * 申报方向 (/calls/:callId/directions): a call's directions with each one's 申报书类别 (附件2–4), its parent, the one
 * capped at one per unit and whether it is retired; rows are added and renamed here and saved together. The
 * application forms offer a call's directions as data, so a direction added here reaches new applications at once.
 */
export function CallDirectionsPage() {
  const { callId } = useParams();
  const { message } = App.useApp();
  const remote = useRemote(callId && `/api/calls/${callId}/directions`, callDirectionsView);
  const [view, setView] = useState<CallDirectionsView>();
  const [rows, setRows] = useState<Draft[]>([]);
  const [capped, setCapped] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ title: string; fields: FieldError[] }>();
  const [added, setAdded] = useState(0);
  const show = (next: CallDirectionsView) => {
    setView(next);
    setRows(draftOf(next));
    setCapped(next.cappedDirection);
  };
  useEffect(() => {
    if (remote.data) show(remote.data);
  }, [remote.data]);

  const edit = (key: string, change: Partial<Draft>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const addRow = () => {
    setAdded((n) => n + 1);
    setRows((all) => [...all, { key: `new-${added}`, label: '', subtypeOf: null, template: null, retired: false, applications: 0 }]);
  };

  async function save() {
    setSaving(true);
    setRefusal(undefined);
    try {
      const directions = rows.map(({ key: _key, applications: _n, ...row }) => row);
      show(await api('PUT', `/api/calls/${callId}/directions`, callDirectionsView, { directions, cappedDirection: capped }));
      message.success('申报方向已保存');
    } catch (e) {
      setRefusal({ title: `保存失败：${messageOf(e)}`, fields: fieldsOf(e) });
    } finally {
      setSaving(false);
    }
  }

  const parents = rows.filter((r) => r.code !== undefined).map((r) => ({ value: r.code!, label: r.label }));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={remote.loading || saving}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>申报方向{view ? `：${view.callTitle}` : ''}</Typography.Title>
      <Typography.Text type="secondary">
        每个申报方向对应一类申报书（附件2–4），企业新建申报时按类别看到本批次的方向。已有申报使用的方向不能删除，可停用：停用后新申报不再可选，已有申报保留原方向名称。
      </Typography.Text>
      {remote.error && <LoadError what="申报方向" error={remote.error} onRetry={remote.reload} />}
      {refusal && (
        <Alert type="error" showIcon title={refusal.title} closable onClose={() => setRefusal(undefined)}
          description={refusal.fields.length ? <ul style={{ margin: 0 }} aria-label="保存的问题">{refusal.fields.map((f) => <li key={f.path + f.message}>{f.message}</li>)}</ul> : undefined} />
      )}
      <Table<Draft>
        rowKey="key"
        size="middle"
        pagination={false}
        loading={remote.loading && !view}
        dataSource={rows}
        columns={[
          { title: '序号', key: 'n', width: 64, render: (_v, _r, index) => index + 1 },
          {
            title: '申报方向名称', key: 'label', render: (_v, row, index) => (
              <Input aria-label={`第${index + 1}行申报方向名称`} value={row.label} maxLength={50} onChange={(e) => edit(row.key, { label: e.target.value })} />
            ),
          },
          {
            title: '申报书类别', key: 'template', width: 280, render: (_v, row, index) => (
              <Select aria-label={`第${index + 1}行申报书类别`} style={{ width: '100%' }} placeholder="请选择" value={row.template ?? undefined} options={templateOptions}
                onChange={(template) => edit(row.key, { template })} />
            ),
          },
          {
            title: '上级方向', key: 'subtypeOf', width: 220, render: (_v, row, index) => (
              <Select aria-label={`第${index + 1}行上级方向`} style={{ width: '100%' }} allowClear placeholder="无" value={row.subtypeOf ?? undefined}
                options={parents.filter((p) => p.value !== row.code)} onChange={(value?: string) => edit(row.key, { subtypeOf: value ?? null })} />
            ),
          },
          {
            title: '限推1个', key: 'capped', width: 90, render: (_v, row, index) => (
              <Radio aria-label={`第${index + 1}行限推1个`} checked={row.code !== undefined && capped === row.code} disabled={row.code === undefined} onChange={() => setCapped(row.code ?? null)} />
            ),
          },
          {
            title: '停用', key: 'retired', width: 80, render: (_v, row, index) => (
              <Switch aria-label={`第${index + 1}行停用`} checked={row.retired} onChange={(retired) => edit(row.key, { retired })} />
            ),
          },
          {
            title: '已有申报', key: 'applications', width: 150, render: (_v, row, index) => (row.applications > 0
              ? <Tag color={tagColors.info}>{row.applications} 份</Tag>
              : <Button type="link" onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))} aria-label={`删除第${index + 1}行`}>删除</Button>),
          },
        ]}
      />
      <Flex gap="middle" wrap>
        <Button icon={<PlusOutlined />} onClick={addRow} disabled={!view}>添加申报方向</Button>
        <Button onClick={() => setCapped(null)} disabled={!view || capped === null}>不设限推方向</Button>
        <Button type="primary" loading={saving} disabled={!view} onClick={() => void save()}>保存</Button>
      </Flex>
    </Space>
  );
}
