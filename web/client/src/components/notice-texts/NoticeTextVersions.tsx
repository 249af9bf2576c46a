import { Button, Card, Table } from 'antd';
import type { NoticeTextsAnswer, NoticeTextsDraft } from '../../../../server/schemas/notice-texts.js';

type Version = NoticeTextsAnswer['versions'][number];

/**
 * The versions of a call's notice texts, newest first, each with its author and time; each text it holds shows
 * when expanded, and may be taken into the editor (saving it then makes a new version).
 */
export function NoticeTextVersions({ answer, onTake }: { answer: NoticeTextsAnswer; onTake(texts: NoticeTextsDraft): void }) {
  const nameOf = (key: string) => {
    const entry = answer.catalogue.find((e) => e.key === key)!;
    return `${answer.notices.find((n) => n.kind === entry.notice)!.name}·${entry.name}`;
  };
  return (
    <Card title="版本历史" size="small">
      <Table<Version>
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={answer.versions}
        expandable={{
          expandedRowRender: (version) => (
            <dl style={{ margin: 0 }}>
              {Object.entries(version.texts).map(([key, text]) => (
                <div key={key}><dt style={{ fontWeight: 600 }}>{nameOf(key)}</dt><dd style={{ whiteSpace: 'pre-wrap', marginLeft: 16 }}>{text || '（空）'}</dd></div>
              ))}
            </dl>
          ),
        }}
        columns={[
          { title: '版本', dataIndex: 'version', render: (v: number) => `第 ${v} 版${v === answer.version ? '（当前）' : ''}` },
          { title: '保存人', dataIndex: 'createdBy', render: (by: string) => (by === 'system' ? '系统（创建批次时）' : by) },
          { title: '保存时间', dataIndex: 'createdAt', render: (at: Date) => at.toLocaleString('zh-CN', { hour12: false }) },
          { title: '操作', render: (_, version) => (version.version === answer.version ? null : <Button size="small" onClick={() => onTake(version.texts)}>{`载入第 ${version.version} 版`}</Button>) },
        ]}
      />
    </Card>
  );
}
