import { Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';

/** The table of figures beside a dashboard's chart: every row on one page, and what to do when there are none. */
export function FiguresTable<T extends object>({ rowKey, rows, loading, empty, columns, size = 'small' }: {
  rowKey: keyof T & string;
  rows: readonly T[] | undefined;
  loading: boolean;
  empty: string;
  columns: ColumnsType<T>;
  size?: 'small' | 'middle';
}) {
  return <Table<T> rowKey={rowKey} size={size} loading={loading} dataSource={rows} pagination={false} locale={{ emptyText: <Empty description={empty} /> }} columns={columns} />;
}
