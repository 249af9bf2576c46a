import { Alert, Button, Card, Empty, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { callList, type CallSummary } from '../../../server/schemas/applications.js';
import { callSettings } from '../../../server/schemas/calls.js';
import { api } from '../api.js';
import { CallStateTag } from '../components/calls/call-state.js';
import { FieldProblems } from '../components/calls/FieldProblems.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { timeLabel } from '../components/dashboard/format.js';
import { useSession } from '../session.js';
import { fieldsOf, messageOf, type FieldError } from '../api.js';

/** 申报批次: every call with its state and calendar, and the next year's call created from a chosen one. */
export function CallsPage() {
  const navigate = useNavigate();
  const readOnly = useSession().account?.role !== 'province-officer';
  const calls = useRemote('/api/calls', callList);
  const [fromCallId, setFromCallId] = useState<string>();
  const [year, setYear] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; fields: FieldError[] }>();
  const from = calls.data?.find((call) => call.id === fromCallId);
  useEffect(() => {
    if (!fromCallId && calls.data?.[0]) setFromCallId([...calls.data].sort((a, b) => b.year - a.year)[0]!.id);
  }, [calls.data]);
  useEffect(() => setYear(from ? from.year + 1 : null), [fromCallId]);

  async function create() {
    setBusy(true);
    setProblem(undefined);
    try {
      const created = await api('POST', '/api/calls', callSettings, { fromCallId, ...(year ? { year } : {}) });
      navigate(`/calls/${created.id}`);
    } catch (caught) {
      const fields = fieldsOf(caught);
      setProblem({ title: `未能创建：${fields[0]?.message ?? messageOf(caught)}`, fields });
    } finally {
      setBusy(false);
    }
  }

  // The yearly program reads by year: the newest year first, then the latest opening.
  const byYear = [...(calls.data ?? [])].sort((a, b) => b.year - a.year || b.opensAt.getTime() - a.opensAt.getTime());
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={calls.loading || busy}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>申报批次</Typography.Title>
      {calls.error && <Alert type="error" showIcon title={calls.error} />}
      {!readOnly && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>新建下一年度批次</h2>}>
          <Space wrap>
            <span id="from-call-label">以此批次为模板</span>
            <Select aria-labelledby="from-call-label" style={{ width: 420 }} value={fromCallId} onChange={setFromCallId} showSearch optionFilterProp="label"
              options={[...(calls.data ?? [])].sort((a, b) => b.year - a.year).map((call) => ({ value: call.id, label: call.title }))} />
            <label htmlFor="new-call-year">年度</label>
            <InputNumber id="new-call-year" min={2000} max={2100} precision={0} value={year} onChange={setYear} />
            <Button type="primary" loading={busy} disabled={!fromCallId} onClick={create}>新建下一年度批次</Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            新批次复制模板批次的申报指南、申报方向与申报书类别、通知文本、联系人、下载文件、补正和盖章天数、培育指标，日程顺延到新年度；创建后为草稿，发布前企业不可见。
          </Typography.Paragraph>
          {problem && <div style={{ marginTop: 12 }}><FieldProblems {...problem} /></div>}
        </Card>
      )}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>全部批次（按年度，新的在前）</h2>}>
        <Table<CallSummary> rowKey="id" dataSource={byYear} loading={calls.loading} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description="还没有申报批次。" /> }}
          columns={[
            { title: '批次', dataIndex: 'title', render: (title: string, call) => <Link to={`/calls/${call.id}`}>{title}</Link> },
            { title: '年度', dataIndex: 'year' },
            { title: '状态', dataIndex: 'state', render: (state: string, call) => <Space size={4}><CallStateTag state={state} />{call.open && '申报中'}</Space> },
            { title: '申报开始', dataIndex: 'opensAt', render: (at: Date) => timeLabel(at) },
            { title: '企业申报截止', dataIndex: 'enterpriseDeadline', render: (at: Date) => timeLabel(at) },
            { title: '各市报送截止', dataIndex: 'cityDeadline', render: (at: Date) => timeLabel(at) },
          ]} />
      </Card>
    </Space>
  );
}
