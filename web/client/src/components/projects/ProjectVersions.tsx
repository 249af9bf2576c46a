import { Alert, Card, Checkbox, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ProjectView } from '../../../../server/schemas/projects.js';
import { tagColors } from '../../labels.js';
import { EmptyText, beijing } from './ProjectHistory.js';

// 当前版本 and 入库快照 side by side, field by field, the fields that differ marked (colour and a word, so the mark
// is not colour alone); then the files frozen at admission with their SHA-256 and whether the stored file still
// matches it.

const changedRow = { background: '#fffbe6' } as const;

/** The current version beside the admission snapshot; before admission the current version alone. */
export function ProjectVersions({ view }: { view: ProjectView }) {
  const { snapshot, fields } = view;
  const changed = fields.filter((field) => field.changed).length;
  const [onlyChanged, setOnlyChanged] = useState(false);
  return (
    <Card title={snapshot ? '当前版本与入库快照' : '当前版本'}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {snapshot
          ? <Typography.Text>入库快照冻结于 {beijing(new Date(snapshot.admittedAt))}；{changed ? `当前版本有 ${changed} 项与快照不同，已标出。` : '当前版本与快照一致。'}</Typography.Text>
          : <Alert type="info" showIcon title="项目尚未入库：入库时将冻结申报内容、附件哈希和申报文书作为入库快照。" />}
        {changed > 0 && <Checkbox checked={onlyChanged} onChange={(event) => setOnlyChanged(event.target.checked)}>只显示有变更的字段</Checkbox>}
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={onlyChanged ? fields.filter((field) => field.changed) : fields}
          onRow={(field) => (field.changed ? { style: changedRow, className: 'project-field-changed' } : {})}
          columns={[
            {
              key: 'label', title: '字段', width: 220, render: (_, field) => (
                <Space orientation="vertical" size={0}>
                  {field.section && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{field.section}</Typography.Text>}
                  <span>{field.label}</span>
                  {field.changed && <Tag color={tagColors.notice}>有变更</Tag>}
                </Space>
              ),
            },
            { key: 'current', title: '当前版本', render: (_, field) => <Value text={field.current} /> },
            ...(snapshot ? [{ key: 'snapshot', title: '入库快照', render: (_: unknown, field: ProjectView['fields'][number]) => <Value text={field.snapshot ?? ''} /> }] : []),
          ]}
        />
        {snapshot && <SnapshotFiles snapshot={snapshot} />}
      </Space>
    </Card>
  );
}

// helpers

function Value({ text }: { text: string }) {
  return <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxWidth: 520 }}>{text || '—'}</div>;
}

type Snapshot = NonNullable<ProjectView['snapshot']>;

function SnapshotFiles({ snapshot }: { snapshot: Snapshot }) {
  const files = [
    ...snapshot.documents.map((file) => ({ ...file, group: '申报文书' })),
    ...snapshot.attachments.map((file) => ({ ...file, group: '申报附件' })),
  ];
  return (
    <Table
      size="small"
      rowKey={(file) => `${file.group}-${file.id}`}
      pagination={false}
      scroll={{ x: 'max-content' }}
      title={() => <Typography.Text strong>入库快照的文书与附件</Typography.Text>}
      dataSource={files}
      locale={{ emptyText: <EmptyText text="快照中没有文件" /> }}
      columns={[
        { key: 'group', title: '类别', render: (_, file) => `${file.group}${file.label ? `（${file.label}）` : ''}` },
        { key: 'file', title: '文件', render: (_, file) => <a href={`/api/attachments/${file.id}`}>{file.fileName}</a> },
        { key: 'sha256', title: 'SHA-256', render: (_, file) => <Typography.Text code style={{ wordBreak: 'break-all' }}>{file.sha256}</Typography.Text> },
        {
          key: 'intact', title: '校验', render: (_, file) => file.intact
            ? <Tag color={tagColors.good}>与快照一致</Tag>
            : <Tag color={tagColors.bad}>与快照不符</Tag>,
        },
      ]}
    />
  );
}
