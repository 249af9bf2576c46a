import { Table, Tag, Typography } from 'antd';
import type { ProjectStatusEventView } from '../../../../server/schemas/projects.js';
import { tagColors } from '../../labels.js';

// A project's status (省级项目库) as a tag, and its status rows: from, to, who, when (Beijing time), why.

const beijing = (time: Date) => time.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

const statusColors: Readonly<Record<string, string>> = {
  received: tagColors.info,
  returned: tagColors.action,
  admitted: tagColors.good,
  'not-admitted': tagColors.bad,
  exited: tagColors.bad,
  'acceptance-failed': tagColors.bad,
  recovered: tagColors.bad,
  rectifying: tagColors.notice,
};

/** A project status as a tag in its colour (dark enough for white text). */
export function ProjectStatusTag({ status, label }: { status: string; label: string }) {
  return <Tag color={statusColors[status] ?? tagColors.info} data-testid="project-status">{label}</Tag>;
}

/** 状态记录: every status change of the project, oldest first. */
export function ProjectHistory({ history }: { history: readonly ProjectStatusEventView[] }) {
  return (
    <Table
      size="small"
      rowKey={(_, index) => String(index)}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={[...history]}
      columns={[
        { key: 'at', title: '时间', render: (_, event) => beijing(event.at) },
        { key: 'from', title: '原状态', render: (_, event) => event.fromLabel ?? '—' },
        { key: 'to', title: '新状态', render: (_, event) => <ProjectStatusTag status={event.toStatus} label={event.toLabel} /> },
        { key: 'actor', title: '办理人', dataIndex: 'actor' },
        { key: 'reason', title: '原因', render: (_, event) => <span style={{ whiteSpace: 'pre-wrap' }}>{event.reason ?? '—'}</span> },
      ]}
    />
  );
}

export { beijing };

/** A list's or table's empty text in the secondary colour: antd's own grey for it fails the contrast check. */
export function EmptyText({ text }: { text: string }) {
  return <Typography.Text type="secondary">{text}</Typography.Text>;
}
