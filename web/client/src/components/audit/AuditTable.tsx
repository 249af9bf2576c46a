import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { AuditRowView } from '../../../../server/schemas/audit.js';

const beijing = (time: Date) => time.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** The recorded details, collapsed: a click shows the JSON as it was written. */
function Details({ detail }: { detail: Record<string, unknown> }) {
  if (!Object.keys(detail).length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <details>
      <summary>查看</summary>
      <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxWidth: 420, margin: 0, fontSize: 12 }}>{JSON.stringify(detail, null, 2)}</pre>
    </details>
  );
}

/** One page of 操作日志: newest first, with Beijing time, actor, role, action, subject, call, unit and application. */
export function AuditTable({ rows, total, page, pageSize, loading, onPage }: {
  rows: AuditRowView[]; total: number; page: number; pageSize: number; loading: boolean; onPage(page: number, pageSize: number): void;
}) {
  return (
    <Table<AuditRowView>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 1200 }}
      pagination={{ current: page, pageSize, total, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], showTotal: (count) => `共 ${count} 条`, onChange: onPage }}
      columns={[
        { key: 'at', title: '时间（北京时间）', width: 170, render: (_, row) => beijing(row.at) },
        { key: 'actor', title: '操作人', width: 200, render: (_, row) => (row.actorName ? `${row.actorName}（${row.actor}）` : row.actor) },
        { key: 'role', title: '角色', dataIndex: 'actorRole', width: 160 },
        { key: 'action', title: '操作', dataIndex: 'actionLabel', width: 140 },
        { key: 'subject', title: '对象', dataIndex: 'subject', width: 200, render: (subject: string) => <span style={{ wordBreak: 'break-all' }}>{subject}</span> },
        { key: 'call', title: '批次', width: 160, render: (_, row) => row.callTitle ?? row.callId ?? '' },
        { key: 'unit', title: '单位', dataIndex: 'unitName', width: 100 },
        { key: 'application', title: '申报编号', width: 160, render: (_, row) => (row.applicationId ? <Link to={`/applications/${row.applicationId}`}>{row.applicationNumber ?? '（草稿）'}</Link> : '') },
        { key: 'detail', title: '详情', render: (_, row) => <Details detail={row.detail} /> },
      ]}
    />
  );
}
