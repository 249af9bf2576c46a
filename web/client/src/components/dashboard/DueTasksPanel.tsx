import { Alert, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { tagColors } from '../../labels.js';
import { ExportButton } from './ExportButton.js';
import { spanLabel, timeLabel } from './format.js';
import { ApplicationLink } from './SubjectLink.js';
import type { DueTask, DueTasks } from './types.js';

export const WINDOW_DAYS = [1, 3, 7, 14, 30] as const;

/** 逾期任务: open tasks past their due date, and those due soon, with their unit and application. */
export function DueTasksPanel({ due, loading, withinDays, onWithinDaysChange }: { due: DueTasks | undefined; loading: boolean; withinDays: number; onWithinDaysChange(days: number): void }) {
  const now = due ? due.now.getTime() : Date.now();
  const columns = (kind: 'overdue' | 'near'): ColumnsType<DueTask> => [
    { title: '申报编号', render: (_, task) => <ApplicationLink subject={task} /> },
    { title: '项目名称', dataIndex: 'projectName', render: (value: string | null) => value ?? '—' },
    { title: '推荐单位', dataIndex: 'unitName', render: (value: string | null) => value ?? '—' },
    { title: '任务', dataIndex: 'name' },
    { title: '办理人', dataIndex: 'assignee', render: (value: string | null) => value ?? '未认领' },
    { title: '到期时间', dataIndex: 'due', render: timeLabel },
    kind === 'overdue'
      ? { title: '已逾期', render: (_, task) => <Tag color={tagColors.bad}>{spanLabel(now - task.due.getTime())}</Tag> }
      : { title: '剩余', render: (_, task) => <Tag color={tagColors.notice}>{spanLabel(task.due.getTime() - now)}</Tag> },
    { title: '申报批次', dataIndex: 'callTitle', render: (value: string | null) => value ?? '—' },
  ];
  return (
    <section aria-label="逾期任务">
      <Flex justify="space-between" align="center" wrap gap="middle" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">全部申报批次中设有办理期限、尚未办结的任务。</Typography.Text>
        <Flex gap="middle" align="center" wrap>
          <label htmlFor="due-window">即将到期的范围</label>
          <Select id="due-window" value={withinDays} style={{ width: 120 }} onChange={onWithinDaysChange}
            options={WINDOW_DAYS.map((days) => ({ value: days, label: `${days} 天内` }))} />
          <ExportButton href={`/api/dashboard/due-tasks.xlsx?withinDays=${withinDays}`} />
        </Flex>
      </Flex>
      <DueList title="已逾期" list={due?.overdue} loading={loading} columns={columns('overdue')}
        empty="目前没有逾期任务，无需处理。设有办理期限的任务逾期后会列在这里。" />
      <DueList title={`${withinDays} 天内到期`} list={due?.nearDue} loading={loading} columns={columns('near')}
        empty={`未来 ${withinDays} 天内没有到期的任务。可在右上方放宽范围查看更远的期限。`} />
    </section>
  );
}

/** One list of due tasks: its heading with the count, a note when the list was cut, and its table. */
function DueList({ title, list, loading, columns, empty }: { title: string; list: DueTasks['overdue'] | undefined; loading: boolean; columns: ColumnsType<DueTask>; empty: string }) {
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>{title}{list ? `（${list.total}）` : ''}</Typography.Title>
      <LeftOff shown={list?.tasks.length} total={list?.total} />
      <Table<DueTask>
        rowKey="taskId"
        size="small"
        loading={loading}
        dataSource={list?.tasks}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={empty} /> }}
        columns={columns}
      />
    </>
  );
}

function LeftOff({ shown, total }: { shown: number | undefined; total: number | undefined }) {
  if (shown === undefined || total === undefined || total <= shown) return null;
  return <Alert type="info" showIcon style={{ marginBottom: 8 }} title={`共 ${total} 项，此处和导出文件列出最早到期的 ${shown} 项；处理后刷新可看到其余各项。`} />;
}
