import { DeleteOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Input, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { SpecialDayKind } from '../../../../../domain/working-days.js';
import { tagColors } from '../../labels.js';

/** A row as edited on the page; `date` is '' until one is picked. */
export interface SpecialDayDraft {
  key: string;
  date: string;
  kind: SpecialDayKind;
  name: string;
  checked: boolean;
  updatedBy?: string;
}

const weekdays = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const kindOptions = [{ value: 'holiday', label: '节假日（放假）' }, { value: 'workday', label: '调休上班' }];

/** The weekday of a date (YYYY-MM-DD), in Chinese. */
export function weekdayOf(date: string): string {
  return date ? weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()]! : '';
}

/**
 * The editable table of a year's special days: each row's date, its weekday, holiday or 调休上班, its name and whether
 * it was checked against the State Council's notice (待核对 until it is); `invalid` marks the fields the server refused.
 */
export function SpecialDaysTable({ year, rows, invalid, loading, onChange, onRemove }: {
  year: number;
  rows: SpecialDayDraft[];
  invalid: ReadonlySet<string>;
  loading: boolean;
  onChange(key: string, change: Partial<SpecialDayDraft>): void;
  onRemove(key: string): void;
}) {
  const status = (index: number, field: string) => (invalid.has(`${index}.${field}`) ? 'error' : undefined);
  return (
    <Table<SpecialDayDraft>
      rowKey="key"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: `${year} 年还没有节假日或调休上班日。点击「添加日期」逐条填写。` }}
      columns={[
        { title: '行', width: 56, render: (_, _row, index) => index + 1 },
        {
          title: '日期',
          render: (_, row, index) => (
            <DatePicker aria-label={`第 ${index + 1} 行日期`} format="YYYY-MM-DD" status={status(index, 'date')} allowClear={false}
              value={row.date ? dayjs(row.date) : null} defaultPickerValue={dayjs(`${year}-01-01`)}
              onChange={(value: Dayjs | null) => onChange(row.key, { date: value ? value.format('YYYY-MM-DD') : '' })} />
          ),
        },
        { title: '星期', width: 80, render: (_, row) => weekdayOf(row.date) },
        {
          title: '类型',
          render: (_, row, index) => (
            <Select aria-label={`第 ${index + 1} 行类型`} style={{ width: 150 }} status={status(index, 'kind')} value={row.kind} options={kindOptions}
              onChange={(kind: SpecialDayKind) => onChange(row.key, { kind })} />
          ),
        },
        {
          title: '名称',
          render: (_, row, index) => (
            <Input aria-label={`第 ${index + 1} 行名称`} style={{ width: 160 }} maxLength={20} placeholder="如 春节" status={status(index, 'name')} value={row.name}
              onChange={(event) => onChange(row.key, { name: event.target.value })} />
          ),
        },
        {
          title: '核对',
          render: (_, row, index) => (
            <>
              <Checkbox aria-label={`第 ${index + 1} 行已核对`} checked={row.checked} onChange={(event) => onChange(row.key, { checked: event.target.checked })}>已核对</Checkbox>
              {!row.checked && <Tag color={tagColors.notice}>待核对</Tag>}
            </>
          ),
        },
        { title: '最后修改', render: (_, row) => <Typography.Text type="secondary">{row.updatedBy === 'migration' ? '系统预置' : (row.updatedBy ?? '未保存')}</Typography.Text> },
        {
          title: '操作',
          width: 80,
          render: (_, row, index) => <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${index + 1} 行`} title="删除这一行" onClick={() => onRemove(row.key)} />,
        },
      ]}
    />
  );
}
