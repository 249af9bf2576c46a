import { Alert, Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { applicationList, applicationView, callList, type ApplicationView, type CallSummary } from '../../../server/schemas/applications.js';
import { api, messageOf } from '../api.js';
import { CallNotice } from '../components/CallNotice.js';
import { statusLabels, tagColors, templateLabels } from '../labels.js';

/** 我的申报: the open calls' notices, a way to start a new application in one, and the enterprise's applications. */
export function PortalHome() {
  const navigate = useNavigate();
  const [calls, setCalls] = useState<CallSummary[]>([]);
  const [applications, setApplications] = useState<ApplicationView[]>();
  const [template, setTemplate] = useState('mode-application');
  const [error, setError] = useState<string>();
  useEffect(() => {
    api('GET', '/api/calls', callList).then(setCalls, (e) => setError(messageOf(e)));
    api('GET', '/api/applications', applicationList).then(setApplications, (e) => setError(messageOf(e)));
  }, []);
  const open = calls.filter((call) => call.open);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>我的申报</Typography.Title>
      {error && <Alert type="error" showIcon message={error} />}
      <Card title="新建申报">
        {open.length ? (
          <Space wrap>
            <span id="template-label">申报类别</span>
            <Select aria-labelledby="template-label" value={template} onChange={setTemplate} style={{ width: 320 }}
              options={Object.entries(templateLabels).map(([value, label]) => ({ value, label }))} />
            <Button type="primary" onClick={async () => {
              try {
                const draft = await api('POST', '/api/applications', applicationView, { callId: open[0]!.id, template });
                navigate(`/applications/${draft.id}/edit`);
              } catch (caught) {
                setError(messageOf(caught));
              }
            }}>开始填写（{open[0]!.title}）</Button>
          </Space>
        ) : <Typography.Text>当前没有开放申报的批次。</Typography.Text>}
      </Card>
      {/* the notice of the call a new application starts in */}
      {open[0] && <CallNotice call={open[0]} />}
      <Card title="申报记录">
        <Table<ApplicationView>
          rowKey="id"
          loading={applications === undefined}
          dataSource={applications}
          locale={{ emptyText: <Empty description="还没有申报。选择类别后点击“开始填写”。" /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '申报编号', dataIndex: 'applicationNumber', render: (value: string | null) => value ?? '（未提交）' },
            { title: '项目名称', render: (_, row) => String(row.data.projectName ?? '（未填写）') },
            { title: '类别', dataIndex: 'template', render: (value: string) => templateLabels[value] },
            { title: '状态', dataIndex: 'status', render: (value: string) => <Tag color={value === 'refused' || value === 'withdrawn' ? tagColors.bad : value === 'draft' ? undefined : tagColors.info}>{statusLabels[value] ?? value}</Tag> },
            { title: '操作', render: (_, row) => row.status === 'draft' ? <Link to={`/applications/${row.id}/edit`}>继续填写</Link> : <Link to={`/applications/${row.id}`}>查看进度</Link> },
          ]}
        />
      </Card>
    </Space>
  );
}
