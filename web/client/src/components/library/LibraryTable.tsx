import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { ProjectStatus } from '../../../../../domain/project-status.js';
import type { LibraryRowView } from '../../../../server/schemas/library.js';
import { timeLabel } from '../dashboard/format.js';
import { tagColors } from '../../labels.js';

/** A status's tag colour: in the library and on its way green, waiting blue or amber, left or refused red. */
export function projectStatusColor(status: ProjectStatus): string {
  switch (status) {
    case 'received':
      return tagColors.info;
    case 'returned':
    case 'rectifying':
    case 'spot-checking':
      return tagColors.notice;
    case 'not-admitted':
    case 'exited':
    case 'acceptance-failed':
    case 'recovered':
      return tagColors.bad;
    default:
      return tagColors.good;
  }
}

/** The library's projects in project-number order, each linking to its project page; `withUnit` adds 推荐单位. */
export function LibraryTable({ rows, loading, withUnit, emptyText }: { rows: readonly LibraryRowView[]; loading: boolean; withUnit: boolean; emptyText: string }) {
  const columns: ColumnsType<LibraryRowView> = [
    { key: 'number', title: '项目编号', dataIndex: 'projectNumber', width: 160 },
    {
      key: 'name', title: '项目名称', width: 240,
      render: (_, row) => <Link to={`/projects/${row.projectId}`}>{row.projectName || row.projectNumber}</Link>,
    },
    {
      key: 'enterprise', title: '申报企业', width: 230,
      render: (_, row) => (
        <>
          <div>{row.enterpriseName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.uscc}</Typography.Text>
        </>
      ),
    },
    ...(withUnit ? [{ key: 'unit', title: '推荐单位', width: 100, render: (_: unknown, row: LibraryRowView) => row.unit.name }] : []),
    { key: 'direction', title: '申报方向', width: 170, render: (_, row) => row.direction.label || '—' },
    { key: 'category', title: '类别', width: 170, render: (_, row) => row.category.label },
    { key: 'status', title: '项目状态', width: 110, render: (_, row) => <Tag color={projectStatusColor(row.status)}>{row.statusLabel}</Tag> },
    { key: 'admitted', title: '入库时间', width: 150, render: (_, row) => (row.admittedAt ? timeLabel(row.admittedAt) : '—') },
  ];
  return (
    <Table<LibraryRowView>
      rowKey="projectId"
      size="middle"
      loading={loading}
      dataSource={[...rows]}
      columns={columns}
      scroll={{ x: 1200 }}
      pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], showTotal: (count) => `共 ${count} 个项目` }}
      locale={{ emptyText: <Empty description={emptyText} /> }}
    />
  );
}
